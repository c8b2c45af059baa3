"""The audit trail (django-simple-history) and change sets that attribute a batch of writes.

In a request, HistoryRequestMiddleware names the signed-in user on every historical row.
Work done outside one (an import from the command line) or as one unit (an import from the
admin) runs inside change_set(), which names the user and labels every row it writes with
one reason carrying a change-set id, so the whole batch can be found and attributed.
"""

import uuid
from contextlib import contextmanager

from simple_history.models import HistoricalRecords


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
