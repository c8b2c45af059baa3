"""Recording a status update: the log only grows, and the current status follows its latest entry."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from recommendations.choices import Status
from recommendations.models import Recommendation, StatusUpdate
from recommendations.services import record_status_update, set_published, sync_current_status
from tests.factories import make_recommendation

pytestmark = pytest.mark.django_db

MAY, JUNE, JULY = (datetime.date(2025, month, 1) for month in (5, 6, 7))


def record(rec, status, as_of, **fields):
    return record_status_update(recommendation=rec, status=status, as_of=as_of, **fields)


def current(rec):
    """The status and its date as stored, not as held by the Python object."""
    return Recommendation.objects.values_list("status", "status_as_of").get(pk=rec.pk)


def test_a_new_recommendation_is_proposed_with_no_date():
    rec = make_recommendation()
    assert current(rec) == (Status.PROPOSED, None)
    assert not rec.status_updates.exists()


def test_the_latest_update_sets_the_current_status(django_user_model):
    officer = django_user_model.objects.create_user("officer2")
    rec = make_recommendation()
    update = record(
        rec,
        Status.IN_PROGRESS,
        JUNE,
        summary="Work began.",
        evidence_urls="https://example.org/media-release",
        private_note="Confirmed by phone.",
        recorded_by=officer,
    )
    assert current(rec) == (Status.IN_PROGRESS, JUNE)
    assert (rec.status, rec.status_as_of) == (Status.IN_PROGRESS, JUNE)  # caller's copy too
    update.refresh_from_db()
    assert (update.summary, update.private_note, update.recorded_by) == (
        "Work began.",
        "Confirmed by phone.",
        officer,
    )
    assert update.evidence_links == ["https://example.org/media-release"]
    assert update.recorded_at is not None


def test_a_later_update_wins():
    rec = make_recommendation()
    record(rec, Status.NOT_STARTED, MAY)
    record(rec, Status.IMPLEMENTED, JULY)
    assert current(rec) == (Status.IMPLEMENTED, JULY)


def test_a_back_dated_update_joins_the_history_but_keeps_the_newer_status():
    rec = make_recommendation()
    record(rec, Status.IN_PROGRESS, JULY)
    record(rec, Status.NOT_STARTED, MAY)
    assert current(rec) == (Status.IN_PROGRESS, JULY)
    assert list(rec.status_updates.values_list("status", flat=True)) == [
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
    ]


def test_two_updates_recorded_one_after_another_are_both_kept():
    rec = make_recommendation()
    first = record(rec, Status.NOT_STARTED, JUNE, summary="First")
    second = record(rec, Status.IN_PROGRESS, JUNE, summary="Second")
    assert set(rec.status_updates.all()) == {first, second}
    # Same as-of date: the one recorded last is the latest.
    assert current(rec) == (Status.IN_PROGRESS, JUNE)


def test_updates_through_a_stale_copy_of_the_recommendation_still_see_each_other():
    rec = make_recommendation()
    stale = Recommendation.objects.get(pk=rec.pk)
    record(rec, Status.IN_PROGRESS, JULY)
    record(stale, Status.NOT_STARTED, MAY)
    assert current(rec) == (Status.IN_PROGRESS, JULY)
    assert rec.status_updates.count() == 2


def test_a_correction_is_a_new_update_and_the_old_one_stays():
    rec = make_recommendation()
    wrong = record(rec, Status.IMPLEMENTED, JUNE, summary="Entered by mistake")
    record(rec, Status.IN_PROGRESS, JUNE, summary="Correction: still in progress")
    wrong.refresh_from_db()
    assert (wrong.status, wrong.summary) == (Status.IMPLEMENTED, "Entered by mistake")
    assert current(rec) == (Status.IN_PROGRESS, JUNE)


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"status": "finished"}, "status"),
        ({"evidence_urls": "not a web address"}, "evidence_urls"),
        ({"evidence_urls": "https://example.org/ok\nftp://example.org/file"}, "evidence_urls"),
    ],
)
def test_an_invalid_update_is_refused_and_nothing_is_written(fields, error_field):
    rec = make_recommendation()
    record(rec, Status.NOT_STARTED, MAY)
    with pytest.raises(ValidationError) as caught:
        record(rec, **{"status": Status.IN_PROGRESS, "as_of": JULY, **fields})
    assert error_field in caught.value.error_dict
    assert rec.status_updates.count() == 1
    assert current(rec) == (Status.NOT_STARTED, MAY)


def test_sync_current_status_repairs_a_drifted_row_and_ignores_an_empty_log():
    rec = make_recommendation()
    sync_current_status(rec)
    assert current(rec) == (Status.PROPOSED, None)
    record(rec, Status.PARTIALLY_IMPLEMENTED, JUNE)
    Recommendation.objects.filter(pk=rec.pk).update(status=Status.PROPOSED, status_as_of=None)
    rec.refresh_from_db()
    sync_current_status(rec)
    assert current(rec) == (Status.PARTIALLY_IMPLEMENTED, JUNE)


def test_the_log_lists_newest_first():
    rec = make_recommendation()
    for as_of in (JUNE, MAY, JULY):
        record(rec, Status.IN_PROGRESS, as_of)
    assert [u.as_of for u in rec.status_updates.all()] == [JULY, JUNE, MAY]
    assert StatusUpdate.objects.latest().as_of == JULY


# -- publishing in bulk ----------------------------------------------------------------------


def published_codes():
    return set(Recommendation.objects.filter(is_published=True).values_list("code", flat=True))


def test_set_published_changes_only_those_not_already_so_and_logs_each(officer):
    from django.contrib.admin.models import LogEntry

    drafts = [make_recommendation(code=f"AJ-2026-00{n}", is_published=False) for n in (1, 2)]
    already = make_recommendation(code="AJ-2026-003", is_published=True)
    versions = {r.pk: r.version for r in Recommendation.objects.all()}

    changed = set_published(
        recommendations=Recommendation.objects.all(), published=True, changed_by=officer
    )

    assert {r.code for r in changed} == {d.code for d in drafts}
    assert published_codes() == {"AJ-2026-001", "AJ-2026-002", "AJ-2026-003"}
    after = {r.pk: r.version for r in Recommendation.objects.all()}
    # Each change moves its version (a form opened before it cannot undo it); the one
    # already published is left as it was.
    assert after[already.pk] == versions[already.pk]
    assert all(after[d.pk] == versions[d.pk] + 1 for d in drafts)
    logged = LogEntry.objects.filter(user=officer).values_list("object_id", flat=True)
    assert sorted(logged) == sorted(str(d.pk) for d in drafts)
    # The audit trail has a row per change, attributable like any edit.
    assert all(d.history.filter(is_published=True).exists() for d in drafts)


def test_set_published_withdraws_and_takes_a_filtered_queryset(officer):
    make_recommendation(code="AJ-2026-001", is_published=True)
    make_recommendation(code="AJ-2026-002", is_published=True)

    changed = set_published(
        recommendations=Recommendation.objects.filter(code="AJ-2026-002").distinct(),
        published=False,
        changed_by=officer,
    )

    assert [r.code for r in changed] == ["AJ-2026-002"]
    assert published_codes() == {"AJ-2026-001"}


def test_set_published_is_all_or_nothing(officer, monkeypatch):
    for n in (1, 2, 3):
        make_recommendation(code=f"AJ-2026-00{n}", is_published=False)
    saves = []
    original_save = Recommendation.save

    def save_failing_on_the_third(self, *args, **kwargs):
        saves.append(self.code)
        if len(saves) == 3:
            raise RuntimeError("the database went away")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Recommendation, "save", save_failing_on_the_third)
    with pytest.raises(RuntimeError):
        set_published(
            recommendations=Recommendation.objects.all(), published=True, changed_by=officer
        )

    assert len(saves) == 3
    assert published_codes() == set()
    assert set(Recommendation.objects.values_list("version", flat=True)) == {1}
