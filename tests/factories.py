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
    *,
    areas=(),
    workshops=(),
    bodies=(),
    status=None,
    as_of=None,
    summary="",
    summary_ja="",
    **fields,
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
            summary_ja=summary_ja,
        )
    return recommendation


# Names and notes that must never reach a public page (see tests/test_privacy.py).
SECRET_PARTICIPANT = "Hanako Secretperson"
SECRET_EMAIL = "hanako.secret@example.jp"
SECRET_WORKSHOP_NOTE = "Workshop private note: minister arrives late"
SECRET_UPDATE_NOTE = "Update private note: cabinet not yet briefed"
SECRET_PARTICIPANT_NOTE = "Participant note: prefers not to be quoted"
DRAFT_CODE = "AJ-2099-999"
DRAFT_TITLE = "Unpublished draft on undersea cable repair ships"


def make_public_site(*, extra=0):
    """A small tracker: 3 areas, 3 bodies, 2 meetings, 7 published recommendations and 1 draft.

    Also plants every kind of private data next to the public data, so a test can
    assert none of it leaks. `extra` adds that many more published recommendations.
    Returns a dict of what it made.
    """
    from recommendations.choices import Priority, Status

    minerals = make_area(name="Critical minerals", slug="critical-minerals", order=1)
    energy = make_area(name="Energy security", slug="energy-security", order=2)
    ai = make_area(name="AI governance", slug="ai-governance", order=3)
    dfat = make_organisation(name="Department of Foreign Affairs and Trade", slug="dfat")
    meti = make_organisation(
        name="Ministry of Economy, Trade and Industry", slug="meti", country=Country.JAPAN
    )
    csiro = make_organisation(name="CSIRO", slug="csiro", sector=Sector.ACADEMIA)
    canberra = make_workshop(
        title="Canberra workshop",
        slug="canberra-2025",
        start_date=datetime.date(2025, 3, 10),
        end_date=datetime.date(2025, 3, 11),
        host=dfat,
        summary="Public summary of the Canberra meeting.",
        private_notes=SECRET_WORKSHOP_NOTE,
    )
    tokyo = make_workshop(
        title="Tokyo consultation",
        slug="tokyo-2025",
        kind=WorkshopKind.PRIVATE_CONSULTATION,
        city="Tokyo",
        country=Country.JAPAN,
        start_date=datetime.date(2025, 9, 2),
    )
    make_participant(
        name=SECRET_PARTICIPANT, email=SECRET_EMAIL, notes=SECRET_PARTICIPANT_NOTE, workshop=tokyo
    )
    make_participant(workshop=canberra, role="chair")

    past, future = datetime.date(2025, 6, 30), datetime.date(2099, 12, 31)
    specs = [
        # code suffix, areas, workshops, bodies, lead, priority, target, status
        (
            "001",
            [minerals],
            [canberra],
            [dfat],
            Lead.AUSTRALIA,
            Priority.HIGH,
            past,
            Status.IN_PROGRESS,
        ),
        (
            "002",
            [minerals, energy],
            [canberra],
            [dfat, meti],
            Lead.JOINT,
            Priority.MEDIUM,
            future,
            Status.IMPLEMENTED,
        ),
        ("003", [energy], [tokyo], [meti], Lead.JAPAN, Priority.LOW, past, Status.IMPLEMENTED),
        ("004", [energy], [tokyo], [meti, csiro], Lead.JAPAN, Priority.HIGH, None, None),
        (
            "005",
            [ai],
            [canberra, tokyo],
            [csiro],
            Lead.AUSTRALIA,
            Priority.MEDIUM,
            past,
            Status.NOT_ACCEPTED,
        ),
        (
            "006",
            [ai, minerals],
            [tokyo],
            [dfat],
            Lead.JOINT,
            Priority.HIGH,
            past,
            Status.PARTIALLY_IMPLEMENTED,
        ),
        ("007", [], [], [], Lead.JAPAN, Priority.LOW, future, Status.NOT_STARTED),
    ]
    recommendations = []
    for suffix, areas, workshops, bodies, lead, priority, target, status in specs:
        recommendations.append(
            make_recommendation(
                code=f"AJ-2025-{suffix}",
                title=f"Recommendation {suffix} on {'minerals' if minerals in areas else 'policy'}",
                areas=areas,
                workshops=workshops,
                bodies=bodies,
                lead=lead,
                priority=priority,
                target_date=target,
                status=status,
                as_of=datetime.date(2025, 7, int(suffix)),
                summary=f"Public summary for {suffix}.",
            )
        )
    record_status_update(
        recommendation=recommendations[0],
        status=Status.NOT_STARTED,
        as_of=datetime.date(2025, 4, 1),
        summary="Earlier public update.",
        evidence_urls="https://example.gov.au/evidence-1",
        private_note=SECRET_UPDATE_NOTE,
    )
    for n in range(extra):
        recommendations.append(
            make_recommendation(
                code=f"AJ-2026-{n:03d}",
                areas=[(minerals, energy, ai)[n % 3]],
                workshops=[(canberra, tokyo)[n % 2]],
                bodies=[(dfat, meti, csiro)[n % 3]],
                lead=(Lead.AUSTRALIA, Lead.JAPAN, Lead.JOINT)[n % 3],
                target_date=past if n % 2 else future,
                status=list(Status)[n % 6],
            )
        )
    draft = make_recommendation(
        code=DRAFT_CODE,
        title=DRAFT_TITLE,
        areas=[minerals],
        workshops=[canberra],
        bodies=[dfat],
        target_date=past,
        status=Status.IN_PROGRESS,
        summary="Draft update summary that is not public.",
        is_published=False,
    )
    return {
        "areas": [minerals, energy, ai],
        "bodies": [dfat, meti, csiro],
        "workshops": [canberra, tokyo],
        "published": recommendations,
        "draft": draft,
    }


