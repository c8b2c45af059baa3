"""Writes that touch more than one row: each is one function in one transaction."""

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction

from recommendations.locking import bump_version
from recommendations.models import Recommendation, StatusUpdate


@transaction.atomic
def record_status_update(
    *,
    recommendation,
    status,
    as_of,
    summary="",
    summary_ja="",
    evidence_urls="",
    private_note="",
    recorded_by=None,
):
    """Append an update to the log and move the current status to the latest update.

    "Latest" is by as-of date (then by when it was recorded), so a back-dated
    update joins the history without overwriting a newer status. Nothing in
    the log is ever edited: a correction is a new update.
    """
    # Lock the recommendation so two updates recorded at once both see each other.
    locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    update = StatusUpdate(
        recommendation=locked,
        status=status,
        as_of=as_of,
        summary=summary,
        summary_ja=summary_ja,
        evidence_urls=evidence_urls,
        private_note=private_note,
        recorded_by=recorded_by,
    )
    update.full_clean()
    update.save()
    sync_current_status(locked)
    recommendation.status, recommendation.status_as_of = locked.status, locked.status_as_of
    return update


def sync_current_status(recommendation):
    """Set the denormalised current status from the latest update in the log."""
    latest = recommendation.status_updates.newest_first().only("status", "as_of").first()
    if latest is None:
        return
    if (recommendation.status, recommendation.status_as_of) != (latest.status, latest.as_of):
        recommendation.status, recommendation.status_as_of = latest.status, latest.as_of
        recommendation.save(update_fields=["status", "status_as_of", "updated_at"])


@transaction.atomic
def set_published(*, recommendations, published, changed_by):
    """Publish (or withdraw from the public site) each of `recommendations` that is not so
    already, all or none; returns the recommendations changed.

    One save per row, not .update(), so the audit trail records each change. Each is an
    edit like any other: it moves the version, so a form opened before it cannot silently
    undo it. The admin's log names who did it.
    """
    changing = list(
        Recommendation.objects.select_for_update()
        .filter(pk__in=recommendations.values("pk"))
        .exclude(is_published=published)
        .order_by("pk")
    )
    for recommendation in changing:
        bump_version(recommendation)
        recommendation.is_published = published
        recommendation.save(update_fields=["is_published", "updated_at", "version"])
    if changing:
        LogEntry.objects.log_actions(
            changed_by.pk,
            changing,
            CHANGE,
            change_message=[{"changed": {"fields": ["is_published"]}}],
        )
    return changing
