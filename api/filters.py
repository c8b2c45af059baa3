"""The status-update log's query parameters, for incremental sync by date.

(The recommendations' parameters are the HTML list's own: recommendations.public.filters.)
"""

import datetime

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField

from recommendations.choices import Status

ISO_DATE = ["%Y-%m-%d"]

UPDATE_SORT_CHOICES = [
    ("-as_of", _("As-of date, newest first (the log's own order)")),
    ("as_of", _("As-of date, oldest first")),
    ("recorded", _("Time recorded, oldest first (for incremental sync)")),
    ("-recorded", _("Time recorded, newest first")),
]
UPDATE_SORT_ORDER = {
    "-as_of": [F("as_of").desc(), F("recorded_at").desc(), F("pk").desc()],
    "as_of": [F("as_of").asc(), F("recorded_at").asc(), F("pk").asc()],
    "recorded": [F("recorded_at").asc(), F("pk").asc()],
    "-recorded": [F("recorded_at").desc(), F("pk").desc()],
}
DEFAULT_UPDATE_SORT = "-as_of"


def _ignore(queryset, name, value):
    return queryset


class StorableTimeField(IsoDateTimeField):
    """An ISO 8601 time the database can compare: one at the very edge of the calendar
    (year 1 east of Greenwich, 9999 west of it) has no UTC equivalent to store."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is not None:
            try:
                value.astimezone(datetime.UTC)
            except OverflowError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return value


class StorableTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = StorableTimeField


class StatusUpdateFilter(django_filters.FilterSet):
    recommendation = django_filters.CharFilter(
        label=_("Recommendation"), field_name="recommendation__code", max_length=40
    )
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=Status.choices)
    as_of_from = django_filters.DateFilter(
        label=_("As of, from"), field_name="as_of", lookup_expr="gte", input_formats=ISO_DATE
    )
    as_of_to = django_filters.DateFilter(
        label=_("As of, to"), field_name="as_of", lookup_expr="lte", input_formats=ISO_DATE
    )
    recorded_from = StorableTimeFilter(
        label=_("Recorded, from"), field_name="recorded_at", lookup_expr="gte"
    )
    recorded_to = StorableTimeFilter(
        label=_("Recorded, to"), field_name="recorded_at", lookup_expr="lte"
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=UPDATE_SORT_CHOICES, method=_ignore
    )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        key = self.form.cleaned_data.get("sort") or DEFAULT_UPDATE_SORT
        return queryset.order_by(*UPDATE_SORT_ORDER[key])
