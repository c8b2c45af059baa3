"""Content held in English and Japanese, shown in the page's language with a fallback.

Every bilingual field is a pair: the English column (`title`) and its Japanese
companion (`title_ja`). English is the record language of the bilateral secretariat
and stays required where it was; Japanese is optional. A page shows its own
language where it is present and otherwise the other one, and says which language
each run of text is in, so a screen reader switches voice (WCAG 2.1 SC 3.1.2).
"""

import re

from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language
from django.utils.translation.trans_real import parse_accept_lang_header

JAPANESE = "ja"
ENGLISH = "en"
SUFFIX = "_ja"

# Hiragana, Katakana (and its phonetic extensions), CJK symbols and punctuation (which
# include the ideographic space), CJK ideographs (unified, extension A, compatibility,
# and the supplementary planes), half-width and full-width forms, and historic kana.
_JAPANESE_SCRIPT = (
    "\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff00-\uffef\U0001b000-\U0001b16f\U00020000-\U0003134f"
)
# What may sit between two Japanese characters and still belong to the same run:
# horizontal spaces, digits and ASCII punctuation. Line breaks end a run, so a span never
# straddles the paragraphs and <br>s that linebreaks makes. & < > " ' are left out: after
# escaping they begin entities, and a run must never cut one.
_BETWEEN = " \t\u00a00-9!#-%(-/:;=?@\\[-`{-~"
# A number written straight before Japanese text ("2件", "2025年") is read as part of it.
_JAPANESE_RUN = re.compile(
    rf"(?:(?<![A-Za-z0-9_\-])[0-9]+)?[{_JAPANESE_SCRIPT}]"
    rf"(?:[{_JAPANESE_SCRIPT}{_BETWEEN}]*[{_JAPANESE_SCRIPT}])?"
)
_HAS_JAPANESE = re.compile(rf"[{_JAPANESE_SCRIPT}]")
_LATIN = re.compile(r"[A-Za-z]{2}")
# Text that is already safe HTML may carry tags; only the text between them is marked.
_TAG = re.compile(r"(<[^>]*>)")


def page_language(language=None):
    """'ja' or 'en': the language a page (or file, or email) is written in."""
    language = language or get_language() or ENGLISH
    return JAPANESE if language.split("-")[0] == JAPANESE else ENGLISH


def looks_japanese(text):
    return bool(_HAS_JAPANESE.search(text or ""))


class LocalizedText(str):
    """A string that knows which language it is written in (`.lang`)."""

    def __new__(cls, text, lang):
        obj = super().__new__(cls, text or "")
        obj.lang = lang
        return obj

    # Immutable like str: forms deep-copy their choices, pickling caches them.
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (LocalizedText, (str(self), self.lang))


def pick(english, japanese, language=None):
    """The text for a page in `language`: its own language where present, else the other."""
    if page_language(language) == JAPANESE:
        return LocalizedText(japanese, JAPANESE) if japanese else LocalizedText(english, ENGLISH)
    return LocalizedText(english, ENGLISH) if english else LocalizedText(japanese, JAPANESE)


def localized(obj, field, language=None):
    """`obj.field` or `obj.field_ja`, whichever suits the page, as LocalizedText."""
    return pick(getattr(obj, field), getattr(obj, field + SUFFIX, ""), language)


class Localized:
    """`obj.localized.title` in templates: the field in the page's language, with fallback."""

    __slots__ = ("_obj",)

    def __init__(self, obj):
        self._obj = obj

    def __getattr__(self, field):
        return localized(self._obj, field)


class BilingualMixin:
    """Gives a model with `<field>`/`<field>_ja` pairs the `localized` accessor."""

    @property
    def localized(self):
        return Localized(self)


def localized_expression(path, language=None):
    """SQL for the text of `path` (e.g. "area__name") in the page's language, with fallback."""
    own, other = (
        (path + SUFFIX, path) if page_language(language) == JAPANESE else (path, path + SUFFIX)
    )
    text = TextField()
    return Coalesce(NullIf(F(own), Value(""), output_field=text), F(other), output_field=text)


# -- marking languages in HTML ------------------------------------------------------------


def mark_japanese_runs(html):
    """Wrap each run of Japanese script in the text parts of `html` in <span lang="ja">."""
    parts = _TAG.split(html)
    parts[::2] = [_JAPANESE_RUN.sub(r'<span lang="ja">\g<0></span>', text) for text in parts[::2]]
    return "".join(parts)


def marked_html(value, language=None):
    """`value` escaped, with every run not in the page's language marked with its `lang`.

    LocalizedText from the other language is wrapped whole. English text, including
    a fallback, also has its Japanese runs marked (a body's Japanese name in brackets);
    on a Japanese page those runs need no marking of their own.
    """
    page = page_language(language)
    text = "" if value is None else str(value)
    lang = getattr(value, "lang", None)
    # Text already marked safe (a link, say) keeps its tags; only its text parts are marked.
    html = conditional_escape(value) if isinstance(value, SafeData) else escape(text)
    if lang == JAPANESE:
        return html if page == JAPANESE or not text else f'<span lang="ja">{html}</span>'
    if page == ENGLISH:
        return mark_japanese_runs(html)
    # A plain string with no language of its own: Latin text on a Japanese page is English.
    if text and (
        lang == ENGLISH or (lang is None and _LATIN.search(text) and not looks_japanese(text))
    ):
        return f'<span lang="en">{mark_japanese_runs(html)}</span>'
    return html


def marked(value, language=None):
    return mark_safe(marked_html(value, language))  # escaped by marked_html


def prefers_japanese(request):
    """True when the browser ranks Japanese above English (or asks for Japanese only)."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        base = code.split("-")[0].lower()
        if base == JAPANESE:
            return True
        if base == ENGLISH:
            return False
    return False
