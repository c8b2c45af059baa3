"""Builders for test data: every argument has a sensible default, override what matters.

The small builders (make_area, make_recommendation, ...) make one row each; the people
(make_staff, signed_in) are what the personas of tests/conftest.py are made of; the
trackers further down are the whole sets of data particular tests are written against,
each named for what it is for.
"""

import datetime
import itertools
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone

from recommendations.choices import Country, Lead, Priority, Sector, Status, WorkshopKind
from recommendations.models import (
    Attendance,
    Organisation,
    Participant,
    PolicyArea,
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
    Workshop,
)
from recommendations.services import record_status_update
from tests import canaries

_serial = itertools.count(1)


def _next():
    return next(_serial)


# -- People ------------------------------------------------------------------------------

PASSWORD = "a-long-test-password"


def make_staff(username, *groups, **fields):
    """A staff account signing in with PASSWORD, in the named groups (the Secretariat and
    Reviewer groups are created by a migration)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    fields.setdefault("email", f"{username}@example.org")
    user = get_user_model().objects.create_user(
        username, password=PASSWORD, is_staff=True, **fields
    )
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


def make_superuser(username="superuser"):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(username, f"{username}@example.org", PASSWORD)


def signed_in(user, **client_options):
    """A test client of its own with `user` signed in."""
    from django.test import Client

    client = Client(**client_options)
    client.force_login(user)
    return client


# -- Rows ----------------------------------------------------------------------------------


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


# Names and notes that must never reach a public page (see tests/public/test_privacy.py).
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


def make_bulk_recommendations(count, *, area, body, workshop, start=0, updates=True, **varied):
    """`count` published recommendations in progress (codes BK-00000 on, from `start`), each
    in `area`, addressed to `body` and raised at `workshop`, written in bulk (no audit rows).

    With `updates`, each has one public status update. `varied` maps a field to a function
    of the row's index, for what should differ from row to row: `target_date=lambda i: ...`.
    """
    recs = Recommendation.objects.bulk_create(
        Recommendation(
            code=f"BK-{start + i:05d}",
            title=f"Bulk recommendation {start + i}",
            text="Text",
            lead=Lead.JOINT,
            is_published=True,
            status=Status.IN_PROGRESS,
            status_as_of=datetime.date(2025, 6, 1),
            **{name: value_of(i) for name, value_of in varied.items()},
        )
        for i in range(count)
    )
    RecommendationArea.objects.bulk_create(
        RecommendationArea(recommendation=r, area=area) for r in recs
    )
    ResponsibleBody.objects.bulk_create(
        ResponsibleBody(recommendation=r, organisation=body) for r in recs
    )
    RaisedAt.objects.bulk_create(RaisedAt(recommendation=r, workshop=workshop) for r in recs)
    if updates:
        StatusUpdate.objects.bulk_create(
            StatusUpdate(
                recommendation=r,
                status=Status.IN_PROGRESS,
                as_of=datetime.date(2025, 6, 1),
                summary="Under way",
            )
            for r in recs
        )
    return recs


# -- Trackers: the data particular tests are written against ---------------------------------

PRIVATE_NOTE_CANARY = "PRIVATE NOTE CANARY"


def make_export_tracker():
    """What the CSV and Excel exports are read against: two areas, three published
    recommendations (one in Japanese only), a draft, a participant and a private note.

    Returns the recommendations: AJ-2025-001 to -003, then the draft AJ-2025-099.
    """
    minerals = make_area(name="Critical minerals", slug="critical-minerals", order=1)
    energy = make_area(name="Energy security", slug="energy-security", order=2)
    dfat = make_organisation(name="Department of Foreign Affairs and Trade", slug="dfat")
    meti = make_organisation(name="経済産業省", slug="meti", country="jp")
    canberra = make_workshop(
        title="Canberra workshop", slug="canberra-2025", start_date=datetime.date(2025, 2, 10)
    )
    tokyo = make_workshop(
        title="Tokyo workshop", slug="tokyo-2025", start_date=datetime.date(2025, 4, 20)
    )
    make_participant(name="Secret Attendee", workshop=canberra)
    recs = [
        make_recommendation(
            code="AJ-2025-001",
            title="Joint stockpile of critical minerals",
            areas=[energy, minerals],
            bodies=[meti, dfat],
            workshops=[tokyo, canberra],
            lead=Lead.JOINT,
            priority=Priority.HIGH,
            target_date=datetime.date(2020, 1, 1),
            status=Status.IN_PROGRESS,
            as_of=datetime.date(2025, 6, 1),
            summary="Talks have started.",
        ),
        make_recommendation(
            code="AJ-2025-002",
            title="重要鉱物のサプライチェーン強靭化",
            text="日本語の本文です。",
            areas=[minerals],
            bodies=[meti],
            lead=Lead.JAPAN,
            priority=Priority.LOW,
            status=Status.IMPLEMENTED,
            as_of=datetime.date(2025, 5, 1),
        ),
        make_recommendation(
            code="AJ-2025-003",
            title="Grid security exercises",
            areas=[energy],
            lead=Lead.AUSTRALIA,
            target_date=datetime.date(2030, 1, 1),
        ),
        make_recommendation(
            code="AJ-2025-099", title="A draft", areas=[minerals], is_published=False
        ),
    ]
    record_status_update(
        recommendation=recs[0],
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2025, 7, 1),
        summary="Working group formed.",
        private_note=PRIVATE_NOTE_CANARY,
    )
    return recs


CALENDAR_PAST, CALENDAR_CLOSED_PAST, CALENDAR_FUTURE = (
    datetime.date(2020, 1, 1),
    datetime.date(2020, 6, 30),
    datetime.date(2099, 1, 1),
)
# Every character TEXT escapes (comma, semicolon, backslash, line break), a backslash
# before "N" (which icalendar alone would turn into a line break), and Japanese long
# enough to be folded several times.
CALENDAR_TRICKY_TITLE = (
    "Stockpiles, reserves; swaps\nacross C:\\Data\\New and \\\\N "
    "重要鉱物の共同備蓄と供給網の強靭化に関する日豪協力の枠組みを二〇二六年度中に構築すること"
)


def make_calendar_tracker():
    """What the calendar of target dates is read against: target dates past, past but
    closed, future and none; a title full of what iCalendar escapes; a slipped target;
    a draft, a participant and a private note. Returns {name: recommendation}."""
    minerals = make_area(
        name="Critical minerals", name_ja="重要鉱物", slug="critical-minerals", order=1
    )
    energy = make_area(name="Energy security", slug="energy-security", order=2)
    dfat = make_organisation(name="Department of Foreign Affairs and Trade", slug="dfat")
    meti = make_organisation(
        name="Ministry of Economy, Trade and Industry",
        name_ja="経済産業省",
        slug="meti",
        country="jp",
    )
    canberra = make_workshop(title="Canberra workshop", slug="canberra-2025")
    tokyo = make_workshop(title="Tokyo workshop", slug="tokyo-2025")
    make_participant(name=SECRET_PARTICIPANT, workshop=canberra)
    recs = {
        "joint": make_recommendation(
            code="AJ-2025-001",
            title="Joint stockpile of critical minerals",
            title_ja="重要鉱物の共同備蓄",
            areas=[energy, minerals],
            bodies=[meti, dfat],
            workshops=[tokyo, canberra],
            lead=Lead.JOINT,
            priority=Priority.HIGH,
            target_date=CALENDAR_PAST,
            status=Status.IN_PROGRESS,
            as_of=datetime.date(2025, 6, 1),
        ),
        "done": make_recommendation(
            code="AJ-2025-002",
            title="重要鉱物のサプライチェーン強靭化",
            areas=[minerals],
            bodies=[meti],
            workshops=[tokyo],
            lead=Lead.JAPAN,
            priority=Priority.LOW,
            target_date=CALENDAR_CLOSED_PAST,
            status=Status.IMPLEMENTED,
            as_of=datetime.date(2025, 5, 1),
        ),
        "grid": make_recommendation(
            code="AJ-2025-003",
            title="Grid security exercises",
            areas=[energy],
            lead=Lead.AUSTRALIA,
            target_date=CALENDAR_FUTURE,
        ),
        "undated": make_recommendation(
            code="AJ-2025-004",
            title="Critical minerals research without a date",
            areas=[minerals],
            bodies=[dfat],
            status=Status.IN_PROGRESS,
        ),
        "tricky": make_recommendation(
            code="AJ-2025-005",
            title=CALENDAR_TRICKY_TITLE,
            areas=[minerals],
            bodies=[dfat],
            workshops=[canberra],
            priority=Priority.HIGH,
            target_date=datetime.date(2030, 3, 31),
            status=Status.NOT_STARTED,
        ),
        "draft": make_recommendation(
            code=DRAFT_CODE,
            title=DRAFT_TITLE,
            areas=[minerals, energy],
            bodies=[dfat, meti],
            workshops=[canberra],
            lead=Lead.JOINT,
            priority=Priority.HIGH,
            target_date=CALENDAR_PAST,
            status=Status.IN_PROGRESS,
            is_published=False,
        ),
    }
    # A slip: the target moved later while published (the audit trail records it).
    recs["tricky"].target_date = datetime.date(2031, 3, 31)
    recs["tricky"].save()
    record_status_update(
        recommendation=recs["joint"],
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2025, 7, 1),
        summary="Working group formed.",
        private_note=PRIVATE_NOTE_CANARY,
    )
    return recs


# -- A clock that reads what a test says -----------------------------------------------------


def local(day, hour=12, minute=0):
    """An aware moment on `day` in the site's time zone (Australia/Sydney)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@contextmanager
