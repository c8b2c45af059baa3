"""Staff CSV in the admin: export actions, the import page (upload → preview → commit), round trip."""

import csv
import io

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from recommendations.admin.spreadsheet import sign_file
from recommendations.exports.columns import IMPORT_COLUMNS
from recommendations.importer import commit_import, plan_import
from recommendations.models import Recommendation, StatusUpdate
from tests.downloads import rows_of
from tests.factories import (
    IMPORT_HEADER,
    make_participant,
    make_recommendation,
    make_staff,
    signed_in,
)
from tests.factories import import_csv as csv_bytes
from tests.factories import import_row as row

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:recommendations_recommendation_import")
TEMPLATE_URL = reverse("admin:recommendations_recommendation_import_template")
CHANGELIST = reverse("admin:recommendations_recommendation_changelist")


def upload(client, data, name="outcomes.csv"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(IMPORT_URL, {"file": file})


@pytest.fixture
def viewer(db):
    """Staff who may look at recommendations but not add or change them."""
    user = make_staff("viewer")
    user.user_permissions.add(Permission.objects.get(codename="view_recommendation"))
    return signed_in(user)


def test_changelist_links_to_the_import_for_the_secretariat(officer_client):
    response = officer_client.get(CHANGELIST)
    assert IMPORT_URL.encode() in response.content
    assert b"Import from CSV" in response.content


def test_viewer_sees_no_link_and_is_refused(viewer):
    response = viewer.get(CHANGELIST)
    assert response.status_code == 200
    assert IMPORT_URL.encode() not in response.content
    assert viewer.get(IMPORT_URL).status_code == 403
    assert viewer.get(TEMPLATE_URL).status_code == 403
    assert upload(viewer, b"code,title,text,lead\n").status_code == 403


def test_anonymous_is_sent_to_login(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_upload_preview_commit(officer_client, csv_vocabulary, officer):
    response = officer_client.get(IMPORT_URL)
    assert response.status_code == 200
    assert TEMPLATE_URL.encode() in response.content

    data = csv_bytes(
        [row(), row(code="AJ-2026-002", status="", status_as_of="", status_summary="")]
    )
    response = upload(officer_client, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 to create, 0 to update, 1 status updates to append, 0 unchanged." in page
    assert "AJ-2026-002" in page and "Coordinate critical minerals reserves" in page
    assert not Recommendation.objects.exists()
    payload = response.context["commit_form"]["payload"].value()

    response = officer_client.post(IMPORT_URL, {"payload": payload})
    assert response.status_code == 302
    assert response["Location"].startswith(CHANGELIST + "?updated_at__gte=")
    assert set(Recommendation.objects.values_list("code", flat=True)) == {
        "AJ-2026-001",
        "AJ-2026-002",
    }
    assert StatusUpdate.objects.get().recorded_by == officer
    assert LogEntry.objects.filter(user=officer, action_flag=ADDITION).count() == 2
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == [
        "Import complete: 2 created, 0 updated, 1 status updates appended, 0 unchanged."
    ]

    # The same file again previews as unchanged and commits nothing.
    response = upload(officer_client, data)
    assert "0 to create, 0 to update, 0 status updates to append, 2 unchanged." in (
        response.content.decode()
    )
    officer_client.post(IMPORT_URL, {"payload": response.context["commit_form"]["payload"].value()})
    assert Recommendation.objects.count() == 2 and StatusUpdate.objects.count() == 1


def test_preview_with_errors_offers_no_commit(officer_client, csv_vocabulary):
    response = upload(officer_client, csv_bytes([row(), row(code="AJ-2026-002", lead="nowhere")]))
    assert response.status_code == 200
    assert response.context["commit_form"] is None
    page = response.content.decode()
    assert 'name="payload"' not in page
    assert "Unknown value “nowhere”" in page
    assert "<td>3</td><td>lead</td>" in page


def test_tampered_or_foreign_payload_is_refused(
    officer_client,
    csv_vocabulary,
    officer,
    django_user_model,
):
    data = csv_bytes([row()])
    someone_else = django_user_model.objects.create_user("other")
    plan = plan_import(data)
    tampered = sign_file(data, officer, plan)[:-3]
    for payload in (sign_file(data, someone_else, plan), "not-a-token", tampered):
        response = officer_client.post(IMPORT_URL, {"payload": payload}, follow=True)
        assert response.redirect_chain[0][0] == IMPORT_URL
        assert "upload it again" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_commit_re_validates(officer_client, csv_vocabulary, officer):
    data = csv_bytes([row()])
    response = upload(officer_client, data)
    payload = response.context["commit_form"]["payload"].value()
    csv_vocabulary["dfat"].recommendations.clear()
    csv_vocabulary["dfat"].delete()  # the file now names an organisation that is gone
    response = officer_client.post(IMPORT_URL, {"payload": payload})
    assert response.status_code == 200
    assert "Unknown organisation “dfat”" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_file_over_the_size_limit_is_refused(officer_client, csv_vocabulary, settings):
    settings.IMPORT_MAX_BYTES = 100
    response = upload(officer_client, csv_bytes([row()]))
    assert response.status_code == 200
    assert "files up to 100 bytes can be imported" in response.content.decode()
    assert "plan" not in response.context


def test_template_downloads_and_previews_cleanly(officer_client, csv_vocabulary):
    response = officer_client.get(TEMPLATE_URL)
    assert response["Content-Disposition"].startswith("attachment;")
    body = b"".join(response.streaming_content)
    rows = rows_of(body)
    assert rows[0] == list(IMPORT_COLUMNS) and len(rows) == 2
    # Uploaded unchanged, the example row is refused: it can never overwrite a record.
    plan = plan_import(body)
    assert not plan.can_commit and plan.rows == []
    ((row_number, column, message),) = [(p.row, p.column, p.message) for p in plan.problems]
    assert (row_number, column) == (2, "code") and "example row" in message
    # With a code of its own, everything else in it imports as it is.
    rows[1][0] = "AJ-2099-001"
    assert plan_import(csv_bytes(rows[1:], header=rows[0])).can_commit


def post_action(client, model, action, pks):
    url = reverse(f"admin:recommendations_{model}_changelist")
    response = client.post(url, {"action": action, "_selected_action": [str(pk) for pk in pks]})
    assert response.status_code == 200, response.content[:500]
    return rows_of(b"".join(response.streaming_content))


def test_staff_export_carries_drafts_and_private_fields(officer_client, csv_vocabulary, officer):
    def full_row(**extra):
        cells = dict(zip(IMPORT_HEADER, row(**extra), strict=True))
        return [cells.get(column, "") for column in IMPORT_COLUMNS]

    first_row = full_row()
    first_row[IMPORT_COLUMNS.index("status evidence")] = (
        "https://example.org/a; https://example.org/b"
    )
    first_row[IMPORT_COLUMNS.index("status private note")] = "Only for us"
    data = csv_bytes(
        [first_row, full_row(code="AJ-2026-002", published="no")], header=IMPORT_COLUMNS
    )
    commit_import(data, user=officer)
    pks = Recommendation.objects.values_list("pk", flat=True)
    rows = post_action(officer_client, "recommendation", "export_recommendations_csv", pks)
    assert rows[0] == list(IMPORT_COLUMNS)
    first, draft = (dict(zip(IMPORT_COLUMNS, r, strict=True)) for r in rows[1:])
    assert first["status private note"] == "Only for us"
    assert first["status evidence"] == "https://example.org/a; https://example.org/b"
    assert (draft["code"], draft["published"]) == ("AJ-2026-002", "no")


def test_participant_and_attendance_exports(officer_client, csv_vocabulary):
    workshop = csv_vocabulary["canberra"]
    person = make_participant(name="Dr Example", notes="Prefers email", workshop=workshop)
    rows = post_action(officer_client, "participant", "export_participants_csv", [person.pk])
    assert rows[0] == ["name", "organisation", "email", "notes", "meetings"]
    assert rows[1][0] == "Dr Example" and rows[1][4] == f"{workshop.slug} (Participant)"
    rows = post_action(officer_client, "workshop", "export_attendance_csv", [workshop.pk])
    assert rows[1][:4] == [workshop.slug, workshop.title, "2025-03-01", "Dr Example"]


def test_round_trip_of_the_demo_is_byte_identical(officer_client):
    """Staff export of the demo → import into the same csv_vocabulary without recommendations → export."""
    call_command("seed_demo", stdout=io.StringIO())

    def export():
        response = officer_client.post(
            CHANGELIST,
            {
                "action": "export_recommendations_csv",
                "_selected_action": [
                    str(pk) for pk in Recommendation.objects.values_list("pk", flat=True)
                ],
            },
        )
        return b"".join(response.streaming_content)

    first = export()
    assert Recommendation.objects.drafts().exists()
    count = Recommendation.objects.count()
    StatusUpdate.objects.all().delete()
    Recommendation.objects.all().delete()

    plan = plan_import(first)
    assert plan.problems == [] and len(plan.creates) == count
    commit_import(first, user=None)
    assert export() == first
    # ...and importing it once more changes nothing.
    assert len(plan_import(first).unchanged) == count
    assert list(csv.reader(io.StringIO(first.decode("utf-8-sig"))))[0] == list(IMPORT_COLUMNS)


def test_export_needs_permission_for_what_it_contains(client, django_user_model, csv_vocabulary):
    """Staff who may see recommendations but not the status log get no private notes."""
    user = django_user_model.objects.create_user("reader", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_recommendation", "view_workshop"])
    )
    client.force_login(user)
    recommendation = make_recommendation(code="AJ-2026-001")
    for model, action, pk in (
        ("recommendation", "export_recommendations_csv", recommendation.pk),
        ("workshop", "export_attendance_csv", csv_vocabulary["canberra"].pk),
    ):
        url = reverse(f"admin:recommendations_{model}_changelist")
        response = client.post(url, {"action": action, "_selected_action": [pk]}, follow=True)
        assert not response.streaming
        assert "You do not have permission to view everything" in response.content.decode()


def test_preview_too_large_to_carry_points_to_the_command(officer_client, csv_vocabulary, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1100
    response = upload(officer_client, csv_bytes([row()]))
    assert response.context["plan"].can_commit and response.context["commit_form"] is None
    assert "import_recommendations management command" in response.content.decode()


def test_the_import_template_in_japanese_imports_unchanged(officer_client, csv_vocabulary):
    response = officer_client.get(TEMPLATE_URL + "?language=ja")
    body = b"".join(response.streaming_content)
    header, example = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert header[:3] == ["提言番号", "件名（英語）", "件名（日本語）"]
    assert "日豪共同" in example and "未着手" in example
    # What the template says is what the import reads: with a code of its own, it previews
    # without a problem.
    example[0] = "AJ-2099-002"
    response = upload(officer_client, csv_bytes([example], header=header))
    assert response.status_code == 200
    assert response.context["plan"].problems == []


def test_the_import_page_offers_both_templates_and_lists_japanese_column_names(officer_client):
    page = officer_client.get(IMPORT_URL).content.decode()
    assert f'href="{TEMPLATE_URL}?language=en"' in page
    assert f'href="{TEMPLATE_URL}?language=ja"' in page
    assert '<code lang="ja">件名（日本語）</code>' in page


def test_a_commit_that_would_no_longer_do_what_the_preview_showed_writes_nothing(
    officer_client, csv_vocabulary, officer
):
    data = csv_bytes([row(code="RT-ADM-3", title="The file's title"), row(code="RT-ADM-4")])
    preview = upload(officer_client, data)
    payload = preview.context["commit_form"]["payload"].value()
    # Meanwhile another officer creates RT-ADM-3 by hand.
    make_recommendation(code="RT-ADM-3", title="Someone else's title")

    response = officer_client.post(IMPORT_URL, {"payload": payload})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was imported" in page and "row 2 (RT-ADM-3)" in page
    assert "RT-ADM-4)" not in page.split("Nothing was imported", 1)[1].split("</li>", 1)[0]
    assert Recommendation.objects.get(code="RT-ADM-3").title == "Someone else's title"
    assert not Recommendation.objects.filter(code="RT-ADM-4").exists()
    # The fresh preview shows the update the file would now make, and can be committed.
    assert response.context["plan"].updates[0].code == "RT-ADM-3"
    fresh = response.context["commit_form"]["payload"].value()
    assert officer_client.post(IMPORT_URL, {"payload": fresh}).status_code == 302
    assert Recommendation.objects.get(code="RT-ADM-3").title == "The file's title"


def test_a_change_elsewhere_does_not_stop_the_commit(officer_client, csv_vocabulary):
    data = csv_bytes([row(code="RT-ADM-5")])
    payload = upload(officer_client, data).context["commit_form"]["payload"].value()
    make_recommendation(code="RT-ADM-6")
    assert officer_client.post(IMPORT_URL, {"payload": payload}).status_code == 302
    assert Recommendation.objects.filter(code="RT-ADM-5").exists()
