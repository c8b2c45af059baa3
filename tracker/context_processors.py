"""The language switcher, the hreflang alternates and the one-line hint to Japanese-preferring
browsers, on every page."""

from django.urls import reverse, translate_url
from django.utils.translation import get_language_info, override

from recommendations.bilingual import ENGLISH, JAPANESE, page_language, prefers_japanese

JAPANESE_PREFIX = "/" + JAPANESE


def _other_language_url(request, language):
    """The same page, path and query string, in `language`."""
    full_path = request.get_full_path()
    translated = translate_url(full_path, language)
    if translated != full_path:
        return translated
    # An address that resolves to no page (a 404) is swapped by its prefix alone.
    path, _, query = full_path.partition("?")
    if language == JAPANESE:
        path = JAPANESE_PREFIX + path
    elif path == JAPANESE_PREFIX or path.startswith(JAPANESE_PREFIX + "/"):
        path = path[len(JAPANESE_PREFIX) :] or "/"
    return f"{path}?{query}" if query else path


def language_alternates(request, urls):
    """[{hreflang, url}] for the <link rel="alternate"> of a page whose address in each
    language is `urls` ({"en": path, "ja": path}): English, Japanese, and English again as
    x-default, absolute (search engines ignore relative addresses in hreflang links).

    Each path is appended to this request's scheme and host, never resolved against them:
    a path that starts with // stays on this host.
    """
    origin = request.build_absolute_uri("/").removesuffix("/")
    return [
        {"hreflang": ENGLISH, "url": origin + urls[ENGLISH]},
        {"hreflang": JAPANESE, "url": origin + urls[JAPANESE]},
        {"hreflang": "x-default", "url": origin + urls[ENGLISH]},
    ]


def _dashboard_in(language):
    with override(language):
        return reverse("recommendations:dashboard")


def language_choice(request):
    current = page_language()
    other = JAPANESE if current == ENGLISH else ENGLISH
    other_url = _other_language_url(request, other)
    return {
        "other_language": {
            "code": other,
            "name": get_language_info(other)["name_local"],
            "url": other_url,
            "home": _dashboard_in(other),
        },
        "language_alternates": language_alternates(
            request, {current: request.get_full_path(), other: other_url}
        ),
        # Never a redirect: the address decides the language, the hint only offers the other.
        "suggest_japanese_url": (
            other_url if current == ENGLISH and prefers_japanese(request) else ""
        ),
    }
