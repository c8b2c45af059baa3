"""The read-only public API: the same records, filters and order as the public pages.

Only published recommendations and public fields are ever queried here: participants,
attendance, private notes and who recorded an update are never loaded, and an
organisation is shown only while a published recommendation is addressed to it.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from recommendations.models import (
    PolicyArea,
    Recommendation,
    StatusUpdate,
)
from recommendations.public.filters import PointInTimeFilter, RecommendationFilter
from recommendations.public.listing import show_as_it_stood
from recommendations.public.timeline import public_timeline
from recommendations.reporting.rollups import Breakdown, rollup
from recommendations.selectors import public_bodies, public_workshops

from . import serializers as out
from .base import DataView
from .errors import NotFound
from .filters import StatusUpdateFilter
from .openapi import (
    AS_OF_FOR_PROGRESS,
    RECOMMENDATION_PARAMETERS,
    UPDATE_PARAMETERS,
    code_parameter,
    documented,
    id_parameter,
    slug_parameter,
)
from .pagination import PAGE_PARAMETERS, Page, page_number_of, page_schema
from .parameters import filter_parameters, refuse_unusable

# -- the index ----------------------------------------------------------------------------

ENDPOINTS = {
    "recommendations": "recommendation-list",
    "policy_areas": "area-list",
    "responsible_bodies": "body-list",
    "workshops": "workshop-list",
    "status_updates": "status-update-list",
    "schema": "schema",
    "docs": "docs",
}


class Index(DataView):
    @documented(
        operation_id="index",
        summary=_("Where everything is"),
        description=_("The address of each part of this API."),
        errors=(),
        responses=inline_serializer(
            "Index",
            {name: serializers.URLField() for name in ENDPOINTS},
        ),
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request):
        return {name: self.links.api(route) for name, route in ENDPOINTS.items()}


# -- recommendations ----------------------------------------------------------------------


def _serialize(view, serializer_class, data, *, day_shown=None, **kwargs):
    context = {**view.get_serializer_context(), "day_shown": day_shown}
    return serializer_class(data, context=context, **kwargs).data


class RecommendationList(DataView):
    @documented(
        operation_id="recommendations_list",
        summary=_("Published recommendations"),
        description=_(
            "Exactly the public list's results for the same query string: the same filters, "
            "order, page size and page numbers, so /recommendations/?area=x&sort=target "
            "and /api/v1/recommendations/?area=x&sort=target hold the same codes. A value "
            "that cannot be used (an unknown slug, a malformed date, a page past the last) "
            "refuses the request with 400."
        ),
        parameters=[
            *filter_parameters(
                RecommendationFilter, RECOMMENDATION_PARAMETERS, leave_out=("page",)
            ),
            *PAGE_PARAMETERS,
        ],
        responses=page_schema(
            "RecommendationPage",
            out.RecommendationSerializer,
            as_of=serializers.DateField(
                allow_null=True, help_text=_("The day shown, or null for today.")
            ),
        ),
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request):
        filterset = RecommendationFilter(request.GET, queryset=Recommendation.objects.published())
        refuse_unusable(filterset)
        results = filterset.qs
        page = Page(request, results.with_public_relations(), filterset.page_number)
        rows = list(page.object_list)
        if filterset.day:
            show_as_it_stood(rows, filterset.day)
        return page.envelope(
            _serialize(self, out.RecommendationSerializer, rows, many=True),
            as_of=filterset.day.isoformat() if filterset.day else None,
        )


class RecommendationDetail(DataView):
    @documented(
        operation_id="recommendations_retrieve",
        summary=_("One published recommendation with its public timeline"),
        description=_(
            "The record as its public page shows it, with every public status update and "
            "every target date moved later, newest first. A draft's code is not found."
        ),
        parameters=[code_parameter()],
        errors=(404,),
        responses=out.RecommendationDetailSerializer,
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, code):
        # PostgreSQL refuses NUL in a string: an address holding one names nothing.
        if "\x00" in code:
            raise NotFound
        recommendation = (
            Recommendation.objects.published()
            .with_public_relations()
            .prefetch_related(
                Prefetch(
                    "status_updates",
                    queryset=StatusUpdate.objects.newest_first().defer("private_note"),
                    to_attr="log",
                )
            )
            .filter(code=code)
            .first()
        )
        if recommendation is None:
            raise NotFound
        recommendation.timeline = [
            self._entry(entry) for entry in public_timeline(recommendation, recommendation.log)
        ]
        return _serialize(self, out.RecommendationDetailSerializer, recommendation)

    def _entry(self, entry):
        if entry.kind == "slip":
            return {
                "kind": "slip",
                "date": entry.recorded,
                "previous_target": entry.previous_target,
                "target": entry.target,
            }
        return {
            "kind": "update",
            "date": entry.as_of,
            "id": entry.pk,
            "status": entry.status,
            "status_label": entry.get_status_display(),
            "moved_back_from": entry.moved_back_from,
            "summary": entry.localized.summary,
            "evidence": entry.evidence_links,
            "url": self.links.api("status-update-detail", entry.pk, kind="int"),
        }


# -- policy areas and responsible bodies, with their progress -----------------------------


def _point_in_time(request):
    """The day asked for with as_of (None for today), refusing an unusable one."""
    point_in_time = PointInTimeFilter(request.GET, queryset=Recommendation.objects.published())
    refuse_unusable(point_in_time)
    point_in_time.settle_day()
    return point_in_time.day


def _with_progress(records, relation, day):
    """Attach `progress` (a Breakdown) to each record: one query for them all."""
    tallies = rollup(relation, [record.pk for record in records], day, with_slipped=True)
    for record in records:
        record.progress = Breakdown.of(tallies[record.pk])
    return records


class AreaList(DataView):
    @documented(
        operation_id="areas_list",
        summary=_("Policy areas, with their progress"),
        description=_(
            "Every policy area in display order, with its published recommendations counted "
            "by status, its completion share and its overdue and slipped counts."
        ),
        parameters=[AS_OF_FOR_PROGRESS, *PAGE_PARAMETERS],
        responses=page_schema(
            "PolicyAreaPage", out.AreaSerializer, as_of=serializers.DateField(allow_null=True)
        ),
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request):
        day = _point_in_time(request)
        page = Page(request, PolicyArea.objects.all(), page_number_of(request))
        areas = _with_progress(list(page.object_list), "policy_areas", day)
        return page.envelope(
            _serialize(self, out.AreaSerializer, areas, many=True, day_shown=day),
            as_of=day.isoformat() if day else None,
        )


class AreaDetail(DataView):
    @documented(
        operation_id="areas_retrieve",
        summary=_("One policy area, with its progress"),
        description=_("Its recommendations are at recommendations_url."),
        parameters=[slug_parameter(_("Policy-area slug.")), AS_OF_FOR_PROGRESS],
        errors=(400, 404),
        responses=out.AreaSerializer,
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, slug):
        day = _point_in_time(request)
        area = PolicyArea.objects.filter(slug=slug).first()
        if area is None:
            raise NotFound
        _with_progress([area], "policy_areas", day)
        return _serialize(self, out.AreaSerializer, area, day_shown=day)


class BodyList(DataView):
    @documented(
        operation_id="bodies_list",
        summary=_("Responsible bodies, with their progress"),
        description=_("The organisations at least one published recommendation is addressed to."),
        parameters=[AS_OF_FOR_PROGRESS, *PAGE_PARAMETERS],
        responses=page_schema(
            "ResponsibleBodyPage", out.BodySerializer, as_of=serializers.DateField(allow_null=True)
        ),
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request):
        day = _point_in_time(request)
        page = Page(request, public_bodies(), page_number_of(request))
        bodies = _with_progress(list(page.object_list), "responsible_bodies", day)
        return page.envelope(
            _serialize(self, out.BodySerializer, bodies, many=True, day_shown=day),
            as_of=day.isoformat() if day else None,
        )


class BodyDetail(DataView):
    @documented(
        operation_id="bodies_retrieve",
        summary=_("One responsible body, with its progress"),
        description=_("An organisation no published recommendation is addressed to is not found."),
        parameters=[slug_parameter(_("Organisation slug.")), AS_OF_FOR_PROGRESS],
        errors=(400, 404),
        responses=out.BodySerializer,
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, slug):
        day = _point_in_time(request)
        body = public_bodies().filter(slug=slug).first()
        if body is None:
            raise NotFound
        _with_progress([body], "responsible_bodies", day)
        return _serialize(self, out.BodySerializer, body, day_shown=day)


# -- meetings -----------------------------------------------------------------------------


class WorkshopList(DataView):
    @documented(
        operation_id="workshops_list",
        summary=_("Meetings (workshops, consultations, roundtables)"),
        description=_(
            "Public facts of each meeting, newest first. Meetings are held under the "
            "Chatham House Rule: who attended is never published."
        ),
        parameters=PAGE_PARAMETERS,
        responses=page_schema("WorkshopPage", out.WorkshopSerializer),
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request):
        page = Page(request, public_workshops(), page_number_of(request))
        return page.envelope(_serialize(self, out.WorkshopSerializer, page.object_list, many=True))


class WorkshopDetail(DataView):
    @documented(
        operation_id="workshops_retrieve",
        summary=_("One meeting"),
        description=_("Its public facts; never who attended."),
        parameters=[slug_parameter(_("Meeting slug."))],
        errors=(404,),
        responses=out.WorkshopSerializer,
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, slug):
        workshop = public_workshops().filter(slug=slug).first()
        if workshop is None:
            raise NotFound
        return _serialize(self, out.WorkshopSerializer, workshop)


# -- the status-update log ----------------------------------------------------------------


def public_updates():
    """Updates of published recommendations, public columns only."""
    return (
        StatusUpdate.objects.public()
        .select_related("recommendation")
        .only(
            "status",
            "as_of",
            "summary",
            "summary_ja",
            "evidence_urls",
            "recorded_at",
            "recommendation__code",
            "recommendation__title",
            "recommendation__title_ja",
        )
    )


class StatusUpdateList(DataView):
    @documented(
        operation_id="status_updates_list",
        summary=_("Public status updates of published recommendations"),
        description=_(
            "The implementation log, filterable by the date an update took effect (as_of) "
            "and the time it was entered (recorded), for incremental sync."
        ),
        parameters=[
            *filter_parameters(StatusUpdateFilter, UPDATE_PARAMETERS),
            *PAGE_PARAMETERS,
        ],
        responses=page_schema("StatusUpdatePage", out.StatusUpdateSerializer),
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request):
        filterset = StatusUpdateFilter(request.GET, queryset=public_updates())
        refuse_unusable(filterset)
        page = Page(request, filterset.qs, page_number_of(request))
        return page.envelope(
            _serialize(self, out.StatusUpdateSerializer, page.object_list, many=True)
        )


class StatusUpdateDetail(DataView):
    @documented(
        operation_id="status_updates_retrieve",
        summary=_("One public status update"),
        description=_("An update of a draft recommendation is not found."),
        errors=(404,),
        parameters=[id_parameter()],
        responses=out.StatusUpdateSerializer,
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def build(self, request, pk):
        update = public_updates().filter(pk=pk).first()
        if update is None:
            raise NotFound
        return _serialize(self, out.StatusUpdateSerializer, update)
