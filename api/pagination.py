"""Numbered pages with a total count and links to the neighbouring pages.

The list of recommendations pages exactly as the HTML list does (same page size, same
page numbers); a client may ask for bigger pages with `page_size`. A page past the last
one is refused rather than silently replaced by the last page, so a client walking the
pages cannot loop.
"""

from django import forms
from django.core.paginator import Paginator
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, inline_serializer
from rest_framework import serializers

from recommendations.public.filters import MAX_PAGE
from recommendations.public.listing import PAGE_SIZE

from .errors import UnusableParameters

MAX_PAGE_SIZE = 100

PAGE_PARAMETERS = [
    OpenApiParameter(
        "page",
        OpenApiTypes.INT,
        description=gettext_lazy("Page number, from 1."),
    ),
    OpenApiParameter(
        "page_size",
        OpenApiTypes.INT,
        description=format_lazy(
            gettext_lazy("Results per page, 1 to {most} (default {default})."),
            most=MAX_PAGE_SIZE,
            default=PAGE_SIZE,
        ),
    ),
]


def _whole_number(request, name, field):
    raw = request.GET.get(name, "")
    if raw == "":
        return None
    try:
        return field.clean(raw)
    except forms.ValidationError as error:
        raise UnusableParameters({name: list(error.messages)}) from None


def page_size_of(request):
    return (
        _whole_number(
            request, "page_size", forms.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE)
        )
        or PAGE_SIZE
    )


def page_number_of(request):
    """`page` of a list whose FilterSet does not read it (the recommendations' does)."""
    return _whole_number(request, "page", forms.IntegerField(min_value=1, max_value=MAX_PAGE)) or 1


class Page:
    """Page `number` of `queryset`, as the envelope {count, page, pages, page_size, next,
    previous} its `results` go in."""

    def __init__(self, request, queryset, number):
        self.request = request
        paginator = Paginator(queryset, page_size_of(request))
        if number > paginator.num_pages:
            raise UnusableParameters(
                {
                    "page": [
                        _("There is no page %(asked)s: the last page is %(last)s.")
                        % {"asked": number, "last": paginator.num_pages}
                    ]
                }
            )
        self.paginator = paginator
        self.page = paginator.page(number)

    @property
    def object_list(self):
        return self.page.object_list

    def _url(self, number):
        params = self.request.GET.copy()
        params["page"] = str(number)
        return self.request.build_absolute_uri(self.request.path) + "?" + params.urlencode()

    def envelope(self, results, **extra):
        page = self.page
        return {
            "count": self.paginator.count,
            "page": page.number,
            "pages": self.paginator.num_pages,
            "page_size": self.paginator.per_page,
            "next": self._url(page.next_page_number()) if page.has_next() else None,
            "previous": self._url(page.previous_page_number()) if page.has_previous() else None,
            **extra,
            "results": results,
        }


def page_schema(name, item_serializer, **extra_fields):
    """The OpenAPI component of a page of `item_serializer`."""
    return inline_serializer(
        name=name,
        fields={
            "count": serializers.IntegerField(help_text=gettext_lazy("Results on all pages.")),
            "page": serializers.IntegerField(help_text=gettext_lazy("This page's number.")),
            "pages": serializers.IntegerField(help_text=gettext_lazy("Number of pages.")),
            "page_size": serializers.IntegerField(help_text=gettext_lazy("Results per page.")),
            "next": serializers.URLField(
                allow_null=True, help_text=gettext_lazy("The next page, or null on the last.")
            ),
            "previous": serializers.URLField(
                allow_null=True,
                help_text=gettext_lazy("The previous page, or null on the first."),
            ),
            **extra_fields,
            "results": item_serializer(many=True),
        },
    )
