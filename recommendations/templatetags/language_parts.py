"""Mark the Japanese parts of English pages so screen readers switch voice (WCAG 2.1 SC 3.1.2)."""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

# Hiragana, Katakana (and its phonetic extensions), CJK symbols and punctuation (which
# include the ideographic space), CJK ideographs (unified, extension A, compatibility,
# and the supplementary planes), half-width and full-width forms, and historic kana.
_JAPANESE = (
    "\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff00-\uffef\U0001b000-\U0001b16f\U00020000-\U0003134f"
)
# What may sit between two Japanese characters and still belong to the same run:
# horizontal spaces, digits and ASCII punctuation. Line breaks end a run, so a span never
# straddles the paragraphs and <br>s that linebreaks makes. & < > " ' are left out: after
# escaping they begin entities, and a run must never cut one.
_BETWEEN = " \t\u00a00-9!#-%(-/:;=?@\\[-`{-~"
# A number written straight before Japanese text ("2件", "2025年") is read as part of it.
_RUN = re.compile(
    rf"(?:(?<![A-Za-z0-9_\-])[0-9]+)?[{_JAPANESE}](?:[{_JAPANESE}{_BETWEEN}]*[{_JAPANESE}])?"
)
# Text that is already safe HTML may carry tags; only the text between them is marked.
_TAG = re.compile(r"(<[^>]*>)")


@register.filter
def lang_ja(value):
    """Escape `value` and wrap each run of Japanese script in <span lang="ja">."""
    if value is None:
        return ""
    parts = _TAG.split(conditional_escape(value))
    parts[::2] = [_RUN.sub(r'<span lang="ja">\g<0></span>', text) for text in parts[::2]]
    return mark_safe("".join(parts))  # every text part was escaped above
