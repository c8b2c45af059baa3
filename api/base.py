"""What every API answer has in common: its language, its headers, JSON whatever was asked,
and (for data) conditional requests and the shared cache."""

from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from . import response_cache
from .freshness import freshness_of
from .language import languages_of
from .links import Links

JSON = "application/json"


class AlwaysJSON(BaseContentNegotiation):
    """JSON for every client: an Accept header or ?format= asking for anything else is
    ignored (as the HTML list ignores parameters it does not know), never a 406 or 404."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ApiView(APIView):
    content_negotiation_class = AlwaysJSON

    def initial(self, request, *args, **kwargs):
        # Before throttling, so that a refusal is in the client's language too.
        self.language, address_language = languages_of(request)
        translation.activate(self.language)
        request.LANGUAGE_CODE = self.language
        self.links = Links(
            request, content_language=self.language, address_language=address_language
        )
        super().initial(request, *args, **kwargs)

    def get_serializer_context(self):
        return {"request": self.request, "links": self.links}

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        language = getattr(self, "language", translation.get_language())
        response["Content-Language"] = language
        patch_vary_headers(response, ["Accept-Language"])
        return response


class DataView(ApiView):
    """A GET answered with `build(request, **kwargs)`'s data, unless the client already
    holds the current answer (304) or the shared cache does.

    The ETag names the data version, the address, the language and the day; Last-Modified
    is the latest write (or midnight, when overdue moves). Both are checked before anything
    is built, so a client polling for changes costs one small query.
    """

    freshness = None

    def build(self, request, **kwargs):
        raise NotImplementedError

    def get(self, request, **kwargs):
        self.freshness = freshness_of(request, self.language)
        not_modified = get_conditional_response(
            request,
            etag=self.freshness.etag,
            last_modified=self.freshness.last_modified_timestamp,
        )
        if not_modified is not None:
            return not_modified
        content = response_cache.kept(self.freshness.cache_key)
        if content is not None:
            return HttpResponse(content, content_type=JSON)
        self.built = True
        return Response(self.build(request, **kwargs))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.freshness is not None and response.status_code in (200, 304):
            response["ETag"] = self.freshness.etag
            response["Last-Modified"] = http_date(self.freshness.last_modified_timestamp)
            # Any cache may keep an answer, and must ask again each time (a cheap 304).
            response["Cache-Control"] = "public, no-cache"
            if response.status_code == 200 and getattr(self, "built", False):
                response.render()
                response_cache.keep(self.freshness.cache_key, response.content)
        return response
