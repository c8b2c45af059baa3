"""The audit trail (django-simple-history) and change sets that attribute a batch of writes.

In a request, HistoryRequestMiddleware names the signed-in user on every historical row.
Work done outside one (an import from the command line) or as one unit (an import from the
admin) runs inside change_set(), which names the user and labels every row it writes with
one reason carrying a change-set id, so the whole batch can be found and attributed.
"""

import uuid
from contextlib import contextmanager

from django.utils import timezone
from simple_history.models import HistoricalRecords

# Rows per INSERT when writing in bulk: well under SQLite's 32,766 bound parameters.
BATCH_SIZE = 500


class AuditedHistory(HistoricalRecords):
    """HistoricalRecords that also honours an open change_set()."""

    def get_history_user(self, instance):
        batch = getattr(self.context, "change_set", None)
        if (
            batch is not None
            and batch["user"] is not None
            and not hasattr(instance, "_history_user")
        ):
            return batch["user"]
        return super().get_history_user(instance)

    def get_change_reason_for_object(self, instance, history_type, using):
        reason = super().get_change_reason_for_object(instance, history_type, using)
        batch = getattr(self.context, "change_set", None)
        return reason or (batch["reason"] if batch is not None else None)


@contextmanager
def change_set(*, user, label):
    """Attribute every historical row written inside to `user`, with one shared reason.

    Yields the reason ("<label> [change set <id>]"); rows of the batch are
    `Model.history.filter(history_change_reason=reason)`.
    """
    reason = f"{label} [change set {uuid.uuid4().hex[:12]}]"[:100]
    previous = getattr(HistoricalRecords.context, "change_set", None)
    HistoricalRecords.context.change_set = {"user": user, "reason": reason}
    try:
        yield reason
    finally:
        HistoricalRecords.context.change_set = previous


def record_history(model, objs, history_type, *, date=None):
    """The audit rows django-simple-history writes on save ("+", "~") or delete ("-"), for
    many objects in one bulk INSERT, attributed to the open change_set().

    For bulk writes (the import), which send no signals: call it with the objects as saved
    (after a create or update) or as they were (before a delete).
    """
    history = model.history.model
    batch = getattr(HistoricalRecords.context, "change_set", None) or {}
    date = date or timezone.now()
    rows = [
        history(
            history_date=date,
            history_user=batch.get("user"),
            history_change_reason=batch.get("reason"),
            history_type=history_type,
            **{field.attname: getattr(obj, field.attname) for field in history.tracked_fields},
        )
        for obj in objs
    ]
    history.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def replace_links(recommendation, relation, chosen):
    """Like .set(), but row by row, so every added and removed link reaches the audit trail.

    (.set() adds links with bulk_create, which sends no post_save signal.)
    """
    field = recommendation._meta.get_field(relation)
    target = f"{field.m2m_reverse_field_name()}_id"
    links = field.remote_field.through.objects.filter(recommendation=recommendation)
    current = set(links.values_list(target, flat=True))
    wanted = {obj.pk for obj in chosen}
    links.filter(**{f"{target}__in": current - wanted}).delete()
    for pk in sorted(wanted - current):
        links.create(recommendation=recommendation, **{target: pk})
