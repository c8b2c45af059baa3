"""Small builders for test data: every argument has a sensible default, override what matters."""

import datetime
import itertools

from recommendations.choices import Country, Lead, Priority, Sector, WorkshopKind
from recommendations.models import (
    Attendance,
    Organisation,
    Participant,
    PolicyArea,
    Recommendation,
    Workshop,
)
from recommendations.services import record_status_update

_serial = itertools.count(1)


def _next():
    return next(_serial)


def make_area(**fields):
    n = _next()
    fields.setdefault("name", f"Area {n}")
    fields.setdefault("slug", f"area-{n}")
    fields.setdefault("order", n)
    return PolicyArea.objects.create(**fields)


def make_organisation(**fields):
    n = _next()
    fields.setdefault("name", f"Organisation {n}")
    fields.setdefault("slug", f"organisation-{n}")
    fields.setdefault("country", Country.AUSTRALIA)
    fields.setdefault("sector", Sector.GOVERNMENT)
    return Organisation.objects.create(**fields)


def make_workshop(**fields):
    n = _next()
    fields.setdefault("title", f"Workshop {n}")
    fields.setdefault("slug", f"workshop-{n}")
    fields.setdefault("kind", WorkshopKind.WORKSHOP)
    fields.setdefault("city", "Canberra")
    fields.setdefault("country", Country.AUSTRALIA)
    fields.setdefault("start_date", datetime.date(2025, 3, 1))
    fields.setdefault("end_date", fields["start_date"])
    return Workshop.objects.create(**fields)


def make_participant(*, workshop=None, role="participant", **fields):
    n = _next()
    fields.setdefault("name", f"Participant {n}")
    fields.setdefault("email", f"participant{n}@example.org")
    participant = Participant.objects.create(**fields)
    if workshop is not None:
        Attendance.objects.create(workshop=workshop, participant=participant, role=role)
    return participant


def make_recommendation(
    *, areas=(), workshops=(), bodies=(), status=None, as_of=None, summary="", **fields
):
    """A recommendation; with `status`, also its first status update (as of `as_of`)."""
    n = _next()
    fields.setdefault("code", f"AJ-2025-{n:03d}")
    fields.setdefault("title", f"Recommendation {n}")
    fields.setdefault("text", f"Full text of recommendation {n}.")
    fields.setdefault("lead", Lead.JOINT)
    fields.setdefault("priority", Priority.MEDIUM)
    fields.setdefault("is_published", True)
    recommendation = Recommendation.objects.create(**fields)
    recommendation.policy_areas.set(areas)
    recommendation.workshops.set(workshops)
    recommendation.responsible_bodies.set(bodies)
    if status is not None:
        record_status_update(
            recommendation=recommendation,
            status=status,
            as_of=as_of or datetime.date(2025, 7, 1),
            summary=summary,
        )
    return recommendation
