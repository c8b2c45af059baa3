"""Integrity the database itself enforces, on SQLite and PostgreSQL alike.

Every write here goes around Django's validation (create() / update()), so what
rejects it is the database. Each attempt runs in its own atomic block: on
PostgreSQL a failed statement aborts the transaction around it.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from recommendations.choices import Status
from recommendations.models import (
    Attendance,
    Organisation,
    PolicyArea,
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
    Workshop,
)
from tests.factories import (
    make_area,
    make_one_of_each,
    make_organisation,
    make_participant,
    make_recommendation,
    make_workshop,
)

pytestmark = pytest.mark.django_db


def assert_rejected(write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


# Every CHECK constraint on a choice field: (model, field).
CHOICE_CHECKS = [
    (Organisation, "country"),
    (Organisation, "sector"),
    (Workshop, "kind"),
    (Workshop, "country"),
    (Attendance, "role"),
    (Recommendation, "lead"),
    (Recommendation, "priority"),
    (Recommendation, "status"),
    (StatusUpdate, "status"),
]


@pytest.mark.parametrize(
    ("model", "field"), CHOICE_CHECKS, ids=[f"{m.__name__}.{f}" for m, f in CHOICE_CHECKS]
)
def test_a_value_outside_the_choices_is_rejected_by_the_database(model, field):
    row = make_one_of_each()[model]
    assert_rejected(lambda: model.objects.filter(pk=row.pk).update(**{field: "bogus"}))
    # ...while every listed value is accepted.
    for value in model._meta.get_field(field).choices:
        with transaction.atomic():
            model.objects.filter(pk=row.pk).update(**{field: value[0]})


def test_every_choice_field_has_a_database_check():
    """No choice field of the domain escapes CHOICE_CHECKS above."""
    from django.apps import apps

    with_choices = {
        (model, field.name)
        for model in apps.get_app_config("recommendations").get_models()
        if not model.__name__.startswith("Historical")
        for field in model._meta.concrete_fields
        if field.choices
    }
    assert with_choices == set(CHOICE_CHECKS)


def test_a_workshop_cannot_end_before_it_starts():
    start = datetime.date(2025, 3, 10)
    assert_rejected(
        lambda: make_workshop(start_date=start, end_date=start - datetime.timedelta(days=1))
    )
    workshop = make_workshop(start_date=start, end_date=start)  # one day is fine
    assert_rejected(
        lambda: Workshop.objects.filter(pk=workshop.pk).update(end_date=datetime.date(2025, 1, 1))
    )


def test_the_end_date_check_is_also_a_validation_message():
    workshop = Workshop(
        kind="workshop",
        title="Tokyo",
        slug="tokyo",
        city="Tokyo",
        country="jp",
        start_date=datetime.date(2025, 5, 2),
        end_date=datetime.date(2025, 5, 1),
    )
    with pytest.raises(ValidationError) as caught:
        workshop.full_clean()
    assert caught.value.messages == ["The end date cannot be before the start date."]


@pytest.mark.parametrize(
    ("make", "field", "value"),
    [
        (make_recommendation, "code", "AJ-2025-777"),
        (make_workshop, "slug", "canberra-2025"),
        (make_area, "slug", "energy-security"),
        (make_area, "name", "Energy security"),
        (make_organisation, "slug", "dfat"),
        (make_organisation, "name", "Department of Foreign Affairs and Trade"),
    ],
)
def test_unique_fields_are_unique_in_the_database(make, field, value):
    make(**{field: value})
    assert_rejected(lambda: make(**{field: value}))


def test_a_participant_attends_a_meeting_once():
    workshop = make_workshop()
    participant = make_participant(workshop=workshop)
    assert_rejected(
        lambda: Attendance.objects.create(
            workshop=workshop, participant=participant, role="speaker"
        )
    )
    Attendance.objects.create(workshop=make_workshop(), participant=participant)


@pytest.mark.parametrize(
    ("link", "far"),
    [(RecommendationArea, "area"), (RaisedAt, "workshop"), (ResponsibleBody, "organisation")],
)
def test_a_recommendation_links_to_each_area_meeting_and_body_once(link, far):
    rec = make_recommendation(areas=[make_area()], workshops=[make_workshop()])
    rec.responsible_bodies.set([make_organisation()])
    existing = link.objects.get(recommendation=rec)
    assert_rejected(
        lambda: link.objects.create(recommendation=rec, **{far: getattr(existing, far)})
    )


# --- PROTECT: deletes that would destroy recorded outcomes ----------------------------


@pytest.mark.parametrize(
    "victim", [Workshop, PolicyArea, Organisation, Recommendation], ids=lambda m: m.__name__
)
def test_recorded_outcomes_protect_what_they_refer_to(victim):
    area = make_area()
    organisation = make_organisation()
    workshop = make_workshop()
    rec = make_recommendation(
        areas=[area], workshops=[workshop], bodies=[organisation], status=Status.IN_PROGRESS
    )
    target = {Workshop: workshop, PolicyArea: area, Organisation: organisation, Recommendation: rec}
    with pytest.raises(ProtectedError), transaction.atomic():
        target[victim].delete()
    assert victim.objects.filter(pk=target[victim].pk).exists()


def test_a_host_or_a_participant_protects_an_organisation():
    host = make_organisation()
    make_workshop(host=host)
    with pytest.raises(ProtectedError), transaction.atomic():
        host.delete()
    employer = make_organisation()
    make_participant(organisation=employer)
    with pytest.raises(ProtectedError), transaction.atomic():
        employer.delete()


def test_deleting_a_workshop_without_recommendations_removes_its_attendance_only():
    workshop = make_workshop()
    participant = make_participant(workshop=workshop)
    workshop.delete()
    assert not Attendance.objects.exists()
    participant.refresh_from_db()


def test_deleting_a_recommendation_without_updates_removes_its_links_only():
    area, workshop, body = make_area(), make_workshop(), make_organisation()
    rec = make_recommendation(areas=[area], workshops=[workshop], bodies=[body])
    rec.delete()
    assert not RecommendationArea.objects.exists()
    assert not RaisedAt.objects.exists()
    assert not ResponsibleBody.objects.exists()
    for kept in (area, workshop, body):
        kept.refresh_from_db()


# --- Model behaviour -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "status", "overdue"),
    [
        (datetime.date(2025, 6, 30), Status.IN_PROGRESS, True),
        (datetime.date(2025, 6, 30), Status.PROPOSED, True),
        (datetime.date(2025, 6, 30), Status.IMPLEMENTED, False),
        (datetime.date(2025, 6, 30), Status.NOT_ACCEPTED, False),
        (datetime.date(2025, 7, 1), Status.IN_PROGRESS, False),  # due today: not yet late
        (None, Status.IN_PROGRESS, False),
    ],
)
def test_is_overdue(target, status, overdue):
    rec = Recommendation(target_date=target, status=status)
    assert rec.is_overdue(today=datetime.date(2025, 7, 1)) is overdue


def test_code_format_is_validated():
    rec = make_recommendation()
    for bad in ("aj-2025-001", "AJ 2025", "-AJ-1", "A"):
        rec.code = bad
        with pytest.raises(ValidationError) as caught:
            rec.full_clean()
        assert "code" in caught.value.error_dict


def test_evidence_links_are_one_web_address_per_line():
    update = StatusUpdate(evidence_urls="https://example.org/a\n\n  http://example.org/b  \n")
    assert update.evidence_links == ["https://example.org/a", "http://example.org/b"]
    rec = make_recommendation()
    bad = StatusUpdate(
        recommendation=rec,
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2025, 7, 1),
        evidence_urls="https://example.org/a\njavascript:alert(1)",
    )
    with pytest.raises(ValidationError) as caught:
        bad.full_clean()
    assert caught.value.error_dict["evidence_urls"][0].code == "invalid_evidence_url"
    assert caught.value.messages == ["Line 2 is not a web address (http or https)."]


def test_string_forms_and_public_urls():
    area = make_area(name="Critical minerals", slug="critical-minerals")
    workshop = make_workshop(
        title="Canberra workshop", slug="canberra", start_date=datetime.date(2025, 3, 10)
    )
    rec = make_recommendation(
        code="AJ-2025-014", title="Joint reserve", status=Status.IN_PROGRESS, as_of=None
    )
    assert str(rec) == "AJ-2025-014 Joint reserve"
    assert str(workshop) == "Canberra workshop (2025-03-10)"
    assert str(rec.status_updates.get()) == "AJ-2025-014: In progress as of 2025-07-01"
    assert rec.get_absolute_url() == "/recommendations/AJ-2025-014/"
    assert area.get_absolute_url() == "/areas/critical-minerals/"
    assert workshop.get_absolute_url() == "/workshops/canberra/"
    assert make_organisation(name="Department of Industry", short_name="DISR").label == "DISR"
    assert make_organisation(name="Rio Tinto").label == "Rio Tinto"
