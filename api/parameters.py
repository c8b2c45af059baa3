"""Query parameters: refusing those a FilterSet could not use, and documenting them.

The FilterSets stay the one reader of their parameters. The HTML list drops a value it
cannot use and says so on the page; an API answer has nowhere to say it, so any such
value refuses the whole request (400) and names the parameter, as the CSV export does.
"""

import django_filters
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from recommendations.public.filters import LenientMultipleChoiceField

from .errors import UnusableParameters

SHOWN_VALUES = 5


def _unknown_values(filterset, name, field):
    given = filterset.data.getlist(name) if hasattr(filterset.data, "getlist") else []
    # An empty value is what a form sends for "no choice": not an error.
    return [value for value in given if value and not field.valid_value(value)]


def unusable(filterset):
    """{parameter: [message]} for every value of the query string `filterset` could not use."""
    filterset.errors  # noqa: B018 - validates the form so errors and cleaned_data exist
    problems = {}
    for name, field in filterset.form.fields.items():
        if name in filterset.form.errors:
            problems[name] = [str(message) for message in filterset.form.errors[name]]
        elif isinstance(field, LenientMultipleChoiceField):
            unknown = _unknown_values(filterset, name, field)
            if unknown:
                shown = ", ".join(Truncator(v).chars(40) for v in unknown[:SHOWN_VALUES])
                problems[name] = [
                    _("Unknown %(label)s: %(values)s.")
                    % {"label": str(filterset.filters[name].label).lower(), "values": shown}
                ]
    return problems


def refuse_unusable(filterset):
    if problems := unusable(filterset):
        raise UnusableParameters(problems)


def _openapi_type(query_filter):
    if isinstance(query_filter, django_filters.IsoDateTimeFilter):
        return OpenApiTypes.DATETIME
    if isinstance(query_filter, django_filters.DateFilter):
        return OpenApiTypes.DATE
    if isinstance(query_filter, django_filters.NumberFilter):
        return OpenApiTypes.INT
    return OpenApiTypes.STR


def filter_parameters(filterset_class, descriptions, *, leave_out=()):
    """OpenApiParameters for the filters of `filterset_class`, in declaration order: the
    type and the fixed choices from the filter itself, the text from `descriptions`."""
    parameters = []
    for name, query_filter in filterset_class.base_filters.items():
        if name in leave_out:
            continue
        choices = query_filter.extra.get("choices")
        many = isinstance(query_filter, django_filters.MultipleChoiceFilter)
        parameters.append(
            OpenApiParameter(
                name,
                _openapi_type(query_filter),
                description=descriptions.get(name, query_filter.label),
                enum=[value for value, _label in choices] if choices else None,
                many=many or None,
                explode=True if many else None,
            )
        )
    return parameters
