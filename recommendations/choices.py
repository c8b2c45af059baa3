"""The controlled vocabularies of the domain, each defined once.

The status ladder and what each status contributes to a completion share live
here so that the dashboard, area pages, exports and admin all agree.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTIALLY_IMPLEMENTED = "partially_implemented", _("Partially implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


# Share of "done" each status stands for, in percent. Not accepted counts as
# zero: a declined recommendation was not implemented, and hiding it from the
# denominator would flatter the roll-up.
COMPLETION_WEIGHT = {
    Status.PROPOSED: 0,
    Status.NOT_STARTED: 0,
    Status.IN_PROGRESS: 25,
    Status.PARTIALLY_IMPLEMENTED: 50,
    Status.IMPLEMENTED: 100,
    Status.NOT_ACCEPTED: 0,
}

# The way forward, in order: a move to an earlier rung is a step backwards. Not accepted is
# off the ladder (an outcome, not a step).
LADDER = (
    Status.PROPOSED,
    Status.NOT_STARTED,
    Status.IN_PROGRESS,
    Status.PARTIALLY_IMPLEMENTED,
    Status.IMPLEMENTED,
)


def moves_backwards(old, new):
    """True when a status change goes down the ladder (e.g. in progress → not started)."""
    return old in LADDER and new in LADDER and LADDER.index(new) < LADDER.index(old)


# Statuses after which nothing more is expected: such a recommendation is never overdue.
CLOSED_STATUSES = (Status.IMPLEMENTED, Status.NOT_ACCEPTED)


def is_overdue(target_date, status, today):
    """Overdue: the target date has passed and the work is still open.

    For rows already in memory; querysets.overdue_condition is the same rule in SQL.
    """
    return bool(target_date and target_date < today and status not in CLOSED_STATUSES)


def completion_share(counts):
    """Completion share in percent (0-100, one decimal) from {status: count}."""
    total = sum(counts.values())
    if not total:
        return 0.0
    done = sum(COMPLETION_WEIGHT[Status(status)] * n for status, n in counts.items())
    return round(done / total, 1)


class Lead(models.TextChoices):
    AUSTRALIA = "au", _("Australia")
    JAPAN = "jp", _("Japan")
    JOINT = "joint", _("Joint")


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


# Sort rank for priority: most urgent first.
PRIORITY_RANK = {Priority.HIGH: 1, Priority.MEDIUM: 2, Priority.LOW: 3}


class Country(models.TextChoices):
    AUSTRALIA = "au", _("Australia")
    JAPAN = "jp", _("Japan")
    OTHER = "other", _("Other")


class Sector(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    INDUSTRY = "industry", _("Industry")
    ACADEMIA = "academia", _("University")
    THINK_TANK = "think_tank", _("Think tank")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    OTHER = "other", _("Other")


class WorkshopKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    PRIVATE_CONSULTATION = "private_consultation", _("Private consultation")
    ROUNDTABLE = "roundtable", _("Roundtable")


class Role(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SPEAKER = "speaker", _("Speaker")
    PARTICIPANT = "participant", _("Participant")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    OBSERVER = "observer", _("Observer")
