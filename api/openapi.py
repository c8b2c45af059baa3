"""How the endpoints are described in the OpenAPI document: their parameters, their answer
and their refusals."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text=_("The HTTP status, repeated."))
    code = serializers.CharField(
        help_text=_("invalid_parameters, not_found, throttled, …: for programs to test.")
    )
    detail = serializers.CharField(help_text=_("What went wrong, for people."))
    parameters = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("With 400: each parameter that could not be used, and why."),
    )
    retry_after = serializers.IntegerField(
        required=False, help_text=_("With 429: seconds to wait (also the Retry-After header).")
    )


REFUSALS = {
    400: _("A parameter could not be used (named in `parameters`)."),
    404: _("No public record has this key."),
    429: _("Too many requests from this address: wait `retry_after` seconds."),
}


def documented(*, responses, errors=(400,), **kwargs):
    """extend_schema with the refusals every data endpoint can give besides its answer."""
    return extend_schema(
        responses={
            200: responses,
            304: OpenApiResponse(
                description=_(
                    "Not modified: the ETag (If-None-Match) or Last-Modified "
                    "(If-Modified-Since) you sent is still current."
                )
            ),
            **{
                status: OpenApiResponse(ErrorSerializer, description=REFUSALS[status])
                for status in (*errors, 429)
            },
        },
        **kwargs,
    )


RECOMMENDATION_PARAMETERS = {
    "as_of": _(
        "YYYY-MM-DD: the tracker as it stood at the end of that day (statuses then, overdue "
        "judged then; only recommendations recorded by then). Not in the future, not "
        "before 2000."
    ),
    "area": _("Policy-area slug (see /areas/). Repeat for any of several."),
    "status": _("Status. Repeat for any of several."),
    "workshop": _(
        "Slug of the meeting that raised it (see /workshops/). Repeat for any of several."
    ),
    "lead": _("Lead side. Repeat for any of several."),
    "body": _("Responsible body's slug (see /bodies/). Repeat for any of several."),
    "priority": _("Priority. Repeat for any of several."),
    "overdue": _("1: only overdue recommendations."),
    "slipped": _("1: only those whose target date was moved later."),
    "q": _(
        "Text search (English and Japanese) over code, title, text, update summaries and "
        "responsible bodies' names; at most 200 characters."
    ),
    "sort": _("Order of the results (default: code)."),
}
UPDATE_PARAMETERS = {
    "recommendation": _("Code of a recommendation: only its updates."),
    "status": _("Status the update recorded. Repeat for any of several."),
    "as_of_from": _("YYYY-MM-DD: updates that took effect on or after this day."),
    "as_of_to": _("YYYY-MM-DD: updates that took effect on or before this day."),
    "recorded_from": _(
        "ISO 8601 time (e.g. 2026-07-01T09:30:00+10:00): updates entered at or after it. "
        "For incremental sync, pass the recorded_at of the last update you hold with "
        "sort=recorded, and skip the ids you already have."
    ),
    "recorded_to": _("ISO 8601 time: updates entered at or before it."),
    "sort": _("Order of the results (default: -as_of)."),
}


def code_parameter():
    return OpenApiParameter(
        "code", OpenApiTypes.STR, OpenApiParameter.PATH, description=_("Recommendation code.")
    )


def id_parameter():
    return OpenApiParameter(
        "id", OpenApiTypes.INT, OpenApiParameter.PATH, description=_("Status update id.")
    )


def slug_parameter(what):
    return OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH, description=what)


AS_OF_FOR_PROGRESS = OpenApiParameter(
    "as_of",
    OpenApiTypes.DATE,
    description=_("YYYY-MM-DD: progress as it stood at the end of that day."),
)
