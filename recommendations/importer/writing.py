"""Applying a plan: everything in one transaction, recorded in the audit trail.

The rows are written in bulk, a fixed number of statements per table whatever the size
of the file (10,000 rows in seconds), each with the audit rows that saving them one by
one would have written, in the same change set.
"""

from django.db import transaction
from django.utils import timezone

from recommendations.audit import BATCH_SIZE, change_set, record_history
from recommendations.importer.outcomes import ImportRefused, ImportSummary, PlanChanged
from recommendations.importer.planning import plan_import
from recommendations.models import Recommendation, StatusUpdate

# The reason written on every audit-history row of one import.
IMPORT_LABEL = "CSV import"


def commit_import(data, *, user=None, expected=None):
    """Validate `data` again and apply all of it in one transaction, or raise ImportRefused.

    `expected` is the fingerprints of the plan the officer saw; when the file would now do
    anything else (someone created or changed a recommendation it names meanwhile),
    nothing is written and PlanChanged carries the fresh plan and the rows that differ.
    """
    with transaction.atomic(), change_set(user=user, label=IMPORT_LABEL):
        plan = plan_import(data, lock=True)
        if not plan.can_commit:
            raise ImportRefused(plan)
        if expected is not None and (changed := plan.changed_since(expected)):
            raise PlanChanged(plan, changed)
        now = timezone.now()
        created = create_recommendations(plan.creates, now)
        update_recommendations(plan.rows, now)
        for relation in ("policy_areas", "workshops", "responsible_bodies"):
            replace_links_in_bulk(plan.rows, relation, now)
        appended = append_status_updates(plan.status_updates, user, now)
    return ImportSummary(
        created=created,
        updated=[row.existing for row in plan.updates],
        status_updates=appended,
        unchanged=len(plan.unchanged),
    )


def create_recommendations(rows, now):
    """INSERT the new recommendations, each already at the status its first update sets."""
    new = []
    for row in rows:
        recommendation = Recommendation(code=row.code, **row.fields)
        if row.status_update:
            recommendation.status = row.status_update.status
            recommendation.status_as_of = row.status_update.as_of
        new.append(recommendation)
        row.existing = recommendation
    Recommendation.objects.bulk_create(new, batch_size=BATCH_SIZE)
    record_history(Recommendation, new, "+", date=now)
    return new


def update_recommendations(rows, now):
    """UPDATE the known recommendations the file changes: their fields (moving the version,
    so a form opened before the import is refused) and their current status."""
    changed, fields = [], {"updated_at"}
    for row in rows:
        if row.action == "create":
            continue
        recommendation = row.existing
        touched = False
        if row.fields:
            # The row is locked (plan_import(lock=True)), so its version is the latest.
            for name, value in row.fields.items():
                setattr(recommendation, name, value)
            recommendation.version += 1
            fields.update(row.fields, {"version"})
            touched = True
        update = row.status_update
        if update and update.becomes_current:
            recommendation.status, recommendation.status_as_of = update.status, update.as_of
            fields.update({"status", "status_as_of"})
            touched = True
        if touched:
            recommendation.updated_at = now
            changed.append(recommendation)
    Recommendation.objects.bulk_update(changed, sorted(fields), batch_size=BATCH_SIZE)
    record_history(Recommendation, changed, "~", date=now)


def replace_links_in_bulk(rows, relation, now):
    """Make each row's `relation` hold exactly the file's list: delete the links it no
    longer names and add the new ones, in order, each with its audit row."""
    field = Recommendation._meta.get_field(relation)
    through = field.remote_field.through
    target = f"{field.m2m_reverse_field_name()}_id"
    wanted = {
        row.existing.pk: {obj.pk for obj in row.lists[relation]}
        for row in rows
        if relation in row.lists
    }
    # Only recommendations that existed before the import can have links to remove.
    known = [row.existing.pk for row in rows if relation in row.lists and row.action != "create"]
    current = {}
    for link in through.objects.filter(recommendation__in=known) if known else ():
        current.setdefault(link.recommendation_id, []).append(link)
    removed, added = [], []
    for pk, targets in wanted.items():
        links = current.get(pk, [])
        removed += [link for link in links if getattr(link, target) not in targets]
        kept = {getattr(link, target) for link in links}
        added += [through(recommendation_id=pk, **{target: t}) for t in sorted(targets - kept)]
    if removed:
        record_history(through, removed, "-", date=now)
        through.objects.filter(pk__in=[link.pk for link in removed]).delete()
    through.objects.bulk_create(added, batch_size=BATCH_SIZE)
    record_history(through, added, "+", date=now)


def append_status_updates(rows, user, now):
    """INSERT the status updates the file adds to the log (the log is never edited)."""
    updates = [
        StatusUpdate(
            recommendation=row.existing,
            status=row.status_update.status,
            as_of=row.status_update.as_of,
            summary=row.status_update.summary,
            summary_ja=row.status_update.summary_ja,
            evidence_urls=row.status_update.evidence_urls,
            private_note=row.status_update.private_note,
            recorded_by=user,
            recorded_at=now,
        )
        for row in rows
    ]
    StatusUpdate.objects.bulk_create(updates, batch_size=BATCH_SIZE)
    record_history(StatusUpdate, updates, "+", date=now)
    return len(updates)
