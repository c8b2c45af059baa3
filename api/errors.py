"""Every refusal as one JSON shape: {"status", "code", "detail"} and, where it helps, the
parameters that could not be used or how long to wait."""

import math

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import set_rollback


class UnusableParameters(exceptions.APIException):
    """400: part of the query string cannot be applied. The API never guesses: a filter left
    out would return more than was asked for, a sort left out another order."""

    status_code = 400
    default_code = "invalid_parameters"
    default_detail = gettext_lazy(
        "Nothing was returned: part of the query string could not be used. Correct the "
        "parameters named below."
    )

    def __init__(self, parameters):
        super().__init__()
        self.parameters = parameters  # {name: [message]}


class NotFound(exceptions.NotFound):
    # Never echoes the address asked for: a draft's code must not come back in any answer.
    default_detail = gettext_lazy("There is no public record at this address.")


def _body(exc):
    body = {"status": exc.status_code, "code": exc.get_codes(), "detail": exc.detail}
    if not isinstance(body["code"], str):
        # A serializer-style error dict or list: name it plainly.
        body["code"] = exc.default_code
        body["detail"] = str(exc.default_detail)
    if isinstance(exc, UnusableParameters):
        body["parameters"] = exc.parameters
    return body


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None
    headers = {}
    if isinstance(exc, exceptions.Throttled):
        wait = math.ceil(exc.wait or 1)
        headers["Retry-After"] = str(wait)
        body = {
            "status": 429,
            "code": "throttled",
            "detail": _(
                "Too many requests from your address (the limit is %(rate)s). Wait "
                "%(seconds)s seconds before the next one."
            )
            % {"rate": settings.API_ANON_RATE, "seconds": wait},
            "retry_after": wait,
        }
    else:
        body = _body(exc)
    set_rollback()
    return Response(body, status=exc.status_code, headers=headers)
