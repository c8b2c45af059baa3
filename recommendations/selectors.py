"""Reads that the pages, the API, the open-data files and the feeds share.

Other apps import these rather than a view module: what is public about a body, a meeting
or the log is decided once, here.
"""

from django.db.models import Count, Exists, OuterRef, Q

from recommendations.models import (
    Organisation,
    Recommendation,
    ResponsibleBody,
    StatusUpdate,
    Workshop,
)

# What a public page shows of an organisation (never its people, never its meetings).
BODY_PUBLIC_FIELDS = ("name", "name_ja", "short_name", "short_name_ja", "slug", "country")

# What a public page shows of a meeting: its private notes are never loaded, nor who attended.
WORKSHOP_PUBLIC_FIELDS = (
    "kind",
    "title",
    "title_ja",
    "slug",
    "city",
    "country",
    "start_date",
    "end_date",
    "summary",
    "summary_ja",
    "host__name",
    "host__name_ja",
    "host__short_name",
    "host__short_name_ja",
)

LATEST_UPDATES = 8
# What a list of updates never shows: private fields and the recommendations' long texts.
UPDATE_LIST_DEFERRED = (
    "private_note",
    "evidence_urls",
    "recorded_by",
    "recommendation__text",
    "recommendation__text_ja",
    "recommendation__rationale",
    "recommendation__rationale_ja",
)


def public_bodies():
    """Organisations at least one published recommendation is addressed to, by name.

    EXISTS per organisation stops at its first published recommendation.
    """
    return Organisation.objects.filter(
        Exists(
            ResponsibleBody.objects.filter(
                organisation=OuterRef("pk"), recommendation__is_published=True
            )
        )
    ).only(*BODY_PUBLIC_FIELDS)


def public_workshops():
    """Meetings with their public columns only (never notes, never who attended) and the
    number of published recommendations each raised: the pages and the API."""
    return (
        Workshop.objects.select_related("host")
        .only(*WORKSHOP_PUBLIC_FIELDS)
        .annotate(
            published_count=Count(
                "recommendations", filter=Q(recommendations__is_published=True), distinct=True
            )
        )
        # Said again: Django leaves Meta.ordering out of a query with GROUP BY.
        .order_by("-start_date", "title", "pk")
    )


def updates_until(day, limit=LATEST_UPDATES):
    """The newest public status updates dated on or before `day`: the dashboard's latest
    updates as they stood then (through the newest-first index on the log)."""
    return list(
        StatusUpdate.objects.public()
        .filter(as_of__lte=day)
        .newest_first()
        .select_related("recommendation")
        .defer(*UPDATE_LIST_DEFERRED)[:limit]
    )


def latest_updates(limit=LATEST_UPDATES, recommendations=None):
    """The newest public status updates on `recommendations` (default: all published).

    Two small queries. A recommendation's status_as_of is the date of its
    newest update, so the `limit` newest updates all date from on or after the
    `limit`-th newest status_as_of among those recommendations, and belong to
    ones updated since. Finding that date first (through the status_as_of
    index) spares sorting the whole log; it is passed as a value so the
    planner sees how few rows qualify.
    """
    published = Recommendation.objects.published()
    if recommendations is not None:
        published = published.filter(pk__in=recommendations.order_by().values("pk"))
    since = (
        published.filter(status_as_of__isnull=False)
        .order_by("-status_as_of")
        .values_list("status_as_of", flat=True)[limit - 1 : limit]
        .first()
    )
    updates = StatusUpdate.objects.filter(recommendation__in=published.values("pk"))
    if since is not None:
        updates = updates.filter(as_of__gte=since, recommendation__status_as_of__gte=since)
    return list(
        updates.newest_first().select_related("recommendation").defer(*UPDATE_LIST_DEFERRED)[:limit]
    )
