"""The secretariat's admin: who may use it, and that it records what the product promises."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations.admin.history import AUDITED_MODELS
from recommendations.choices import Role, Status
from recommendations.models import (
    Attendance,
    Organisation,
    Participant,
    PolicyArea,
    Recommendation,
    StatusUpdate,
    Workshop,
)
from recommendations.services import record_status_update
from tests.admin.form_data import recommendation_form_data
from tests.factories import (
    make_area,
    make_one_of_each,
    make_organisation,
    make_participant,
    make_recommendation,
    make_workshop,
)

pytestmark = pytest.mark.django_db

ADMIN_MODELS = (Workshop, Organisation, Participant, PolicyArea, Recommendation, StatusUpdate)

# Inline formsets on the recommendation and workshop forms, by their prefixes.
NO_ATTENDANCE = {"attendance-TOTAL_FORMS": "0", "attendance-INITIAL_FORMS": "0"}


def admin_url(model, view, *args):
    return reverse(f"admin:recommendations_{model._meta.model_name}_{view}", args=args)


def new_status_update(index, **fields):
    """POST fields for the blank status-update form at `index` of the inline."""
    return {f"status_updates-{index}-{name}": value for name, value in fields.items()}


# --- The Secretariat group -------------------------------------------------------------


def test_secretariat_group_holds_exactly_the_permissions_of_its_work():
    permissions = Group.objects.get(name="Secretariat").permissions
    # The audit trail (historical models) is read-only for the secretariat.
    audit = permissions.filter(codename__contains="_historical")
    assert audit.exists()
    assert not audit.exclude(codename__startswith="view_").exists()
    granted = set(
        permissions.exclude(codename__contains="_historical").values_list(
            "content_type__app_label", "codename"
        )
    )
    full = [
        "workshop",
        "organisation",
        "participant",
        "attendance",
        "policyarea",
        "recommendation",
        "recommendationarea",
        "raisedat",
        "responsiblebody",
    ]
    expected = {
        ("recommendations", f"{action}_{model}")
        for model in full
        for action in ("view", "add", "change", "delete")
    } | {("recommendations", "view_statusupdate"), ("recommendations", "add_statusupdate")}
    # Email subscribers and the outbox: read and delete (personal data), never edit.
    expected |= {
        ("notifications", f"{action}_{model}")
        for model in ("subscription", "message")
        for action in ("view", "delete")
    }
    assert granted == expected


# --- Every page renders for the Secretariat, none for other staff ----------------------


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m._meta.model_name)
def test_secretariat_can_open_changelist_add_and_change_pages(officer_client, model):
    obj = make_one_of_each()[model]
    for url in (
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
    ):
        assert officer_client.get(url).status_code == 200, url


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m._meta.model_name)
def test_staff_outside_the_secretariat_are_forbidden_everywhere(outsider_client, model):
    obj = make_one_of_each()[model]
    for url in (
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
        admin_url(model, "delete", obj.pk),
    ):
        assert outsider_client.get(url).status_code == 403, url


def test_staff_outside_the_secretariat_see_no_model_on_the_admin_index(outsider_client):
    response = outsider_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert response.context["app_list"] == []


def test_secretariat_sees_every_model_on_the_admin_index(officer_client):
    response = officer_client.get(reverse("admin:index"))
    listed = {
        entry["object_name"]
        for app in response.context["app_list"]
        if app["app_label"].startswith("recommendations")  # the records, and the audit trail
        for entry in app["models"]
    }
    # ... and the read-only audit trail of each edited model.
    assert listed == {model.__name__ for model in ADMIN_MODELS} | {
        model.history.model.__name__ for model in AUDITED_MODELS
    }


def test_autocomplete_answers_for_the_recommendation_relations(officer_client):
    make_area(name="Critical minerals", slug="critical-minerals")
    make_area(name="Energy security", slug="energy-security")
    response = officer_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "recommendations",
            "model_name": "recommendation",
            "field_name": "policy_areas",
            "term": "miner",
        },
    )
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Critical minerals"]


# --- Recommendation changelist ---------------------------------------------------------


def test_recommendation_changelist_query_count_is_pinned(officer_client, django_assert_num_queries):
    areas = [make_area(), make_area()]
    workshop = make_workshop()
    for _ in range(3):
        make_recommendation(areas=areas, workshops=[workshop], status=Status.IN_PROGRESS)
    # 1 session, 2 user, 3 user permissions, 4 group permissions, the choices of the
    # related filters (only those in use): 5 responsible bodies, 6 policy areas,
    # 7 workshops; 8 count of the filtered rows, 9 count of all rows, 10 the page of
    # recommendations, 11 their bodies (prefetch).
    with django_assert_num_queries(11):
        officer_client.get(admin_url(Recommendation, "changelist"))


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m._meta.model_name)
def test_changelist_queries_do_not_grow_with_rows(officer_client, model):
    make_one_of_each()
    few = changelist_queries_for(officer_client, model)
    for _ in range(5):
        make_one_of_each()
    assert changelist_queries_for(officer_client, model) == few


def changelist_queries_for(client, model):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(admin_url(model, "changelist")).status_code == 200
    return len(queries)


def test_recommendation_changelist_shows_current_status_areas_and_overdue(officer_client):
    area = make_area(name="Supply chains")
    make_recommendation(
        code="AJ-2024-001",
        areas=[area],
        target_date=datetime.date(2024, 1, 31),
        status=Status.IN_PROGRESS,
    )
    response = officer_client.get(admin_url(Recommendation, "changelist"))
    content = response.content.decode()
    assert "AJ-2024-001" in content
    assert "Supply chains" in content
    assert "In progress" in content
    assert '<strong class="overdue">Overdue</strong>' in content


def test_recommendation_changelist_marks_overdue_in_words_not_icons(officer_client):
    past, future = datetime.date(2024, 1, 31), datetime.date(2099, 1, 31)
    make_recommendation(target_date=past, status=Status.IN_PROGRESS)
    make_recommendation(target_date=future, status=Status.IN_PROGRESS)
    make_recommendation(target_date=past, status=Status.IMPLEMENTED)
    content = officer_client.get(admin_url(Recommendation, "changelist")).content.decode()
    # A boolean icon put a green tick on the overdue row and a red cross on the others:
    # the word, under the target date, on the overdue row alone.
    assert '<td class="field-target_and_overdue"><img' not in content
    assert content.count('<strong class="overdue">Overdue</strong>') == 1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"overdue": "yes"}, {"AJ-2024-001"}),
        ({"overdue": "no"}, {"AJ-2030-001", "AJ-2024-002"}),
        ({"status__exact": "implemented"}, {"AJ-2024-002"}),
        ({"lead__exact": "jp"}, {"AJ-2030-001"}),
        ({"is_published__exact": "0"}, {"AJ-2030-001"}),
        ({"q": "hydrogen"}, {"AJ-2030-001"}),
        ({"q": "2024"}, {"AJ-2024-001", "AJ-2024-002"}),
    ],
)
def test_recommendation_changelist_filters_and_search(officer_client, params, expected):
    past = datetime.date(2024, 1, 31)
    make_recommendation(code="AJ-2024-001", target_date=past, status=Status.IN_PROGRESS)
    make_recommendation(code="AJ-2024-002", target_date=past, status=Status.IMPLEMENTED)
    make_recommendation(
        code="AJ-2030-001",
        title="Hydrogen shipping corridor",
        lead="jp",
        is_published=False,
        target_date=datetime.date(2030, 1, 1),
    )
    response = officer_client.get(admin_url(Recommendation, "changelist"), params)
    assert {rec.code for rec in response.context["cl"].result_list} == expected


def test_area_and_workshop_filters(officer_client):
    minerals, energy = make_area(slug="critical-minerals"), make_area(slug="energy")
    canberra, tokyo = make_workshop(), make_workshop()
    make_recommendation(code="AJ-2025-101", areas=[minerals, energy], workshops=[canberra])
    make_recommendation(code="AJ-2025-102", areas=[energy], workshops=[tokyo])
    url = admin_url(Recommendation, "changelist")
    by_area = officer_client.get(url, {"policy_areas__id__exact": energy.pk})
    assert [rec.code for rec in by_area.context["cl"].result_list] == [
        "AJ-2025-101",
        "AJ-2025-102",
    ]
    by_workshop = officer_client.get(url, {"workshops__id__exact": tokyo.pk})
    assert [rec.code for rec in by_workshop.context["cl"].result_list] == ["AJ-2025-102"]


# --- Publish / unpublish ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "before", "after", "message"),
    [
        ("publish", False, True, "2 recommendations were published."),
        ("unpublish", True, False, "2 recommendations were withdrawn from the public site."),
    ],
)
def test_bulk_publish_and_unpublish(officer_client, action, before, after, message):
    chosen = [make_recommendation(is_published=before) for _ in range(2)]
    untouched = make_recommendation(is_published=before)
    response = officer_client.post(
        admin_url(Recommendation, "changelist"),
        {"action": action, "_selected_action": [rec.pk for rec in chosen]},
        follow=True,
    )
    assert message in [str(m) for m in response.context["messages"]]
    for rec in chosen:
        rec.refresh_from_db()
        assert rec.is_published is after
    untouched.refresh_from_db()
    assert untouched.is_published is before
    assert LogEntry.objects.filter(object_id__in=[str(rec.pk) for rec in chosen]).count() == 2


# --- Recommendation form ---------------------------------------------------------------


def test_add_recommendation_with_its_areas_meetings_and_bodies(officer_client):
    area, workshop, body = make_area(), make_workshop(), make_organisation()
    response = officer_client.post(
        admin_url(Recommendation, "add"),
        recommendation_form_data(areas=[area.pk], raised_at=[workshop.pk], addressed_to=[body.pk]),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    rec = Recommendation.objects.get(code="AJ-2025-900")
    assert list(rec.policy_areas.all()) == [area]
    assert list(rec.workshops.all()) == [workshop]
    assert list(rec.responsible_bodies.all()) == [body]
    assert rec.status == Status.PROPOSED


def test_change_recommendation_replaces_its_relations(officer_client):
    old_area, new_area = make_area(), make_area()
    workshop, body = make_workshop(), make_organisation()
    rec = make_recommendation(areas=[old_area], workshops=[workshop], bodies=[body])
    data = recommendation_form_data(rec, areas=[new_area.pk], addressed_to=[])
    response = officer_client.post(admin_url(Recommendation, "change", rec.pk), data)
    assert response.status_code == 302
    assert list(rec.policy_areas.all()) == [new_area]
    assert list(rec.workshops.all()) == [workshop]
    assert list(rec.responsible_bodies.all()) == []


def test_change_form_shows_the_current_relations(officer_client):
    area = make_area(name="Economic coercion")
    rec = make_recommendation(areas=[area])
    response = officer_client.get(admin_url(Recommendation, "change", rec.pk))
    form = response.context["adminform"].form
    assert list(form.initial["areas"]) == [area.pk]
    assert f'<option value="{area.pk}" selected>Economic coercion</option>' in (
        response.content.decode()
    )


def test_a_recommendation_needs_a_policy_area(officer_client):
    response = officer_client.post(admin_url(Recommendation, "add"), recommendation_form_data())
    assert response.status_code == 200
    assert "areas" in response.context["adminform"].form.errors
    assert not Recommendation.objects.exists()


def test_duplicate_code_is_a_form_error(officer_client):
    make_recommendation(code="AJ-2025-900")
    response = officer_client.post(
        admin_url(Recommendation, "add"), recommendation_form_data(areas=[make_area().pk])
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["code"] == [
        "Another recommendation already has the code AJ-2025-900. "
        "The next free code is AJ-2025-901."
    ]
    assert Recommendation.objects.count() == 1


# --- The status-update log on a recommendation ----------------------------------------


def test_adding_an_update_through_the_inline_moves_the_current_status(officer_client, officer):
    rec = make_recommendation(
        areas=[make_area()], status=Status.NOT_STARTED, as_of=datetime.date(2025, 5, 1)
    )
    data = recommendation_form_data(rec)
    data["status_updates-TOTAL_FORMS"] = "2"
    data.update(
        new_status_update(
            1,
            status=Status.IN_PROGRESS,
            as_of="2025-08-01",
            summary="Officials began scoping work.",
            evidence_urls="https://example.org/statement",
            private_note="Heard informally first.",
        )
    )
    response = officer_client.post(admin_url(Recommendation, "change", rec.pk), data)
    assert response.status_code == 302
    rec.refresh_from_db()
    assert (rec.status, rec.status_as_of) == (Status.IN_PROGRESS, datetime.date(2025, 8, 1))
    latest = rec.status_updates.newest_first().first()
    assert latest.recorded_by == officer
    assert latest.summary == "Officials began scoping work."
    assert rec.status_updates.count() == 2


def test_a_back_dated_update_through_the_inline_keeps_the_newer_status(officer_client):
    rec = make_recommendation(
        areas=[make_area()], status=Status.IN_PROGRESS, as_of=datetime.date(2025, 8, 1)
    )
    data = recommendation_form_data(rec, **{"status_updates-TOTAL_FORMS": "2"})
    data.update(new_status_update(1, status=Status.NOT_STARTED, as_of="2025-03-01"))
    officer_client.post(admin_url(Recommendation, "change", rec.pk), data)
    rec.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS
    assert rec.status_updates.count() == 2


def test_first_update_can_be_recorded_with_a_new_recommendation(officer_client, officer):
    data = recommendation_form_data(areas=[make_area().pk], **{"status_updates-TOTAL_FORMS": "1"})
    data.update(new_status_update(0, status=Status.NOT_STARTED, as_of="2025-06-01"))
    assert officer_client.post(admin_url(Recommendation, "add"), data).status_code == 302
    rec = Recommendation.objects.get(code="AJ-2025-900")
    assert rec.status == Status.NOT_STARTED
    assert rec.status_updates.get().recorded_by == officer


def test_earlier_updates_cannot_be_edited_or_deleted_through_the_inline(officer_client):
    rec = make_recommendation(
        areas=[make_area()], status=Status.IN_PROGRESS, as_of=datetime.date(2025, 8, 1)
    )
    data = recommendation_form_data(rec)
    data.update(
        {
            "status_updates-0-status": Status.IMPLEMENTED,
            "status_updates-0-as_of": "2025-09-01",
            "status_updates-0-summary": "Rewritten history",
            "status_updates-0-DELETE": "on",
        }
    )
    officer_client.post(admin_url(Recommendation, "change", rec.pk), data)
    update = rec.status_updates.get()
    assert (update.status, update.as_of, update.summary) == (
        Status.IN_PROGRESS,
        datetime.date(2025, 8, 1),
        "",
    )
    rec.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS


def test_earlier_updates_are_shown_read_only_newest_first(officer_client):
    rec = make_recommendation(areas=[make_area()])
    for day, summary in [(1, "First step"), (20, "Third step"), (10, "Second step")]:
        record_status_update(
            recommendation=rec,
            status=Status.IN_PROGRESS,
            as_of=datetime.date(2025, 6, day),
            summary=summary,
        )
    response = officer_client.get(admin_url(Recommendation, "change", rec.pk))
    content = response.content.decode()
    positions = [content.index(text) for text in ("Third step", "Second step", "First step")]
    assert positions == sorted(positions)
    assert 'name="status_updates-0-summary"' not in content  # read-only
    assert 'name="status_updates-0-DELETE"' not in content
    assert 'name="status_updates-3-summary"' in content  # the blank form for a new entry


def test_invalid_update_in_the_inline_saves_nothing(officer_client):
    rec = make_recommendation(areas=[make_area()], title="Before")
    data = recommendation_form_data(rec, title="After", **{"status_updates-TOTAL_FORMS": "1"})
    data.update(new_status_update(0, status="finished", as_of="2025-06-01"))
    response = officer_client.post(admin_url(Recommendation, "change", rec.pk), data)
    assert response.status_code == 200
    rec.refresh_from_db()
    assert rec.title == "Before"
    assert not rec.status_updates.exists()


# --- The status-update admin: list and add, never change ------------------------------


def test_status_update_admin_adds_through_the_service(officer_client, officer):
    rec = make_recommendation(status=Status.NOT_STARTED, as_of=datetime.date(2025, 5, 1))
    response = officer_client.post(
        admin_url(StatusUpdate, "add"),
        {
            "recommendation": rec.pk,
            "status": Status.PARTIALLY_IMPLEMENTED,
            "as_of": "2025-07-15",
            "summary": "Half of the measures are in place.",
            "evidence_urls": "",
            "private_note": "",
        },
    )
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.status == Status.PARTIALLY_IMPLEMENTED
    update = rec.status_updates.newest_first().first()
    assert update.recorded_by == officer
    assert LogEntry.objects.get(object_id=str(update.pk)).user == officer


def test_status_update_change_view_is_read_only(officer_client, superuser_client):
    rec = make_recommendation(status=Status.IN_PROGRESS, summary="As recorded")
    update = rec.status_updates.get()
    for client in (officer_client, superuser_client):  # superusers cannot rewrite the log either
        response = client.get(admin_url(StatusUpdate, "change", update.pk))
        assert response.status_code == 200
        assert 'name="summary"' not in response.content.decode()
        response = client.post(
            admin_url(StatusUpdate, "change", update.pk),
            {"recommendation": rec.pk, "status": "implemented", "as_of": "2025-01-01"},
        )
        assert response.status_code == 403
        assert client.get(admin_url(StatusUpdate, "delete", update.pk)).status_code == 403
    update.refresh_from_db()
    assert (update.status, update.summary) == (Status.IN_PROGRESS, "As recorded")


# --- Workshop form ---------------------------------------------------------------------


def workshop_form_data(**changes):
    return {
        "kind": "workshop",
        "title": "Canberra workshop",
        "slug": "canberra-workshop",
        "city": "Canberra",
        "country": "au",
        "start_date": "2025-03-10",
        "end_date": "2025-03-11",
        "summary": "",
        "private_notes": "",
        **NO_ATTENDANCE,
        **changes,
    }


def test_workshop_ending_before_it_starts_is_a_form_error(officer_client):
    response = officer_client.post(
        admin_url(Workshop, "add"), workshop_form_data(end_date="2025-03-09")
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.non_field_errors() == ["The end date cannot be before the start date."]
    assert "The end date cannot be before the start date." in response.content.decode()
    assert not Workshop.objects.exists()


def test_workshop_with_attendance_inline(officer_client):
    participant = make_participant()
    data = workshop_form_data(
        **{
            "attendance-TOTAL_FORMS": "1",
            "attendance-0-participant": participant.pk,
            "attendance-0-role": Role.CHAIR,
        }
    )
    assert officer_client.post(admin_url(Workshop, "add"), data).status_code == 302
    attendance = Attendance.objects.get()
    assert (attendance.participant, attendance.role) == (participant, Role.CHAIR)


def test_the_same_participant_twice_at_one_meeting_is_a_form_error(officer_client):
    participant = make_participant()
    data = workshop_form_data(**{"attendance-TOTAL_FORMS": "2"})
    for index in (0, 1):
        data[f"attendance-{index}-participant"] = participant.pk
        data[f"attendance-{index}-role"] = Role.PARTICIPANT
    response = officer_client.post(admin_url(Workshop, "add"), data)
    assert response.status_code == 200
    [attendance] = response.context["inline_admin_formsets"]
    assert attendance.formset.non_form_errors()
    assert not Workshop.objects.exists()
    assert not Attendance.objects.exists()


# --- Deletes that would destroy the record are refused --------------------------------


def protected_cases():
    """(object to delete, text the refusal must name) for every PROTECT the admin meets."""
    objects = make_one_of_each()
    code = objects[Recommendation].code
    return [
        (objects[Workshop], code),
        (objects[PolicyArea], code),
        (objects[Organisation], code),
        (objects[Recommendation], "Status update"),
    ]


def assert_nothing_deleted(counts_before):
    assert {model: model.objects.count() for model in ADMIN_MODELS} == counts_before


def test_single_delete_of_recorded_outcomes_is_refused(officer_client):
    for obj, named in protected_cases():
        counts = {model: model.objects.count() for model in ADMIN_MODELS}
        url = admin_url(type(obj), "delete", obj.pk)
        page = officer_client.get(url)
        assert page.status_code == 200
        content = page.content.decode()
        assert "would require deleting the following protected related objects" in content
        assert named in content
        assert officer_client.post(url, {"post": "yes"}).status_code == 200
        assert_nothing_deleted(counts)


def test_bulk_delete_of_recorded_outcomes_is_refused(officer_client):
    for obj, named in protected_cases():
        counts = {model: model.objects.count() for model in ADMIN_MODELS}
        response = officer_client.post(
            admin_url(type(obj), "changelist"),
            {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"},
        )
        assert response.status_code == 200
        content = response.content.decode()
        assert "would require deleting the following protected related objects" in content
        assert named in content
        assert_nothing_deleted(counts)


def test_a_workshop_without_recommendations_can_be_deleted(officer_client):
    workshop = make_workshop()
    make_participant(workshop=workshop)
    response = officer_client.post(admin_url(Workshop, "delete", workshop.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Workshop.objects.exists()
    assert not Attendance.objects.exists()
    assert Participant.objects.count() == 1


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m._meta.model_name)
def test_change_page_queries_do_not_grow_with_related_rows(officer_client, model):
    rows = make_one_of_each()
    obj = rows[model]
    url = admin_url(model, "change", obj.pk)
    officer_client.get(url)  # warm Django's caches (content types)
    with CaptureQueriesContext(connection) as few:
        officer_client.get(url)
    rec = rows[Recommendation]
    for day in range(2, 7):
        record_status_update(
            recommendation=rec, status=Status.IN_PROGRESS, as_of=datetime.date(2025, 8, day)
        )
        make_participant(workshop=rows[Workshop])
        Attendance.objects.create(workshop=make_workshop(), participant=rows[Participant])
    rec.policy_areas.add(make_area())
    with CaptureQueriesContext(connection) as many:
        officer_client.get(url)
    assert len(many) == len(few), "\n".join(q["sql"][:200] for q in many.captured_queries)


def test_staff_outside_the_secretariat_get_no_autocomplete(outsider_client):
    make_area(name="Critical minerals")
    response = outsider_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "recommendations",
            "model_name": "recommendation",
            "field_name": "policy_areas",
        },
    )
    assert response.status_code == 403


def test_the_refusal_names_each_blocking_recommendation_once_in_order(officer_client):
    canberra, tokyo = make_workshop(), make_workshop()
    make_recommendation(code="AJ-2025-020", workshops=[canberra, tokyo])
    make_recommendation(code="AJ-2025-003", workshops=[tokyo])
    response = officer_client.post(
        admin_url(Workshop, "changelist"),
        {"action": "delete_selected", "_selected_action": [canberra.pk, tokyo.pk]},
    )
    protected = response.context["protected"]
    assert [text.count("AJ-2025-") for text in protected] == [1, 1]
    assert "AJ-2025-003" in protected[0] and "AJ-2025-020" in protected[1]
    assert Workshop.objects.count() == 2
