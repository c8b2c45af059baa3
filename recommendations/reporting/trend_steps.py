"""The monthly trend of each scope, kept in TrendStep rows and brought up to date on read.

A published recommendation's log gives steps: each update +1 to its status in the month of
its as-of date, and -1 from that status in the month of the next update's (the rule of
progress.monthly_series). A scope's steps are the sum of its recommendations' steps, so a
trend is a running sum over a few hundred rows, however long the log.

Every write to the tracker leaves an audit row (django-simple-history), whichever path it
took: the admin, the status-update service, the importer, a restore. `sync()` reads the
audit rows added since it last looked, finds the recommendations they touch (their log,
their lead, their areas, their bodies, whether they are published), takes each one's old
share out and puts its new one in. So the steps are exact after any write, and the cost of
bringing them up to date is that of the recommendations changed, not of the tracker.
A write made around the audit trail (a bulk insert) is picked up by `rebuild()`.
"""

import datetime
from collections import Counter, defaultdict
from itertools import islice

from django.db import connection, transaction
from django.db.models import Max

from recommendations.models import (
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
    TrendContribution,
    TrendStep,
    TrendSync,
)

BATCH = 2000


def lead_scope(lead):
    return f"lead:{lead}"


def area_scope(area_id):
    return f"area:{area_id}"


def body_scope(body_id):
    return f"body:{body_id}"


def _month(day):
    return day.replace(day=1)


# Audit tables whose rows can change a trend, and the column naming the recommendation.
def _watched():
    return [
        (Recommendation.history.model, "id"),
        (StatusUpdate.history.model, "recommendation_id"),
        (RecommendationArea.history.model, "recommendation_id"),
        (ResponsibleBody.history.model, "recommendation_id"),
    ]


def _audit_position():
    """{audit table: highest history_id}, in one query."""
    tables = [model._meta.db_table for model, _column in _watched()]
    qn = connection.ops.quote_name
    highest = ", ".join(f"(SELECT MAX({qn('history_id')}) FROM {qn(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {highest}")  # noqa: S608 - table names from the models
        return {t: value or 0 for t, value in zip(tables, cursor.fetchone(), strict=True)}


def _shares(ids):
    """{recommendation id: (scopes, steps)} as the database holds them now."""
    ids = list(ids)
    shares = {}
    scopes = defaultdict(list)
    for rid, area in RecommendationArea.objects.filter(recommendation__in=ids).values_list(
        "recommendation_id", "area_id"
    ):
        scopes[rid].append(area_scope(area))
    for rid, body in ResponsibleBody.objects.filter(recommendation__in=ids).values_list(
        "recommendation_id", "organisation_id"
    ):
        scopes[rid].append(body_scope(body))
    published = {}
    for rid, is_published, lead in Recommendation.objects.filter(pk__in=ids).values_list(
        "pk", "is_published", "lead"
    ):
        published[rid] = is_published
        scopes[rid].append(lead_scope(lead))
    logs = defaultdict(list)
    updates = (
        StatusUpdate.objects.filter(recommendation__in=[r for r, p in published.items() if p])
        .order_by("recommendation_id", "as_of", "recorded_at", "pk")
        .values_list("recommendation_id", "status", "as_of")
    )
    for rid, status, as_of in updates:
        logs[rid].append((status, as_of))
    for rid in published:
        steps = Counter()
        log = logs.get(rid, [])
        for (status, as_of), following in zip(log, [*log[1:], None], strict=False):
            steps[(status, _month(as_of).isoformat())] += 1
            if following is not None:
                steps[(status, _month(following[1]).isoformat())] -= 1
        shares[rid] = (
            sorted(scopes[rid]),
            sorted([status, month, delta] for (status, month), delta in steps.items() if delta),
        )
    return shares


def _add(totals, scopes, steps, sign):
    for scope in scopes:
        for status, month, delta in steps:
            totals[(scope, status, month)] += sign * delta


