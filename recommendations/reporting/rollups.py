"""Roll-ups for the dashboard and the policy-area pages, aggregated in the database.

Each function runs a fixed number of queries whatever the number of
recommendations: counts come from GROUP BY, never from loading rows.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.db.models import BooleanField, Case, Count, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from recommendations.choices import CLOSED_STATUSES, Lead, Status, completion_share
from recommendations.links import DAY_SHOWN
from recommendations.models import PolicyArea, Recommendation
from recommendations.querysets import STATUS_THEN, target_slips


@dataclass
class Segment:
    status: Status
    count: int
    percent: int  # width of the bar segment, a whole number 0-100
    url: str  # the list filtered to this row and this status


@dataclass
class StatusCounts:
    """{status: count} with its total and completion share."""

    counts: dict
    total: int = field(init=False)
    share: float = field(init=False)

    def __post_init__(self):
        self.total = sum(self.counts.values())
        self.share = completion_share(self.counts)


@dataclass
class Breakdown(StatusCounts):
    """Counts by status for one row of a chart (an area, a lead side, or everything)."""

    key: str = ""
    label: str = ""
    obj: object = None
    url: str = ""  # the list filtered to this row
    overdue: int = 0
    slipped: int = 0

    @classmethod
    def of(cls, tally, **fields):
        """The Breakdown of one group of rollup()."""
        return cls(tally.counts, overdue=tally.overdue, slipped=tally.slipped, **fields)

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


def list_url(day=None, **params):
    """The list filtered by `params`, on `day` when the page shows a past date."""
    if day:
        params[DAY_SHOWN] = day.isoformat()
    query = urlencode(params)
    return reverse("recommendations:recommendation_list") + (f"?{query}" if query else "")


def _empty_counts():
    return dict.fromkeys(Status.values, 0)


def standing(day=None):
    """(published recommendations, the column of their status): as they stand today, or
    as they stood at the end of `day` (RecommendationQuerySet.standing_on)."""
    published = Recommendation.objects.published()
    if day:
        return published.standing_on(day), STATUS_THEN
    return published, "status"


@dataclass
class Tally:
    """One group's figures from rollup(): counts by status, overdue, slipped."""

    counts: dict = field(default_factory=_empty_counts)
    overdue: int = 0
    slipped: int = 0


def rollup(by, keys, day=None, *, with_slipped=False):
    """{key: Tally} of the published recommendations grouped by the field `by` (a column
    such as "lead" or a relation such as "policy_areas"), for `keys` only, as they stand
    today or stood at the end of `day`. One query.

    Rows are grouped by status, whether the target date has passed and (`with_slipped`)
    whether the target ever slipped, rather than counted with conditions on the status:
    on a past date the status is a lookup in the log, best made once per row. The few
    groups are summed here.
    """
    today = day or timezone.localdate()
    recommendations, status = standing(day)
    flags = {"past_target": Q(target_date__lt=today)}
    if with_slipped:
        flags["has_slipped"] = Q(pk__in=target_slips(day).values("id"))
    recommendations = recommendations.annotate(
        **{
            name: Case(
                When(condition, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
            for name, condition in flags.items()
        }
    )
    relation = Recommendation._meta.get_field(by)
    if relation.many_to_many:
        rows = _rollup_over_links(recommendations, relation, list(keys), status, list(flags))
    else:
        rows = (
            recommendations.filter(**{f"{by}__in": list(keys)})
            .values(by, status, *flags)
            .annotate(n=Count("pk"))
            .order_by()
            .values_list(by, status, *flags, "n")
        )
    tallies = {key: Tally() for key in keys}
    for key, row_status, past_target, *rest in rows:
        n = rest[-1]
        tally = tallies[key]
        tally.counts[row_status] += n
        if past_target and row_status not in CLOSED_STATUSES:
            tally.overdue += n
        if with_slipped and rest[0]:
            tally.slipped += n
    return tallies


def _rollup_over_links(recommendations, relation, keys, status, flags):
    """[(key, status, *flags, count)] of `recommendations` grouped by the records that
    the many-to-many `relation` links them to, among `keys`. One statement.

    Each recommendation's status and flags are worked out once (WITH) and then joined to
    its links: grouped over the join directly, a past date's log lookup would run once
    per link, twice for a recommendation in two areas.
    """
    if not keys:
        return []
    qn = connection.ops.quote_name
    link = relation.remote_field.through._meta.db_table
    source, target = relation.m2m_column_name(), relation.m2m_reverse_name()
    columns = ["id", "status", *flags]
    sql, params = recommendations.order_by().values("pk", status, *flags).query.sql_with_params()
    shown = ", ".join(f"s.{qn(column)}" for column in columns[1:])
    statement = (
        f"WITH s({', '.join(qn(c) for c in columns)}) AS ({sql})"
        f" SELECT t.{qn(target)}, {shown}, COUNT(*) FROM s"
        f" JOIN {qn(link)} t ON t.{qn(source)} = s.{qn('id')}"
        f" WHERE t.{qn(target)} IN ({', '.join(['%s'] * len(keys))})"
        f" GROUP BY t.{qn(target)}, {shown}"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, *keys])
        return cursor.fetchall()


def area_breakdowns(areas=None, day=None, *, with_slipped=False):
    """[Breakdown] for every policy area, in display order, overdue (and `with_slipped`,
    slipped) counts included: 2 queries (areas, counts)."""
    areas = list(PolicyArea.objects.all()) if areas is None else list(areas)
    tallies = rollup("policy_areas", [a.pk for a in areas], day, with_slipped=with_slipped)
    return [
        Breakdown.of(
            tallies[a.pk], key=a.slug, label=a.localized.name, obj=a, url=list_url(day, area=a.slug)
        )
        for a in areas
    ]


def lead_breakdowns(day=None):
    """[Breakdown] for each lead side, overdue counts included, in one query."""
    tallies = rollup("lead", Lead.values, day)
    return [
        Breakdown.of(
            tallies[lead.value], key=lead.value, label=lead.label, url=list_url(day, lead=lead)
        )
        for lead in Lead
    ]


def overall(breakdowns, day=None):
    """Sum of per-lead breakdowns: every recommendation has exactly one lead, so no query."""
    totals = _empty_counts()
    for breakdown in breakdowns:
        for status, n in breakdown.counts.items():
            totals[status] += n
    return Breakdown(totals, url=list_url(day), overdue=sum(b.overdue for b in breakdowns))
