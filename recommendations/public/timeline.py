"""A recommendation's public timeline: its status updates and the slips the audit trail shows.

A slip is public information: a target date moved later, or a status moved back down the
ladder. The first comes from the audit history (only changes made while the recommendation
was published, with no names or notes); the second from the status log itself.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from recommendations.choices import Status, moves_backwards
from recommendations.querysets import target_slips


@dataclass
class TargetSlip:
    recorded: datetime.date
    previous_target: datetime.date
    target: datetime.date

    kind = "slip"


def public_timeline(recommendation, updates):
    """[entry] newest first: each update of `updates` (kind "update"; `moved_back_from` is
    the status it stepped down from, if any) and each TargetSlip (kind "slip"), a slip
    placed at the day it was recorded. One query (the slips)."""
    previous = None
    for update in sorted(updates, key=lambda u: (u.as_of, u.recorded_at, u.pk)):
        update.kind = "update"
        update.moved_back_from = (
            Status(previous.status)
            if previous and moves_backwards(previous.status, update.status)
            else None
        )
        previous = update
    slips = [
        TargetSlip(
            timezone.localdate(row["history_date"]), row["previous_target"], row["target_date"]
        )
        for row in target_slips()
        .filter(id=recommendation.pk)
        .values("history_date", "previous_target", "target_date")
    ]
    entries = [(u.as_of, 0, u) for u in updates] + [(s.recorded, 1, s) for s in slips]
    # Newest first; on one day the slip (recorded) after the update (dated) it may explain.
    entries.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
    return [entry for _day, _order, entry in entries]
