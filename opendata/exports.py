"""The data package's own CSV files: status updates, areas, bodies, workshops, link tables.

Each is one query streamed with .iterator(), written through csv_format like the public
export (BOM, formula cells neutralised). Each reads only public columns of public rows:
never a private note, who recorded an update, a participant or attendance, a draft or
anything of one, or an organisation no published recommendation is addressed to.
Every file is the same on every address (schema.py says why): labels are English and
links point at the English pages.
"""

import datetime
from urllib.parse import urlsplit

from django.views.decorators.http import require_safe

from recommendations import links
from recommendations.choices import Country, Status, WorkshopKind
from recommendations.exports.columns import LIST_SEPARATOR, csv_response, iso
from recommendations.models import (
    WEB_SCHEMES,
    PolicyArea,
    RaisedAt,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
    Workshop,
)
from recommendations.selectors import public_bodies

from . import schema

CHUNK = 2000


def page_link(request, route):
    """A function from a slug or code to the absolute English address of its page."""
    return links.page_link(request, route, language="en")


def public_evidence(evidence_urls):
    """The evidence addresses the recommendation's page links (StatusUpdate.evidence_links:
    http and https only), `; `-joined."""
    addresses = (line.strip() for line in (evidence_urls or "").splitlines())
    return LIST_SEPARATOR.join(
        link for link in addresses if link and urlsplit(link).scheme.lower() in WEB_SCHEMES
    )


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# Each *_rows(request) settles everything request- or language-dependent at once and
# returns a generator: the rows are read while the response streams, after the view returns.


def status_update_rows(request):
    status = schema.english_labels(Status)
    page = page_link(request, "recommendations:recommendation_detail")
    rows = (
        StatusUpdate.objects.public()
        # The log's own index order (statusupdate_log_order): no sort of the whole log.
        .order_by("recommendation_id", "-as_of", "-recorded_at", "-id")
        .values_list(
            "id",
            "recommendation__code",
            "as_of",
            "status",
            "summary",
            "summary_ja",
            "evidence_urls",
            "recorded_at",
        )
    )
    return (
        [
            pk,
            code,
            iso(as_of),
            status.get(value, value),
            summary,
            summary_ja,
            public_evidence(evidence),
            utc(recorded_at),
            f"{page(code)}#update-{pk}",
        ]
        for pk, code, as_of, value, summary, summary_ja, evidence, recorded_at in rows.iterator(
            chunk_size=CHUNK
        )
    )


def policy_area_rows(request):
    page = page_link(request, "recommendations:area_detail")
    rows = PolicyArea.objects.order_by("order", "name").values_list(
        "slug", "name", "name_ja", "description", "description_ja", "order"
    )
    return ([*row, page(row[0])] for row in rows.iterator(chunk_size=CHUNK))


def body_rows(request):
    country = schema.english_labels(Country)
    page = page_link(request, "recommendations:body_detail")
    rows = (
        public_bodies()
        .order_by("name")
        .values_list("slug", "name", "name_ja", "short_name", "short_name_ja", "country")
    )
    return (
        [slug, name, name_ja, short, short_ja, country.get(value, value), page(slug)]
        for slug, name, name_ja, short, short_ja, value in rows.iterator(chunk_size=CHUNK)
    )


def workshop_rows(request):
    kind, country = schema.english_labels(WorkshopKind), schema.english_labels(Country)
    page = page_link(request, "recommendations:workshop_detail")
    # The meeting's public columns only: never private_notes, participants or attendance.
    rows = Workshop.objects.order_by("start_date", "title").values_list(
        "slug",
        "kind",
        "title",
        "title_ja",
        "city",
        "country",
        "start_date",
        "end_date",
        "host__name",
        "host__name_ja",
        "summary",
        "summary_ja",
    )
    return (
        [
            slug,
            kind.get(kind_value, kind_value),
            title,
            title_ja,
            city,
            country.get(country_value, country_value),
            iso(start),
            iso(end),
            host or "",
            host_ja or "",
            summary,
            summary_ja,
            page(slug),
        ]
        for (
            slug,
            kind_value,
            title,
            title_ja,
            city,
            country_value,
            start,
            end,
            host,
            host_ja,
            summary,
            summary_ja,
        ) in rows.iterator(chunk_size=CHUNK)
    )


def _pairs(through, slug_path, *order):
    """(code, slug) of each link of a published recommendation, by code."""
    rows = (
        through.objects.filter(recommendation__is_published=True)
        .order_by("recommendation__code", *order)
        .values_list("recommendation__code", slug_path)
    )
    return (list(row) for row in rows.iterator(chunk_size=CHUNK))


def recommendation_area_rows(request):
    return _pairs(RecommendationArea, "area__slug", "area__order", "area__name")


def recommendation_body_rows(request):
    return _pairs(ResponsibleBody, "organisation__slug", "organisation__name")


def recommendation_workshop_rows(request):
    return _pairs(RaisedAt, "workshop__slug", "workshop__start_date", "workshop__title")


def csv_view(resource, rows):
    @require_safe
    def view(request):
        return csv_response(resource.filename, resource.header, rows(request))

    return view


status_updates_csv = csv_view(schema.STATUS_UPDATES, status_update_rows)
policy_areas_csv = csv_view(schema.POLICY_AREAS, policy_area_rows)
bodies_csv = csv_view(schema.BODIES, body_rows)
workshops_csv = csv_view(schema.WORKSHOPS, workshop_rows)
recommendation_areas_csv = csv_view(schema.RECOMMENDATION_AREAS, recommendation_area_rows)
recommendation_bodies_csv = csv_view(schema.RECOMMENDATION_BODIES, recommendation_body_rows)
recommendation_workshops_csv = csv_view(
    schema.RECOMMENDATION_WORKSHOPS, recommendation_workshop_rows
)
