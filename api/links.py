"""Absolute addresses of records, in the API and on the public site.

Each route is reversed once per answer (recommendations.links); every row then only
fills in its key, so a page of results costs no per-row URL resolution.
"""

from urllib.parse import quote, urlencode

from django.urls import reverse
from django.utils.translation import override

from recommendations.links import DAY_SHOWN, origin, path_around_key


class Links:
    """`api(route, key)` for addresses in the API (in the language of the address asked
    for), `page(route, key)` for the public page (in the language of the content)."""

    def __init__(self, request, *, content_language, address_language):
        self.origin = origin(request)
        self.content_language = content_language
        self.address_language = address_language
        self._templates = {}

    def _template(self, route, language, kind):
        cache_key = (route, language, kind)
        if cache_key not in self._templates:
            if kind:
                self._templates[cache_key] = path_around_key(route, kind=kind, language=language)
            else:
                with override(language):
                    self._templates[cache_key] = (reverse(route), None)
        return self._templates[cache_key]

    def _fill(self, route, language, key, kind):
        if key is None:
            prefix, _ = self._template(route, language, None)
            return self.origin + prefix
        prefix, suffix = self._template(route, language, kind)
        return f"{self.origin}{prefix}{quote(str(key), safe='')}{suffix}"

    def api(self, route, key=None, *, kind="str"):
        return self._fill(f"api:{route}", self.address_language, key, kind)

    def filtered_list(self, parameter, value, day=None):
        """The API's list of recommendations narrowed by one filter value (on `day`)."""
        query = {parameter: value, **({DAY_SHOWN: day.isoformat()} if day else {})}
        return f"{self.api('recommendation-list')}?{urlencode(query)}"

    def page(self, route, key=None, *, kind="str"):
        return self._fill(f"recommendations:{route}", self.content_language, key, kind)
