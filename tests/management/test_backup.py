"""Backup and restore round-trip the whole database, the audit trail included."""

import datetime
import io

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError

from recommendations.audit import change_set
from recommendations.choices import Status
from recommendations.models import (
    Attendance,
    Participant,
    RecommendationArea,
    StatusUpdate,
)
from recommendations.services import record_status_update
from tests.factories import (
    make_area,
    make_organisation,
    make_participant,
    make_recommendation,
    make_workshop,
)

# Real transactions, as in production (a flush cannot run inside a test's transaction on
# PostgreSQL); serialized_rollback puts the migrations' groups back for the other tests.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


MODELS = [
    "recommendations.Recommendation",
    "recommendations.StatusUpdate",
    "recommendations.Workshop",
    "recommendations.Participant",
    "recommendations.Attendance",
    "recommendations.RecommendationArea",
    "recommendations.HistoricalRecommendation",
    "recommendations.HistoricalStatusUpdate",
    "recommendations.HistoricalParticipant",
    "recommendations.HistoricalRecommendationArea",
    "auth.User",
    "auth.Group",
    "admin.LogEntry",
]


def snapshot():
    from django.apps import apps

    counts = {label: apps.get_model(label)._base_manager.count() for label in MODELS}
    groups = {
        group.name: sorted(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.all()
    }
    return counts, groups


@pytest.fixture
def recorded(officer):
    with change_set(user=officer, label="Before the backup"):
        workshop = make_workshop(private_notes="Only for the secretariat")
        participant = make_participant(workshop=workshop, name="Kept Person")
        recommendation = make_recommendation(workshops=[workshop], bodies=[make_organisation()])
        RecommendationArea.objects.create(recommendation=recommendation, area=make_area())
        update = record_status_update(
            recommendation=recommendation,
            status=Status.IN_PROGRESS,
            as_of=datetime.date(2025, 8, 1),
            summary="Started; 日本語の要約も残る。",
            private_note="Private",
            recorded_by=officer,
        )
        recommendation.title = "Renamed after review"
        recommendation.save()
        gone = make_participant(name="Deleted Person")
        gone.delete()
    LogEntry.objects.log_actions(officer.pk, [recommendation], ADDITION)
    return {"recommendation": recommendation, "update": update, "participant": participant}


def test_backup_then_restore_into_an_emptied_database_gives_back_everything(tmp_path, recorded):
    before = snapshot()
    path = tmp_path / "backup.json.gz"
    call_command("backup_data", str(path), stdout=io.StringIO())
    assert path.stat().st_size > 0

    call_command("flush", interactive=False, verbosity=0)
    assert StatusUpdate.objects.count() == 0
    call_command("restore_data", str(path), stdout=io.StringIO())

    assert snapshot() == before
    recommendation = recorded["recommendation"]
    history = recommendation.history.order_by("history_date", "history_id")
    assert [row.history_type for row in history][:1] == ["+"]
    assert history.last().title == "Renamed after review"
    assert history.last().history_user.username == "officer"
    assert history.last().history_change_reason.startswith("Before the backup")
    update = StatusUpdate.objects.get(pk=recorded["update"].pk)
    assert update.summary == "Started; 日本語の要約も残る。"
    assert update.recorded_by.username == "officer"
    # A deleted participant is gone, but its history came back with everything else.
    assert not Participant.objects.filter(name="Deleted Person").exists()
    assert Participant.history.filter(name="Deleted Person", history_type="-").exists()
    assert Attendance.objects.get().participant == recorded["participant"]
    assert RecommendationArea.history.filter(recommendation_id=recommendation.pk).exists()


def test_the_restored_database_takes_new_records(tmp_path, recorded):
    path = tmp_path / "backup.json"
    call_command("backup_data", str(path), stdout=io.StringIO())
    call_command("restore_data", str(path), flush=True, stdout=io.StringIO())
    # Sequences follow the restored ids (PostgreSQL), so new rows do not collide.
    created = make_recommendation(areas=[make_area()])
    assert created.pk > recorded["recommendation"].pk
    assert created.history.get().history_type == "+"


def test_restore_refuses_to_merge_into_a_database_with_data(tmp_path, recorded):
    path = tmp_path / "backup.json"
    call_command("backup_data", str(path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore_data", str(path))


def test_a_restore_gives_back_every_field_to_the_microsecond(tmp_path, recorded):
    """Compared field by field, every row of every model the backup holds."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    def natural(obj):
        return obj.natural_key() if obj is not None else None

    def everything():
        rows = {}
        for label in MODELS:
            model = apps.get_model(label)
            for obj in model._base_manager.order_by("pk"):
                values = {
                    # Users and content types travel by natural key and may come back
                    # under new ids: compare them by that key.
                    f.name: natural(getattr(obj, f.name))
                    if f.related_model in (ContentType, get_user_model())
                    else getattr(obj, f.attname)
                    for f in model._meta.concrete_fields
                }
                if model is get_user_model():
                    del values["id"]
                    rows[(label, obj.natural_key())] = values
                else:
                    rows[(label, obj.pk)] = values
        return rows

    # Make sure some timestamps have microseconds beyond the millisecond.
    StatusUpdate.objects.update(
        recorded_at=datetime.datetime(2026, 3, 4, 5, 6, 7, 123456, tzinfo=datetime.UTC)
    )
    before = everything()
    assert any(
        isinstance(value, datetime.datetime) and value.microsecond % 1000
        for row in before.values()
        for value in row.values()
    )
    path = tmp_path / "backup.json.gz"
    call_command("backup_data", str(path), stdout=io.StringIO())
    call_command("restore_data", str(path), flush=True, stdout=io.StringIO())

    assert everything() == before
