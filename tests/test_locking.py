"""No lost updates: two officers edit one recommendation in the admin at the same time."""

import datetime

import pytest
from django.db.models import F
from django.urls import reverse

from recommendations import locking
from recommendations.admin.recommendation import RecommendationAdmin
from recommendations.choices import Status
from recommendations.models import Recommendation
from recommendations.services import record_status_update
from tests.factories import (
    make_area,
    make_organisation,
    make_recommendation,
    make_staff,
    make_workshop,
    signed_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendation():
    return make_recommendation(
        title="Original title",
        text="Original text.",
        areas=[make_area()],
        workshops=[make_workshop()],
        bodies=[make_organisation()],
        status=Status.NOT_STARTED,
        as_of=datetime.date(2025, 5, 1),
    )


# Two officers of the Secretariat, each signed in on a client of their own.
@pytest.fixture
def alice(db):
    return signed_in(make_staff("alice", "Secretariat", first_name="Alice"))


@pytest.fixture
def bob(db):
    return signed_in(make_staff("bob", "Secretariat"))


def change_url(recommendation):
    return reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])


def open_form(client, recommendation):
    """GET the change form and return what the browser would send back unchanged."""
    response = client.get(change_url(recommendation))
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value())
        for index, entry in enumerate(inline.formset.initial_forms):
            data[f"{inline.formset.prefix}-{index}-id"] = str(entry.instance.pk)
            data[f"{inline.formset.prefix}-{index}-recommendation"] = str(recommendation.pk)
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = str(len(inline.formset.initial_forms))
    return data


def test_the_form_carries_the_version_it_was_opened_on(alice, recommendation):
    response = alice.get(change_url(recommendation))
    assert response.context["adminform"].form["opened_version"].value() == 1
    assert 'type="hidden" name="opened_version" value="1"' in response.content.decode()


def test_the_second_of_two_interleaved_saves_is_refused_and_keeps_its_input(
    alice, bob, recommendation
):
    as_alice = open_form(alice, recommendation)
    as_bob = open_form(bob, recommendation)

    saved = alice.post(change_url(recommendation), {**as_alice, "title": "Alice's title"})
    assert saved.status_code == 302

    refused = bob.post(
        change_url(recommendation),
        {**as_bob, "title": "Bob's title", "text": "Bob's rewritten text."},
    )
    assert refused.status_code == 200
    form = refused.context["adminform"].form
    message = " ".join(form.non_field_errors())
    assert "changed by Alice" in message
    assert "after you opened it" in message
    assert "have not been saved" in message
    assert form.non_field_errors().as_data()[0].code == "changed_since_opened"
    # Bob's input is still on the form for him to reconcile...
    assert form["title"].value() == "Bob's title"
    assert form["text"].value() == "Bob's rewritten text."
    assert "Bob&#x27;s title" in refused.content.decode()
    # ...and the database holds Alice's save, once.
    recommendation.refresh_from_db()
    assert (recommendation.title, recommendation.text) == ("Alice's title", "Original text.")
    assert recommendation.version == 2
    assert (
        recommendation.history.filter(history_type="~", history_user__username="alice").count() == 1
    )
    assert not recommendation.history.filter(history_user__username="bob").exists()

    # Having been told, Bob may save over Alice's version deliberately: the form now
    # carries the version he has seen.
    assert form["opened_version"].value() == "2"
    again = bob.post(
        change_url(recommendation),
        {**as_bob, "title": "Bob's title", "opened_version": "2"},
    )
    assert again.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.title == "Bob's title"
    assert recommendation.version == 3


def test_the_message_names_someone_else_when_no_user_is_recorded(alice, recommendation):
    as_alice = open_form(alice, recommendation)
    # A change made outside any request (e.g. a script) moves the version too.
    locking.bump_version(recommendation)
    recommendation.save()
    refused = alice.post(change_url(recommendation), {**as_alice, "title": "Too late"})
    assert refused.status_code == 200
    assert "changed by someone else" in " ".join(
        refused.context["adminform"].form.non_field_errors()
    )


def test_a_form_without_its_version_is_refused(alice, recommendation):
    data = open_form(alice, recommendation)
    del data["opened_version"]
    response = alice.post(change_url(recommendation), {**data, "title": "No version"})
    assert response.status_code == 200
    recommendation.refresh_from_db()
    assert recommendation.title == "Original title"


def test_status_updates_never_conflict_with_an_open_form(alice, bob, recommendation):
    as_alice = open_form(alice, recommendation)
    # Bob records an update meanwhile, through the status-update admin.
    added = bob.post(
        reverse("admin:recommendations_statusupdate_add"),
        {
            "recommendation": recommendation.pk,
            "status": Status.IN_PROGRESS,
            "as_of": "2025-09-01",
            "summary": "Work has begun.",
        },
    )
    assert added.status_code == 302
    saved = alice.post(change_url(recommendation), {**as_alice, "title": "Alice's title"})
    assert saved.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.title == "Alice's title"
    # Alice's save kept Bob's update and the status it moved to.
    assert recommendation.status == Status.IN_PROGRESS
    assert recommendation.status_as_of == datetime.date(2025, 9, 1)
    assert recommendation.status_updates.count() == 2


def test_recording_a_status_update_leaves_the_version_alone(recommendation):
    record_status_update(
        recommendation=recommendation, status=Status.IN_PROGRESS, as_of=datetime.date(2025, 8, 1)
    )
    recommendation.refresh_from_db()
    assert recommendation.status == Status.IN_PROGRESS
    assert recommendation.version == 1


def test_publishing_moves_the_version(alice, bob, recommendation):
    Recommendation.objects.filter(pk=recommendation.pk).update(is_published=False)
    as_alice = open_form(alice, recommendation)
    published = bob.post(
        reverse("admin:recommendations_recommendation_changelist"),
        {"action": "publish", "_selected_action": [recommendation.pk]},
    )
    assert published.status_code == 302
    refused = alice.post(change_url(recommendation), {**as_alice, "title": "Stale save"})
    assert refused.status_code == 200
    recommendation.refresh_from_db()
    assert recommendation.is_published is True  # not silently unpublished by Alice's form
    assert "changed by bob" in " ".join(refused.context["adminform"].form.non_field_errors())


def test_a_save_racing_past_validation_is_caught_by_the_conditional_update(
    alice, recommendation, monkeypatch
):
    """Another save landing between validation and write: the UPDATE … WHERE version = N
    matches nothing, the attempt rolls back whole, and the view answers as it should."""
    raced = []
    save_form = RecommendationAdmin.save_form

    def racing_save_form(self, request, form, change):
        if not raced:
            raced.append(True)
            Recommendation.objects.filter(pk=recommendation.pk).update(version=F("version") + 1)
        return save_form(self, request, form, change)

    monkeypatch.setattr(RecommendationAdmin, "save_form", racing_save_form)
    data = open_form(alice, recommendation)
    response = alice.post(change_url(recommendation), {**data, "title": "After the race"})
    assert raced == [True]
    # The racing write shared the attempt's transaction, so it rolled back with it; the
    # rerun then saved cleanly. Nothing half-written, no server error.
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert (recommendation.title, recommendation.version) == ("After the race", 2)