def make_tracker(count):
    """`count` published recommendations spread over 3 areas, bodies, meetings and statuses.

    For query-count tests: the number of queries a page runs must not depend on `count`.
    """
    from recommendations.choices import Status

    areas = [make_area() for _ in range(3)]
    bodies = [make_organisation() for _ in range(3)]
    workshops = [make_workshop() for _ in range(2)]
    statuses = list(Status)
    return [
        make_recommendation(
            areas=areas[: 1 + n % 3],
            workshops=[workshops[n % 2]],
            bodies=bodies[n % 3 :],
            lead=(Lead.AUSTRALIA, Lead.JAPAN, Lead.JOINT)[n % 3],
            target_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=30 * n),
            status=statuses[n % len(statuses)],
            summary=f"Update {n}",
        )
        for n in range(count)
    ]


def make_one_of_each():
    """One row of every domain model, tied together, keyed by model class.

    The recommendation has one status update and is linked to the area, the meeting and
    the organisation, which also hosts the meeting and employs the participant.
    """
    from recommendations.choices import Status
    from recommendations.models import StatusUpdate

    area = make_area()
    organisation = make_organisation()
    workshop = make_workshop(host=organisation)
    participant = make_participant(workshop=workshop, organisation=organisation)
    recommendation = make_recommendation(
        areas=[area], workshops=[workshop], bodies=[organisation], status=Status.IN_PROGRESS
    )
    return {
        PolicyArea: area,
        Organisation: organisation,
        Workshop: workshop,
        Participant: participant,
        Attendance: participant.attendance.get(),
        Recommendation: recommendation,
        StatusUpdate: recommendation.status_updates.get(),
    }


# -- CSV import files ---------------------------------------------------------------------

IMPORT_HEADER = (
    "code",
    "title",
    "text",
    "rationale",
    "policy areas",
    "raised at",
    "responsible bodies",
    "lead",
    "priority",
    "target date",
    "published",
    "status",
    "status as of",
    "status summary",
)


def import_csv(rows, header=IMPORT_HEADER, delimiter=",", encoding="utf-8-sig"):
    """The bytes of an import file with `header` and `rows` (lists of cells)."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def import_row(**cells):
    """A valid import row naming the `csv_vocabulary` fixture's entries; keyword arguments
    override cells by column name, with _ for spaces."""
    values = {
        "code": "AJ-2026-001",
        "title": "Coordinate critical minerals reserves",
        "text": "Both governments should coordinate their reserves.",
        "rationale": "",
        "policy areas": "critical-minerals",
        "raised at": "canberra-2025",
        "responsible bodies": "dfat",
        "lead": "joint",
        "priority": "high",
        "target date": "2026-12-31",
        "published": "yes",
        "status": "in_progress",
        "status as of": "2025-08-01",
        "status summary": "Officials have met.",
    }
    values.update({name.replace("_", " "): value for name, value in cells.items()})
    return [values[column] for column in IMPORT_HEADER]
