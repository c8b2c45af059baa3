"""Any other address under /api/v1/: a JSON 404 (or the address with its missing slash)."""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from drf_spectacular.utils import extend_schema

from .base import ApiView
from .errors import NotFound as NoSuchRecord


class NotFound(ApiView):
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        # This catch-all resolves every address, so CommonMiddleware's APPEND_SLASH never
        # sees a 404 to redirect: redirect here, as it would, to an address that exists.
        if not request.path_info.endswith("/"):
            try:
                match = resolve(request.path_info + "/")
            except Resolver404:
                match = None
            if match is not None and match.url_name != "not-found":
                query = request.META.get("QUERY_STRING", "")
                return HttpResponsePermanentRedirect(
                    request.path + "/" + (f"?{query}" if query else "")
                )
        raise NoSuchRecord
