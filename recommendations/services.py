"""Writes that touch more than one row: each is one function in one transaction."""

from django.db import transaction

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
