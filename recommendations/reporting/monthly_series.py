"""Progress over time: status counts and completion share at the end of every month.

A recommendation's status at the end of a month is its latest status update dated in or
before that month (the point-in-time rule of RecommendationQuerySet.standing_on). Each
update is in force from the end of its own month until the end of the month before the
next update's, so one grouped query, counting updates by (status, month it took effect,
month it was superseded), gives every month's counts: the months in between are filled
in here by a running sum, whatever the number of recommendations or updates.
"""

import datetime
from dataclasses import dataclass

from django.db import connections
from django.db.models import CharField, F, Value, Window
from django.db.models.functions import Lead, TruncMonth
from django.utils import timezone

from recommendations.choices import Status
from recommendations.models import StatusUpdate
from recommendations.reporting import trend_steps
from recommendations.reporting.rollups import StatusCounts


@dataclass
class Point(StatusCounts):
    """The counts by status at one moment: the end of a month, or the series' last day."""

    day: datetime.date = None

    @property
    def cells(self):
        return [(Status(s), n) for s, n in self.counts.items()]


def _as_date(value):
    """A month from the database: a date (PostgreSQL), a datetime or an ISO string (SQLite)."""
    if (
        value is None
        or isinstance(value, datetime.date)
        and not isinstance(value, datetime.datetime)
    ):
        return value
    if isinstance(value, datetime.datetime):
        return value.date()
    return datetime.date.fromisoformat(str(value)[:10])


def _month_index(day):
    return day.year * 12 + day.month - 1


def _month_end(index):
    year, month = divmod(index + 1, 12)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)


def monthly_series(recommendations, *, until=None, by=None):
    """{key: [Point]} for the month-ends from the first update's month to `until` (default:
    today), the last point being `until` itself. Keys are the values of the recommendation
    field `by` (e.g. "lead"), or None for one series of everything in `recommendations`.

    One query: the log of `recommendations` with each update's next update found by a
    window function, grouped by status, key and the two months.
    """
    until = until or timezone.localdate()
    order = [F("as_of").asc(), F("recorded_at").asc(), F("pk").asc()]
    log = (
        StatusUpdate.objects.filter(
            recommendation__in=recommendations.order_by().values("pk"), as_of__lte=until
        )
        .annotate(
            took_effect=TruncMonth("as_of"),
            superseded=Window(
                Lead(TruncMonth("as_of")), partition_by=F("recommendation"), order_by=order
            ),
            series_key=F(f"recommendation__{by}") if by else Value(None, CharField()),
        )
        .values("status", "took_effect", "superseded", "series_key")
        .order_by()
    )
    inner, params = log.query.sql_with_params()
    connection = connections[log.db]
    qn = connection.ops.quote_name
    columns = ", ".join(qn(name) for name in ("status", "took_effect", "superseded", "series_key"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, COUNT(*) FROM ({inner}) log GROUP BY {columns}",  # noqa: S608
            params,
        )
        rows = cursor.fetchall()
    if not rows:
        return {}
    last = _month_index(until)
    rows = [
        (status, _month_index(_as_date(start)), _as_date(end), series_key, n)
        for status, start, end, series_key, n in rows
    ]
    first = min(start for _status, start, _end, _key, _n in rows)
    length = last - first + 1
    # Per key and status, +n where an update takes effect, -n where it is superseded.
    changes = {}
    for status, start, end, series_key, n in rows:
        steps = changes.setdefault(series_key, {s: [0] * (length + 1) for s in Status.values})
        steps[status][start - first] += n
        if end is not None:
            steps[status][_month_index(end) - first] -= n
    return {key: _running_points(steps, first, last, until) for key, steps in changes.items()}


def _running_points(steps, first, last, until, final=None):
    """[Point] at each month-end from month index `first` to `last` (the last point dated
    `until`): the running sum of `steps` ({status: [change per month]}), except a last point
    given as `final` ({status: count})."""
    running = dict.fromkeys(Status.values, 0)
    points = []
    for offset in range(last - first + 1):
        for status in Status.values:
            running[status] += steps[status][offset]
        index = first + offset
        if index < last:
            points.append(Point(dict(running), day=_month_end(index)))
        elif final is None:
            points.append(Point(dict(running), day=until))
        else:
            points.append(Point({s: final.get(s, 0) for s in Status.values}, day=until))
    return points


def kept_series(scopes, *, until=None, final=None):
    """monthly_series read from the kept steps (trend_steps.py): {key: [Point]} for the scopes
    `scopes` names ({key: scope}), from their first update's month to `until`.

    Today's last point is the running sum itself. On a past day, the month it falls in is
    not over: its last point is `final` ({key: {status: count}}, the page's own figures
    for that day, as RecommendationQuerySet.standing_on counts them).
    """
    today = timezone.localdate()
    until = until or today
    last = _month_index(until)
    past = final is not None and until < today
    # On a past day, the steps of the months before its own; that month comes from `final`.
    before = until.replace(day=1) if past else _month_end(last) + datetime.timedelta(days=1)
    by_scope = {scope: key for key, scope in scopes.items()}
    rows = [
        (by_scope[scope], status, _month_index(_as_date(month)), delta)
        for scope, status, month, delta in trend_steps.steps_before(list(by_scope), before)
    ]
    present = {key for key, counts in final.items() if any(counts.values())} if past else set()
    keys = {key for key, *_rest in rows} | present
    if not keys:
        return {}
    first = min((index for _k, _s, index, _d in rows), default=last)
    length = last - first + 1
    changes = {key: {s: [0] * length for s in Status.values} for key in keys}
    for key, status, index, delta in rows:
        changes[key][status][index - first] += delta
    return {
        key: _running_points(steps, first, last, until, (final.get(key) or {}) if past else None)
        for key, steps in changes.items()
    }


def combined(series):
    """One series summing every series of `series` ({key: [Point]}, as monthly_series
    gives them: same days throughout), e.g. all lead sides together."""
    columns = list(zip(*series.values(), strict=True))
    return [
        Point({s: sum(p.counts[s] for p in points) for s in Status.values}, day=points[0].day)
        for points in columns
    ]
