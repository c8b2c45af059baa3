"""The audit trail as staff see it in the admin: who, when, what changed; deleted records
included; an import as one attributable change set."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recommendations import importer
from recommendations.models import (
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
    Workshop,
)
from tests.factories import import_csv, import_row, make_area, make_recommendation, make_workshop

pytestmark = pytest.mark.django_db


def history_url(model, pk):
    return reverse(f"admin:recommendations_{model._meta.model_name}_history", args=[pk])


def trail_url(model):
    return reverse(f"admin:recommendations_historical{model._meta.model_name}_changelist")


def test_the_history_page_shows_who_changed_which_field_from_what_to_what(officer_client):
    workshop = make_workshop(title="Canberra workshop", city="Canberra")
    data = {
        "kind": workshop.kind,
        "title": "Canberra workshop on minerals",
        "slug": workshop.slug,
        "city": "Canberra",
        "country": workshop.country,
        "start_date": "2025-03-01",
        "end_date": "2025-03-01",
        "attendance-TOTAL_FORMS": "0",
        "attendance-INITIAL_FORMS": "0",
    }
    saved = officer_client.post(
        reverse("admin:recommendations_workshop_change", args=[workshop.pk]), data
    )
    assert saved.status_code == 302

    page = officer_client.get(history_url(Workshop, workshop.pk))
    assert page.status_code == 200
    html = page.content.decode()
    assert "officer" in html  # who
    assert "Changed" in html and "Created" in html  # what kind of change
    rows = page.context["page_obj"].object_list
    changed = next(row for row in rows if row.history_type == "~")
    assert changed.history_user.username == "officer"
    # What changed, from what to what: exactly the title.
    assert changed.history_delta_changes == [
        {"field": "Title", "old": "Canberra workshop", "new": "Canberra workshop on minerals"}
    ]
    assert "Canberra workshop → Canberra workshop on minerals" in " ".join(html.split())


def test_a_deleted_record_keeps_its_history_and_staff_can_find_it(officer_client):
    workshop = make_workshop(title="Cancelled roundtable", private_notes="Postponed")
    pk = workshop.pk
    deleted = officer_client.post(
        reverse("admin:recommendations_workshop_delete", args=[pk]), {"post": "yes"}
    )
    assert deleted.status_code == 302
    assert not Workshop.objects.filter(pk=pk).exists()

    trail = officer_client.get(trail_url(Workshop) + "?history_type__exact=-")
    assert trail.status_code == 200
    assert "Cancelled roundtable" in trail.content.decode()
    assert history_url(Workshop, pk) in trail.content.decode()

    page = officer_client.get(history_url(Workshop, pk))
    assert page.status_code == 200
    rows = list(page.context["page_obj"].object_list)
    assert rows[0].history_type == "-"
    assert rows[0].history_user.username == "officer"
    assert rows[0].private_notes == "Postponed"


def test_link_rows_are_in_the_trail_lists(officer_client):
    recommendation = make_recommendation()
    area = make_area(name="Supply chains")
    RecommendationArea.objects.create(recommendation=recommendation, area=area)
    page = officer_client.get(trail_url(RecommendationArea))
    assert page.status_code == 200
    assert "Supply chains" in page.content.decode()


@pytest.mark.parametrize("rows", [1, 12])
def test_the_trail_lists_take_a_fixed_number_of_queries(
    officer_client, django_assert_num_queries, rows
):
    for _ in range(rows):
        recommendation = make_recommendation()
        RecommendationArea.objects.create(recommendation=recommendation, area=make_area())
    # 1 session, 2 user, 3 user permissions, 4 group permissions, 5 count of the filtered
    # rows, 6 count of all rows, 7 the page of rows with their user, recommendation and
    # area, 8 first and last date and 9 the days between, for the date hierarchy.
    with django_assert_num_queries(9):
        assert officer_client.get(trail_url(RecommendationArea)).status_code == 200


def test_an_import_is_one_change_set_attributed_to_its_officer(
    officer_client, officer, csv_vocabulary
):
    data = import_csv(
        [
            import_row(code="AJ-2026-001"),
            import_row(code="AJ-2026-002", responsible_bodies="dfat; meti"),
        ]
    )
    summary = importer.commit_import(data, user=officer)
    assert len(summary.created) == 2

    reasons = set()
    for model in (Recommendation, StatusUpdate, RecommendationArea, RaisedAt, ResponsibleBody):
        rows = model.history.all()
        assert rows.exists(), model
        assert {row.history_user for row in rows} == {officer}, model
        reasons |= {row.history_change_reason for row in rows}
    assert len(reasons) == 1
    (reason,) = reasons
    assert reason.startswith(importer.IMPORT_LABEL)
    # The change set is searchable in the trail lists by its reason.
    found = officer_client.get(trail_url(Recommendation), {"q": reason.split()[-1].rstrip("]")})
    assert {row.code for row in found.context["cl"].result_list} == {"AJ-2026-001", "AJ-2026-002"}


def test_an_import_through_the_admin_names_the_officer(officer_client, csv_vocabulary):
    upload = SimpleUploadedFile("outcomes.csv", import_csv([import_row(code="AJ-2026-003")]))
    preview = officer_client.post(
        reverse("admin:recommendations_recommendation_import"), {"file": upload}
    )
    payload = preview.context["commit_form"]["payload"].value()
    committed = officer_client.post(
        reverse("admin:recommendations_recommendation_import"), {"payload": payload}
    )
    assert committed.status_code == 302
    created = Recommendation.history.get(code="AJ-2026-003", history_type="+")
    assert created.history_user.username == "officer"
    assert created.history_change_reason.startswith(importer.IMPORT_LABEL)