def clock(moment):
    """Make `timezone.now()` (so history dates and "today") read `moment`."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def d(text):
    return datetime.date.fromisoformat(text)


def move_target(recommendation, target, at):
    """Change the target date as an officer would, the audit row dated `at`."""
    with clock(at):
        recommendation.target_date = target
        recommendation.save()


REPORT_DRAFT_TITLE = "Secret draft on a sensitive subject"
REPORT_PRIVATE_NOTE = "Private note: cabinet not yet briefed"
REPORT_RECORDER = "recorder-canary"


def make_report_tracker():
    """What the progress report of the third quarter of 2026 is worked out against:
    twelve published recommendations, one not yet raised by the end of Q3, and a draft.

    At the start of Q3 (end of 30 Jun): 11 raised; 8 in progress, 2 proposed, 1 not
    started; none implemented; completion 200/11 = 18.2%; overdue 1 (ALREADY-LATE).
    At the end of Q3 (end of 30 Sep): 12 raised (NEW); implemented 2 (DONE, NO-AREA);
    in progress 7 and partially implemented 1 (BACKDATED): 8 under way; not started 2;
    completion (200 + 175 + 50)/12 = 35.4%; overdue 2 (ALREADY-LATE, LATE).

    Every row is written on a clock of its own; returns {code without "RPT-": recommendation}.
    """
    from django.contrib.auth import get_user_model

    minerals = make_area(name="Critical minerals", name_ja="重要鉱物", slug="minerals", order=1)
    energy = make_area(name="Energy security", name_ja="エネルギー安全保障", slug="energy", order=2)
    body = make_organisation(name="Department of Industry", slug="industry")
    recs = {}

    def rec(code, areas, updates, target=None, published=True, **fields):
        with clock(local(d("2026-01-15"))):
            recommendation = make_recommendation(
                code=f"RPT-{code}",
                title=fields.pop("title", f"Recommendation {code.lower()}"),
                areas=areas,
                bodies=[body],
                target_date=target,
                is_published=published,
                **fields,
            )
            for status, as_of in updates:
                record_status_update(recommendation=recommendation, status=status, as_of=d(as_of))
        recs[code] = recommendation
        return recommendation

    IP, NS, PR = Status.IN_PROGRESS, Status.NOT_STARTED, Status.PROPOSED
    # Newly implemented in minerals.
    rec(
        "DONE",
        [minerals],
        [(IP, "2026-03-01"), (Status.IMPLEMENTED, "2026-08-10")],
        d("2026-12-31"),
    )
    # Newly started on the first day of the period.
    rec("START", [minerals], [(PR, "2026-02-01"), (IP, "2026-07-01")], d("2027-06-30"))
    # Moved backwards on the last day.
    rec("BACK", [energy], [(IP, "2026-02-01"), (NS, "2026-09-30")], d("2027-01-01"))
    # Target moved later on 1 Jul at 8 am Sydney time (still 30 Jun in UTC): a slip.
    slip = rec("SLIP", [energy], [(IP, "2026-02-01")], d("2026-12-31"))
    move_target(slip, d("2027-06-30"), local(d("2026-07-01"), 8))
    # Target moved earlier in the period: not a slip.
    earlier = rec("EARLIER", [energy], [(IP, "2026-02-01")], d("2027-06-30"))
    move_target(earlier, d("2027-01-31"), local(d("2026-08-20")))
    # Target moved later while a draft, then published: not a slip.
    drafted = rec("DRAFTED", [energy], [(IP, "2026-02-01")], d("2026-12-31"), published=False)
    move_target(drafted, d("2027-12-31"), local(d("2026-08-05")))
    with clock(local(d("2026-08-06"))):
        drafted.is_published = True
        drafted.save()
    # Slips just before the period (30 Jun, 11:30 pm) and after it: neither counts.
    outside = rec("OUTSIDE", [minerals], [(IP, "2026-02-01")], d("2026-12-31"))
    move_target(outside, d("2027-03-31"), local(d("2026-06-30"), 23, 30))
    move_target(outside, d("2027-09-30"), local(d("2026-10-02")))
    # Target passes in the period while not started: newly overdue.
    rec("LATE", [minerals], [(NS, "2026-02-01")], d("2026-08-31"))
    # Overdue before the period already: not newly overdue.
    rec("ALREADY-LATE", [minerals], [(IP, "2026-02-01")], d("2026-03-31"))
    # Partially implemented by an update typed in November but dated 15 Aug: newly started.
    backdated = rec("BACKDATED", [energy], [(PR, "2026-02-01")], d("2027-12-31"))
    with clock(local(d("2026-11-01"))):
        record_status_update(
            recommendation=backdated,
            status=Status.PARTIALLY_IMPLEMENTED,
            as_of=d("2026-08-15"),
            summary="Back-dated public summary.",
            private_note=REPORT_PRIVATE_NOTE,
            recorded_by=get_user_model().objects.create_user(REPORT_RECORDER, "r@example.org"),
        )
    # Raised in the period, in both areas: newly started in each.
    rec("NEW", [minerals, energy], [(IP, "2026-07-20")], d("2027-12-31"))
    # Raised after the period: not in the report at all.
    rec("FUTURE", [minerals], [(PR, "2026-10-15")], d("2027-12-31"))
    # In no area: newly implemented, shown under "Not in any policy area".
    rec("NO-AREA", [], [(IP, "2026-02-01"), (Status.IMPLEMENTED, "2026-09-01")])
    # A draft implemented in the period: never shown.
    rec(
        "SECRET",
        [minerals],
        [(IP, "2026-02-01"), (Status.IMPLEMENTED, "2026-08-01")],
        d("2026-03-31"),
        published=False,
        title=REPORT_DRAFT_TITLE,
    )
    return recs


def make_trend_tracker():
    """What the kept monthly steps are checked against: two published recommendations whose
    status moved in early 2026 (one in an area with a body, one in the other area) and a
    draft. Returns {"areas", "bodies", "a", "b"}."""
    D = datetime.date
    areas = [make_area(name="Energy"), make_area(name="Minerals")]
    bodies = [make_organisation(name="Agency A"), make_organisation(name="Agency B")]
    a = make_recommendation(lead=Lead.AUSTRALIA, status=Status.PROPOSED, as_of=D(2026, 1, 10))
    RecommendationArea.objects.create(recommendation=a, area=areas[0])
    ResponsibleBody.objects.create(recommendation=a, organisation=bodies[0])
    record_status_update(recommendation=a, status=Status.IN_PROGRESS, as_of=D(2026, 2, 1))
    b = make_recommendation(lead=Lead.JAPAN, status=Status.NOT_STARTED, as_of=D(2026, 2, 28))
    RecommendationArea.objects.create(recommendation=b, area=areas[1])
    record_status_update(recommendation=b, status=Status.IN_PROGRESS, as_of=D(2026, 3, 5))
    make_recommendation(is_published=False, status=Status.IMPLEMENTED, as_of=D(2026, 1, 5))
    return {"areas": areas, "bodies": bodies, "a": a, "b": b}


MAILING_DRAFT_TITLE = "DRAFT-CANARY not cleared for release"


def make_mailing_tracker():
    """What the emails are sent about: a recommendation to follow (in an area, addressed to
    a body), another one, and a draft in the same area for the same body."""
    minerals = make_area(name="Critical minerals", slug="critical-minerals")
    agency = make_organisation(name="Department of Industry", slug="industry")
    followed = make_recommendation(
        code="AJ-2025-001",
        title="Joint stockpile of rare earths",
        areas=[minerals],
        bodies=[agency],
        status=Status.NOT_STARTED,
    )
    other = make_recommendation(code="AJ-2025-002", title="Unrelated", status=Status.NOT_STARTED)
    draft = make_recommendation(
        code="ZZ-2099-001",
        title=MAILING_DRAFT_TITLE,
        areas=[minerals],
        bodies=[agency],
        is_published=False,
        status=Status.IN_PROGRESS,
    )
    return {"area": minerals, "body": agency, "followed": followed, "other": other, "draft": draft}


def make_stockpile():
    """One published recommendation in progress, AJ-2026-001 "Stockpile", in one area."""
    area = make_area(slug="minerals", name="Critical minerals")
    return make_recommendation(
        code="AJ-2026-001", title="Stockpile", areas=[area], status=Status.IN_PROGRESS
    )


def make_fuzz_targets():
    """Three published recommendations in progress, in the area "energy", raised at
    "canberra" and addressed to "agency": the slugs fuzzed input names. Returns the area."""
    area = make_area(slug="energy")
    workshop = make_workshop(slug="canberra")
    body = make_organisation(slug="agency")
    for _ in range(3):
        make_recommendation(
            areas=[area], workshops=[workshop], bodies=[body], status=Status.IN_PROGRESS
        )
    return area


# -- Canaries (tests/canaries.py) ------------------------------------------------------------


def plant_canary_people(*, meeting, other_meeting, employer, attendee_org):
    """A canary participant at `meeting` working for `employer`, with a private note, and
    one at `other_meeting` from `attendee_org` (which only attended)."""
    make_participant(
        workshop=meeting,
        name=canaries.PERSON,
        email=canaries.EMAIL,
        notes=canaries.PERSON_NOTE,
        organisation=employer,
    )
    make_participant(
        workshop=other_meeting,
        name=canaries.ATTENDING_PERSON,
        email=canaries.ATTENDING_EMAIL,
        organisation=attendee_org,
    )


def make_canary_draft(*, areas, workshops, bodies):
    """The canary draft: its code, title, text, rationale and update summary are canaries."""
    return make_recommendation(
        code=canaries.DRAFT_CODE,
        title=canaries.DRAFT_TITLE,
        text=canaries.DRAFT_TEXT,
        rationale=canaries.DRAFT_TEXT,
        is_published=False,
        areas=areas,
        workshops=workshops,
        bodies=bodies,
        status=Status.IN_PROGRESS,
        summary=canaries.DRAFT_SUMMARY,
    )


def make_canary_world():
    """Published recommendations around every canary of tests/canaries.py: participants,
    notes on a meeting and an update, a draft, organisations that only attended or are
    addressed only by the draft, a subscriber and a body's reminder address."""
    from notifications.models import Subscription
    from notifications.services import confirm

    energy, minerals = make_area(name="Energy security"), make_area(name="Critical minerals")
    agency = make_organisation(
        name="Department of Public Works", reminder_email=canaries.REMINDER_EMAIL
    )
    attendee_org = make_organisation(name=canaries.ATTENDEE_ORG, slug="canary-attendee")
    draft_org = make_organisation(name=canaries.DRAFT_ONLY_ORG, slug="canary-draft-addressee")
    canberra = make_workshop(title="Canberra workshop", private_notes=canaries.MEETING_NOTE)
    tokyo = make_workshop(
        title="Tokyo roundtable", city="Tokyo", start_date=datetime.date(2025, 5, 1)
    )
    plant_canary_people(
        meeting=canberra, other_meeting=tokyo, employer=agency, attendee_org=attendee_org
    )
    addressed = make_recommendation(
        areas=[energy],
        workshops=[canberra],
        bodies=[agency],
        status=Status.IN_PROGRESS,
        summary="Work has started.",
        lead=Lead.AUSTRALIA,
        priority=Priority.HIGH,
        target_date=datetime.date(2024, 1, 1),
    )
    record_status_update(
        recommendation=addressed,
        status=Status.PARTIALLY_IMPLEMENTED,
        as_of=datetime.date(2025, 9, 1),
        summary="Half done.",
        private_note=canaries.UPDATE_NOTE,
    )
    raised_in_tokyo = make_recommendation(
        areas=[minerals], workshops=[tokyo], bodies=[agency], status=Status.NOT_STARTED
    )
    draft = make_canary_draft(
        areas=[energy, minerals], workshops=[canberra, tokyo], bodies=[draft_org, agency]
    )
    # Someone follows the energy list by email: their address is the secretariat's to see.
    confirm(
        subscription=Subscription.objects.create(
            email=canaries.SUBSCRIBER_EMAIL,
            followed="list",
            target=f"area={energy.slug}",
            language="en",
        )
    )
    return {
        "areas": [energy, minerals],
        "workshops": [canberra, tokyo],
        "agency": agency,
        "attendee_org": attendee_org,
        "draft_org": draft_org,
        "addressed": addressed,
        "raised_in_tokyo": raised_in_tokyo,
        "draft": draft,
    }


