"""Roll-ups for the dashboard and the policy-area pages, aggregated in the database.

Each function runs a fixed number of queries whatever the number of
recommendations: counts come from GROUP BY, never from loading rows.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from .choices import Lead, Status, completion_share
from .models import PolicyArea, Recommendation, RecommendationArea, StatusUpdate
from .querysets import overdue_condition

LATEST_UPDATES = 8


@dataclass
class Segment:
    status: Status
    count: int
    percent: int  # width of the bar segment, a whole number 0-100
    url: str  # the list filtered to this row and this status


@dataclass
class Breakdown:
    """Counts by status for one row of a chart (an area, a lead side, or everything)."""

    counts: dict
    key: str = ""
    label: str = ""
    obj: object = None
    url: str = ""  # the list filtered to this row
    overdue: int = 0
    total: int = field(init=False)
    share: float = field(init=False)

    def __post_init__(self):
        self.total = sum(self.counts.values())
        self.share = completion_share(self.counts)

    @property
    def segments(self):
        """Non-empty statuses in ladder order with whole-percent widths that add up to 100."""
        present = [(Status(s), n) for s, n in self.counts.items() if n]
        if not present:
            return []
        # Largest-remainder rounding, so the stacked bar always fills its track exactly.
        exact = [n * 100 / self.total for _, n in present]
        widths = [int(x) for x in exact]
        by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - widths[i], reverse=True)
        for i in by_remainder[: 100 - sum(widths)]:
            widths[i] += 1
        return [
            Segment(status, n, width, self.status_url(status))
            for (status, n), width in zip(present, widths, strict=True)
        ]

    def status_url(self, status):
        joiner = "&" if "?" in self.url else "?"
        return f"{self.url}{joiner}status={status}"

    @property
    def cells(self):
        """[(status, count, url)] for every status on the ladder, for the table view."""
        return [(Status(s), n, self.status_url(s)) for s, n in self.counts.items()]

    @property
    def share_percent(self):
        return round(self.share)


def _list_url(**params):
    query = urlencode(params)
    return reverse("recommendations:recommendation_list") + (f"?{query}" if query else "")


def _empty_counts():
    return dict.fromkeys(Status.values, 0)


def area_breakdowns(areas=None):
    """[Breakdown] for every policy area, in display order: 2 queries (areas, counts)."""
    areas = list(PolicyArea.objects.all()) if areas is None else list(areas)
    counts = {area.pk: _empty_counts() for area in areas}
    rows = (
        RecommendationArea.objects.filter(recommendation__is_published=True, area__in=counts)
        .values("area", "recommendation__status")
        .annotate(n=Count("recommendation"))
        .order_by()
    )
    for row in rows:
        counts[row["area"]][row["recommendation__status"]] = row["n"]
    return [
        Breakdown(
            counts[a.pk], key=a.slug, label=a.localized.name, obj=a, url=_list_url(area=a.slug)
        )
        for a in areas
    ]


def lead_breakdowns(today=None):
    """[Breakdown] for each lead side, overdue counts included, in one query."""
    today = today or timezone.localdate()
    counts = {lead: _empty_counts() for lead in Lead.values}
    overdue = dict.fromkeys(Lead.values, 0)
    rows = (
        Recommendation.objects.published()
        .values("lead", "status")
        .annotate(
            n=Count("pk"),
            overdue=Count("pk", filter=overdue_condition(today)),
        )
        .order_by()
    )
    for row in rows:
        counts[row["lead"]][row["status"]] = row["n"]
        overdue[row["lead"]] += row["overdue"]
    return [
        Breakdown(
            counts[lead.value],
            key=lead.value,
            label=lead.label,
            url=_list_url(lead=lead),
            overdue=overdue[lead.value],
        )
        for lead in Lead
    ]


def overall(breakdowns):
    """Sum of per-lead breakdowns: every recommendation has exactly one lead, so no query."""
    totals = _empty_counts()
    for breakdown in breakdowns:
        for status, n in breakdown.counts.items():
            totals[status] += n
    return Breakdown(totals, url=_list_url(), overdue=sum(b.overdue for b in breakdowns))


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
        updates.newest_first()
        .select_related("recommendation")
        .defer(
            "private_note",
            "evidence_urls",
            "recorded_by",
            "recommendation__text",
            "recommendation__text_ja",
            "recommendation__rationale",
            "recommendation__rationale_ja",
        )[:limit]
    )