def _apply(totals):
    """Add `totals` ({(scope, status, month): delta}) to the stored steps."""
    totals = {key: delta for key, delta in totals.items() if delta}
    if not totals:
        return
    scopes = {scope for scope, _s, _m in totals}
    stored = {
        (scope, status, month.isoformat()): (pk, delta)
        for pk, scope, status, month, delta in TrendStep.objects.filter(
            scope__in=scopes
        ).values_list("pk", "scope", "status", "month", "delta")
    }
    changed, new, emptied = [], [], []
    for (scope, status, month), delta in totals.items():
        if (scope, status, month) in stored:
            pk, before = stored[(scope, status, month)]
            if before + delta:
                changed.append(TrendStep(pk=pk, delta=before + delta))
            else:
                emptied.append(pk)
        else:
            day = datetime.date.fromisoformat(month)
            new.append(TrendStep(scope=scope, status=status, month=day, delta=delta))
    TrendStep.objects.bulk_update(changed, ["delta"], batch_size=BATCH)
    TrendStep.objects.bulk_create(new, batch_size=BATCH)
    TrendStep.objects.filter(pk__in=emptied).delete()


def _refresh(ids, totals):
    """Count into `totals` the old shares of `ids` taken out and their current ones put in,
    and keep the current ones."""
    ids = iter(sorted(ids))
    while batch := list(islice(ids, BATCH)):
        for old in TrendContribution.objects.filter(recommendation_id__in=batch):
            _add(totals, old.scopes, old.steps, -1)
        shares = _shares(batch)
        for scopes, steps in shares.values():
            _add(totals, scopes, steps, +1)
        TrendContribution.objects.filter(recommendation_id__in=batch).delete()
        TrendContribution.objects.bulk_create(
            [
                TrendContribution(recommendation_id=rid, scopes=scopes, steps=steps)
                for rid, (scopes, steps) in shares.items()
                if steps
            ],
            batch_size=BATCH,
        )


def sync():
    """Bring the steps up to date with every audited write since the last call.

    Two small queries when nothing changed. The lock on the one TrendSync row makes
    concurrent requests take turns on PostgreSQL (SQLite writes one at a time anyway).
    """
    position = _audit_position()
    state = TrendSync.objects.only("seen").first()
    if state is not None and state.seen == position:
        return
    with transaction.atomic():
        state, _created = TrendSync.objects.select_for_update().get_or_create(pk=1)
        position = _audit_position()
        if state.seen == position:
            return  # another request has just done it
        if not state.seen:
            _rebuild()
        else:
            touched = set()
            for model, column in _watched():
                table = model._meta.db_table
                touched.update(
                    model.objects.filter(history_id__gt=state.seen.get(table, 0))
                    .values_list(column, flat=True)
                    .distinct()
                )
            totals = Counter()
            _refresh(touched, totals)
            _apply(totals)
        state.seen = position
        state.save(update_fields=["seen"])


def _rebuild():
    TrendStep.objects.all().delete()
    TrendContribution.objects.all().delete()
    highest = Recommendation.objects.aggregate(highest=Max("pk"))["highest"] or 0
    totals = Counter()
    for start in range(0, highest + 1, BATCH):
        ids = Recommendation.objects.filter(pk__gte=start, pk__lt=start + BATCH).values_list(
            "pk", flat=True
        )
        _refresh(ids, totals)
    _apply(totals)


def rebuild():
    """Recompute every step from the log: after writes made around the audit trail."""
    with transaction.atomic():
        state, _created = TrendSync.objects.select_for_update().get_or_create(pk=1)
        _rebuild()
        state.seen = _audit_position()
        state.save(update_fields=["seen"])


def steps_before(scopes, month):
    """[(scope, status, month, delta)] of `scopes` for the months before `month`."""
    sync()
    return list(
        TrendStep.objects.filter(scope__in=scopes, month__lt=month).values_list(
            "scope", "status", "month", "delta"
        )
    )