# -- The demo dialogue, loaded quickly -------------------------------------------------------

# Per process: what each table of the app held before the first real load, and the rows the
# load added, in the order to write them back (those a row refers to first).
_demo_load = {}


def _app_models():
    from django.apps import apps

    return list(apps.get_app_config("recommendations").get_models(include_auto_created=True))


def _table_state(models):
    return {model: (model._base_manager.count(), _max_pk(model)) for model in models}


def _max_pk(model):
    from django.db.models import Max

    return model._base_manager.aggregate(top=Max("pk"))["top"]


def load_demo():
    """The demo dialogue, exactly as `manage.py seed_demo` writes it.

    The first load in a process runs the command (tests/demo/ test the command itself);
    later loads into the same starting state write the same rows back with one INSERT per
    table, where the command takes a second of saves, row locks and audit writes. Any
    other starting state runs the command again.
    """
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    models = _app_models()
    state = _table_state(models)
    if _demo_load.get("before") == state:
        for model, objects in _demo_load["rows"]:
            fields = model._meta.local_concrete_fields
            model._base_manager._insert(objects, fields=fields, raw=True)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        return
    call_command("seed_demo", verbosity=0)
    if "before" in _demo_load:
        return  # a state of its own: not kept, the next load in the usual state stays quick
    rows = []
    for model in _in_reference_order(models):
        added = model._base_manager.order_by("pk")
        if state[model][1] is not None:
            added = added.filter(pk__gt=state[model][1])
        rows.append((model, list(added)))
    _demo_load.update(before=state, rows=[(model, objs) for model, objs in rows if objs])


def forget_kept_demo():
    """The next load_demo runs the command (and keeps its rows) again."""
    _demo_load.clear()


def _in_reference_order(models):
    """`models` with each after the models its foreign keys point to (the history tables,
    whose keys are not constraints, wherever they fall)."""
    ordered, placed = [], set()
    pending = list(models)
    while pending:
        for model in pending:
            targets = {
                field.related_model
                for field in model._meta.local_concrete_fields
                if field.is_relation and field.db_constraint and field.related_model in models
            } - {model}
            if targets <= placed:
                ordered.append(model)
                placed.add(model)
                pending.remove(model)
                break
        else:
            ordered.extend(pending)  # a cycle of references: left in app order
            break
    return ordered
