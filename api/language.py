"""The language of an API answer: the address decides under /ja/, Accept-Language elsewhere.

The site's LocaleMiddleware pins every address without a prefix to English (the address
alone decides a page's language), which is right for a page a person shares; an API
client asks by header instead, so an unprefixed API address follows Accept-Language.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header


def preferred_language(accept_language):
    """The first of settings.LANGUAGES that the header accepts, by quality; else the default."""
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def languages_of(request):
    """(language of the content, language of the address): under /ja/ both Japanese;
    unprefixed, the content follows Accept-Language and the addresses stay unprefixed."""
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path, from_path
    return preferred_language(request.headers.get("Accept-Language")), settings.LANGUAGE_CODE
