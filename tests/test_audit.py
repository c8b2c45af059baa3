"""Audit history: every create, change and delete of an edited model is recorded with its
author, and the record outlives the object."""

import datetime

import pytest

from recommendations.audit import change_set
from recommendations.choices import Role, Status
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
from tests.factories import (
    make_area,
    make_organisation,
    make_participant,
    make_recommendation,
    make_workshop,
)

pytestmark = pytest.mark.django_db


def build_status_update():
    return record_status_update(
        recommendation=make_recommendation(),
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2025, 6, 1),
    )


# model -> (build one, field to change, new value)
AUDITED = {
    PolicyArea: (make_area, "description", "Changed description"),
    Organisation: (make_organisation, "short_name", "CHG"),
    Workshop: (make_workshop, "private_notes", "Changed private notes"),
    Participant: (make_participant, "notes", "Changed notes"),
    Attendance: (
        lambda: Attendance.objects.create(workshop=make_workshop(), participant=make_participant()),
        "role",
        Role.CHAIR,
    ),
    Recommendation: (make_recommendation, "title", "Changed title"),
    RecommendationArea: (
        lambda: RecommendationArea.objects.create(
            recommendation=make_recommendation(), area=make_area()
        ),
        "area",
        None,  # replaced by a fresh area in the test
    ),
    RaisedAt: (
        lambda: RaisedAt.objects.create(
            recommendation=make_recommendation(), workshop=make_workshop()
        ),
        "workshop",
        None,
    ),
    ResponsibleBody: (
        lambda: ResponsibleBody.objects.create(
            recommendation=make_recommendation(), organisation=make_organisation()
        ),
        "organisation",
        None,
    ),
    StatusUpdate: (build_status_update, "summary", "Changed summary"),
}

FRESH_RELATED = {"area": make_area, "workshop": make_workshop, "organisation": make_organisation}


@pytest.mark.parametrize("model", AUDITED, ids=lambda model: model.__name__)
def test_create_change_and_delete_are_recorded_with_the_user(model, officer):
    build, field, value = AUDITED[model]
    with change_set(user=officer, label="test"):
        obj = build()
        pk = obj.pk
        old_value = getattr(obj, field)
        setattr(obj, field, value if value is not None else FRESH_RELATED[field]())
        obj.save()
        obj.delete()

    assert not model.objects.filter(pk=pk).exists()
    history = model.history.filter(id=pk).order_by("history_date", "history_id")
    assert [row.history_type for row in history] == ["+", "~", "-"]
    assert {row.history_user for row in history} == {officer}
    created, changed, deleted = history
    assert getattr(created, field) == old_value
    # The change is readable as a field diff, and the last state survives the delete.
    delta = changed.diff_against(created)
    assert delta.changed_fields == [field]
    assert getattr(deleted.instance, field) == getattr(changed.instance, field)


def test_a_change_of_policy_areas_is_recorded_on_the_recommendation_areas(officer):
    energy, minerals = make_area(name="Energy"), make_area(name="Minerals")
    recommendation = make_recommendation()
    with change_set(user=officer, label="Re-filed under minerals"):
        link = RecommendationArea.objects.create(recommendation=recommendation, area=energy)
        link.delete()
        RecommendationArea.objects.create(recommendation=recommendation, area=minerals)

    trail = RecommendationArea.history.filter(recommendation_id=recommendation.pk).order_by(
        "history_date", "history_id"
    )
    assert [(row.history_type, row.area_id) for row in trail] == [
        ("+", energy.pk),
        ("-", energy.pk),
        ("+", minerals.pk),
    ]
    assert {row.history_user for row in trail} == {officer}


def test_history_outlives_a_deleted_participant_and_their_attendance(officer):
    workshop = make_workshop()
    with change_set(user=officer, label="Removed at their request"):
        participant = make_participant(workshop=workshop, name="Departed Person")
        pk = participant.pk
        participant.delete()  # cascades to the attendance

    assert Participant.history.filter(id=pk, history_type="-").get().name == "Departed Person"
    assert Attendance.history.filter(participant_id=pk, history_type="-").count() == 1


def test_a_change_set_labels_every_row_it_writes_and_only_those(officer):
    before = make_area()
    with change_set(user=officer, label="Import of outcomes.csv") as reason:
        area = make_area()
        recommendation = make_recommendation(areas=[area])
    after = make_area()

    assert reason.startswith("Import of outcomes.csv [change set ")
    assert PolicyArea.history.filter(history_change_reason=reason).get().id == area.pk
    assert Recommendation.history.filter(history_change_reason=reason).get().id == recommendation.pk
    assert PolicyArea.history.get(id=before.pk).history_change_reason is None
    assert PolicyArea.history.get(id=after.pk).history_user is None


def test_change_sets_nest_and_restore_the_outer_one(officer, django_user_model):
    other = django_user_model.objects.create_user("other", password="a-long-test-password")
    with change_set(user=officer, label="outer") as outer:
        with change_set(user=other, label="inner") as inner:
            inner_area = make_area()
        outer_area = make_area()
    assert PolicyArea.history.get(id=inner_area.pk).history_change_reason == inner
    assert PolicyArea.history.get(id=inner_area.pk).history_user == other
    assert PolicyArea.history.get(id=outer_area.pk).history_change_reason == outer
    assert PolicyArea.history.get(id=outer_area.pk).history_user == officer


def test_a_request_names_its_user_on_the_history(rf, officer):
    """HistoryRequestMiddleware puts the request's user on rows written while it runs."""
    from simple_history.middleware import HistoryRequestMiddleware

    def view(request):
        return make_workshop()

    request = rf.post("/admin/")
    request.user = officer
    workshop = HistoryRequestMiddleware(view)(request)
    assert Workshop.history.get(id=workshop.pk).history_user == officer
