"""Say which language each part of a page is in, so screen readers switch voice (WCAG 2.1 SC 3.1.2)."""

from django import template
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from recommendations.bilingual import (
    JAPANESE,
    LocalizedText,
    looks_japanese,
    marked,
    marked_html,
    page_language,
)

register = template.Library()


@register.filter
def lang_marked(value):
    """Escape `value` and mark every run that is not in the page's language with its `lang`."""
    return marked(value)


@register.filter
def paragraphs(value):
    """`linebreaks` for bilingual text: a fallback in the other language is marked as a block."""
    if value is None or value == "":
        return ""
    lang = getattr(value, "lang", None)
    if lang and lang != page_language():
        # Mark the block once, then the Japanese runs inside English text as usual.
        inner = marked_html(str(value), lang)
        return mark_safe(f'<div lang="{lang}">{linebreaks(inner, autoescape=False)}</div>')
    return mark_safe(linebreaks(marked_html(value), autoescape=False))  # escaped by marked_html


# Japanese has no spaces between words: about three characters carry what an English word does.
CHARACTERS_PER_WORD_JA = 3


@register.filter
def shorten(value, words):
    """`truncatewords` that keeps the text's language, and counts characters in Japanese."""
    text = "" if value is None else str(value)
    lang = getattr(value, "lang", None)
    if lang == JAPANESE or (lang is None and looks_japanese(text) and " " not in text.strip()):
        short = Truncator(text).chars(int(words) * CHARACTERS_PER_WORD_JA)
    else:
        short = Truncator(text).words(int(words), truncate=" …")
    return LocalizedText(short, lang) if lang else short
