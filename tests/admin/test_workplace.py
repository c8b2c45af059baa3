"""The secretariat's workplace (issue: an admin that fits an officer's week).

Each test is one thing an officer does or reads in the admin, checked against what the
public site says for the same question where there is one.
"""

import pytest
from django.urls import reverse

from recommendations.models import Organisation, Recommendation

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:recommendations_recommendation_changelist"


def admin_codes(client, params):
    response = client.get(reverse(CHANGELIST), params)
    assert response.status_code == 200
    return {r.code for r in response.context["cl"].result_list}


def public_codes(client, params):
    response = client.get(reverse("recommendations:recommendation_list"), params)
    listing = response.context["listing"]
    return {r.code for r in listing.filterset.qs}


@pytest.mark.parametrize("slug", ["meti", "disr", "dfat"])
def test_overdue_for_a_body_is_the_same_answer_as_the_public_list(officer_client, demo, slug):
    body = Organisation.objects.get(slug=slug)
    published = {
        "overdue": "yes",
        "is_published__exact": "1",
        "responsible_bodies__id__exact": body.pk,
    }
    public = public_codes(officer_client, {"overdue": "1", "body": slug})
    assert public, f"the demo has overdue recommendations for {slug}"
    assert admin_codes(officer_client, published) == public
    # Drafts addressed to the body are the secretariat's too: without the published filter
    # the admin shows them as well.
    everything = admin_codes(
        officer_client, {"overdue": "yes", "responsible_bodies__id__exact": body.pk}
    )
    drafts = set(
        Recommendation.objects.drafts()
        .filter(responsible_bodies=body)
        .overdue()
        .values_list("code", flat=True)
    )
    assert everything == public | drafts


@pytest.mark.parametrize(
    "words", ["METI", "meti", "Ministry of Economy", "Trade and Industry", "経済産業省", "経産省"]
)
def test_search_finds_a_bodys_recommendations_by_any_of_its_names(officer_client, demo, words):
    meti = Organisation.objects.get(slug="meti")
    addressed = set(meti.recommendations.values_list("code", flat=True))
    found = admin_codes(officer_client, {"q": words})
    assert addressed <= found


def test_the_list_shows_bodies_and_short_titles_with_the_whole_title_on_hover(officer_client, demo):
    page = officer_client.get(reverse(CHANGELIST)).content.decode()
    recommendation = Recommendation.objects.get(code="AJ-2025-001")
    assert f'<span title="{recommendation.title}">' in page
    assert 'class="column-body_names' in page
    assert "DISR, METI" in page or "METI, DISR" in page


# -- status updates: feedback ---------------------------------------------------------------

import datetime  # noqa: E402

from django.contrib.messages import get_messages  # noqa: E402
from django.utils import timezone  # noqa: E402

from recommendations.choices import Status  # noqa: E402
from tests.factories import make_recommendation  # noqa: E402

ADD_UPDATE = "admin:recommendations_statusupdate_add"


def add_update(client, recommendation, as_of, status=Status.IN_PROGRESS):
    return client.post(
        reverse(ADD_UPDATE),
        {
            "recommendation": recommendation.pk,
            "status": status,
            "as_of": as_of.isoformat(),
            "summary": "",
            "summary_ja": "",
            "evidence_urls": "",
            "private_note": "",
        },
    )


def messages_of(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def test_a_future_as_of_date_is_refused_with_the_reason(officer_client):
    recommendation = make_recommendation(code="AJ-2026-010")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = add_update(officer_client, recommendation, tomorrow)
    assert response.status_code == 200
    assert "cannot be later than today" in response.content.decode()
    assert not recommendation.status_updates.exists()


def test_after_saving_the_officer_is_told_the_current_status(officer_client):
    recommendation = make_recommendation(
        code="AJ-2026-011", status=Status.NOT_STARTED, as_of=datetime.date(2026, 3, 3)
    )
    response = add_update(officer_client, recommendation, datetime.date(2026, 4, 1))
    assert ("success", "AJ-2026-011 is now In progress, as of 1 Apr 2026.") in messages_of(response)


def test_a_back_dated_update_says_which_newer_one_still_sets_the_status(officer_client):
    recommendation = make_recommendation(
        code="AJ-2026-012", status=Status.IMPLEMENTED, as_of=datetime.date(2026, 3, 3)
    )
    response = add_update(officer_client, recommendation, datetime.date(2026, 1, 5))
    warnings = [text for level, text in messages_of(response) if level == "warning"]
    assert warnings[0].startswith("AJ-2026-012 stays Implemented: a newer update, dated 3 Mar 2026")
    recommendation.refresh_from_db()
    assert recommendation.status == Status.IMPLEMENTED


def test_a_second_update_on_the_same_day_says_which_wins(officer_client):
    recommendation = make_recommendation(
        code="AJ-2026-013", status=Status.NOT_STARTED, as_of=datetime.date(2026, 3, 3)
    )
    response = add_update(officer_client, recommendation, datetime.date(2026, 3, 3))
    warnings = [text for level, text in messages_of(response) if level == "warning"]
    assert "recorded last (this one)" in warnings[0]
    recommendation.refresh_from_db()
    assert recommendation.status == Status.IN_PROGRESS


# -- the import: names, suggestions, what it shows ----------------------------------------

from recommendations.importer import commit_import, plan_import  # noqa: E402
from tests.factories import import_csv, import_row  # noqa: E402

IMPORT = "admin:recommendations_recommendation_import"


@pytest.mark.parametrize(
    ("column", "written"),
    [
        ("responsible_bodies", "Ministry of Economy, Trade and Industry"),
        ("responsible_bodies", "ministry of economy, trade and industry"),
        ("responsible_bodies", "経済産業省"),
        ("responsible_bodies", "ＭＥＴＩ"),  # full-width
        ("responsible_bodies", "meti"),
        ("raised_at", "Tokyo workshop: securing economic and technological resilience"),
        ("raised_at", "東京ワークショップ"),
        ("raised_at", "tokyo-2025"),
        ("policy_areas", "Critical minerals"),
        ("policy_areas", "重要鉱物"),
    ],
)
def test_the_import_finds_every_kind_of_name(csv_vocabulary, column, written):
    csv_vocabulary["meti"].name_ja = "経済産業省"
    csv_vocabulary["meti"].save()
    csv_vocabulary["minerals"].name_ja = "重要鉱物"
    csv_vocabulary["minerals"].save()
    tokyo = csv_vocabulary["tokyo"]
    tokyo.title = "Tokyo workshop: securing economic and technological resilience"
    tokyo.title_ja = "東京ワークショップ"
    tokyo.save()
    plan = plan_import(import_csv([import_row(**{column: written})]))
    assert plan.problems == [], plan.problems


@pytest.mark.parametrize(
    ("column", "written", "suggested"),
    [
        (
            "responsible_bodies",
            "Ministry of Economy, Trade & Industry",
            "Ministry of Economy, Trade and Industry",
        ),
        (
            "responsible_bodies",
            "Departmnt of Foreign Affairs and Trade",
            "Department of Foreign Affairs and Trade",
        ),
        ("policy_areas", "critical-mineral", "critical-minerals"),
        ("raised_at", "canberra-2052", "canberra-2025"),
    ],
)
def test_a_near_miss_gets_a_suggestion(csv_vocabulary, column, written, suggested):
    (problem,) = plan_import(import_csv([import_row(**{column: written})])).problems
    assert f"Did you mean “{suggested}”?" in problem.message


def test_the_preview_names_bodies_and_flags_what_the_public_will_see(
    officer_client, csv_vocabulary, officer
):
    commit_import(
        import_csv([import_row(code="AJ-2026-100", status="in_progress", published="yes")]),
        user=officer,
    )
    changed = import_row(
        code="AJ-2026-100",
        responsible_bodies="dfat; meti",
        published="no",
        status="not_started",
        status_as_of="2025-09-01",
    )
    upload = __import__("io").BytesIO(import_csv([changed]))
    upload.name = "outcomes.csv"
    page = officer_client.post(reverse(IMPORT), {"file": upload}).content.decode()
    assert "DFAT; METI" in page  # names, not slugs
    assert "withdraws it from the public site" in page
    assert "In progress → Not started" in page
    assert "moves backwards" in page


def test_the_import_page_lists_what_each_naming_column_accepts(officer_client, csv_vocabulary):
    csv_vocabulary["meti"].name_ja = "経済産業省"
    csv_vocabulary["meti"].save()
    page = officer_client.get(reverse(IMPORT)).content.decode()
    for text in (
        "critical-minerals",
        "canberra-2025",
        "Ministry of Economy, Trade and Industry",
        "経済産業省",
        "in_progress",
        "実施中",
        "日豪共同",
    ):
        assert text in page, text


def test_after_an_import_the_officer_sees_the_rows_just_imported(officer_client, csv_vocabulary):
    make_recommendation(code="AJ-2025-900")  # there before: not part of this import
    data = import_csv([import_row(code="AJ-2026-201"), import_row(code="AJ-2026-202")])
    upload = __import__("io").BytesIO(data)
    upload.name = "outcomes.csv"
    preview = officer_client.post(reverse(IMPORT), {"file": upload})
    payload = preview.context["commit_form"]["payload"].value()
    committed = officer_client.post(reverse(IMPORT), {"payload": payload}, follow=True)
    assert {r.code for r in committed.context["cl"].result_list} == {"AJ-2026-201", "AJ-2026-202"}


# -- entering a meeting's outcomes ----------------------------------------------------------

from tests.admin.form_data import recommendation_form_data  # noqa: E402
from tests.factories import make_workshop  # noqa: E402


@pytest.mark.parametrize(
    ("after", "taken", "free"),
    [
        ("AJ-2026-014", [], "AJ-2026-015"),
        ("AJ-2026-014", ["AJ-2026-015", "AJ-2026-016"], "AJ-2026-017"),
        ("AJ-2026-099", [], "AJ-2026-100"),
        ("RT-7", [], "RT-8"),
        ("NO-NUMBER-X", [], None),
    ],
)
def test_the_next_free_code(after, taken, free):
    for code in taken:
        make_recommendation(code=code)
    assert Recommendation.objects.next_free_code(after) == free


def test_add_recommendation_raised_here_prefills_the_meeting_and_a_code(officer_client):
    meeting = make_workshop(title="Tokyo roundtable")
    make_recommendation(code="AJ-2026-031", workshops=[meeting])
    page = officer_client.get(
        reverse("admin:recommendations_workshop_change", args=[meeting.pk])
    ).content.decode()
    link = page.split("Add recommendation raised here")[0].rsplit('href="', 1)[1].split('"')[0]
    add = officer_client.get(link.replace("&amp;", "&"))
    form = add.context["adminform"].form
    assert form.initial["raised_at"] == [str(meeting.pk)]
    assert form.initial["code"] == "AJ-2026-032"


def test_save_and_add_another_keeps_the_meeting_and_suggests_the_next_code(officer_client):
    from tests.factories import make_area

    meeting, area = make_workshop(), make_area()
    data = recommendation_form_data(
        code="AJ-2026-040", areas=[str(area.pk)], raised_at=[str(meeting.pk)], _addanother="1"
    )
    response = officer_client.post(reverse("admin:recommendations_recommendation_add"), data)
    assert response.status_code == 302
    following = officer_client.get(response["Location"])
    form = following.context["adminform"].form
    assert form.initial["code"] == "AJ-2026-041"
    assert form.initial["raised_at"] == [str(meeting.pk)]


def test_a_taken_code_is_refused_with_the_next_free_one(officer_client):
    from tests.factories import make_area

    make_recommendation(code="AJ-2026-050")
    make_recommendation(code="AJ-2026-051")
    data = recommendation_form_data(code="AJ-2026-050", areas=[str(make_area().pk)])
    response = officer_client.post(reverse("admin:recommendations_recommendation_add"), data)
    errors = response.context["adminform"].form.errors["code"]
    assert errors == [
        "Another recommendation already has the code AJ-2026-050. The next free code is AJ-2026-052."
    ]


def test_a_meeting_offers_three_attendee_rows_and_the_pop_up_no_meeting_picker(officer_client):
    page = officer_client.get(reverse("admin:recommendations_workshop_add")).content.decode()
    assert 'name="attendance-TOTAL_FORMS" value="3"' in page
    popup = officer_client.get(reverse("admin:recommendations_participant_add") + "?_popup=1")
    assert "attendance-TOTAL_FORMS" not in popup.content.decode()
    plain = officer_client.get(reverse("admin:recommendations_participant_add"))
    assert "attendance-TOTAL_FORMS" in plain.content.decode()


# -- previewing a draft ----------------------------------------------------------------------


def preview_url(recommendation):
    return reverse("admin:recommendations_recommendation_preview", args=[recommendation.pk])


def test_staff_preview_a_draft_as_the_public_would_see_it(officer_client):
    draft = make_recommendation(
        code="AJ-2099-500", title="A draft under review", is_published=False, status="proposed"
    )
    response = officer_client.get(preview_url(draft))
    page = response.content.decode()
    assert response.status_code == 200
    assert "A draft under review" in page
    assert 'class="preview-banner"' in page and "the public cannot see this page" in page
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]
    # The same template as the public page of a published recommendation.
    assert [t.name for t in response.templates][0] == "recommendations/recommendation_detail.html"
    # "View on site" on the draft's admin page goes to the preview, not to a 404.
    change = officer_client.get(
        reverse("admin:recommendations_recommendation_change", args=[draft.pk])
    )
    assert preview_url(draft) in change.content.decode()


def test_the_preview_is_never_reachable_anonymously(client, db):
    draft = make_recommendation(code="AJ-2099-501", title="Secret draft", is_published=False)
    response = client.get(preview_url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "Secret draft" not in client.get(preview_url(draft), follow=True).content.decode()
    assert client.get(f"/recommendations/{draft.code}/").status_code == 404


def test_staff_without_the_view_permission_may_not_preview(outsider_client):
    draft = make_recommendation(code="AJ-2099-502", is_published=False)
    assert outsider_client.get(preview_url(draft)).status_code == 403


# -- dates ---------------------------------------------------------------------------------

from django.utils import translation  # noqa: E402

from recommendations.models import Workshop  # noqa: E402


def workshop_data(start, end):
    return {
        "kind": "workshop",
        "title": "Dates workshop",
        "title_ja": "",
        "slug": "dates-workshop",
        "city": "Canberra",
        "country": "au",
        "host": "",
        "start_date": start,
        "end_date": end,
        "summary": "",
        "summary_ja": "",
        "private_notes": "",
        "attendance-TOTAL_FORMS": "0",
        "attendance-INITIAL_FORMS": "0",
    }


@pytest.mark.parametrize(
    ("language", "start", "end"),
    [
        ("en", "30/06/2026", "01/07/2026"),  # Australian
        ("en", "2026-06-30", "2026-07-01"),  # ISO
        ("ja", "2026/06/30", "2026/07/01"),
        ("ja", "2026年6月30日", "2026年7月1日"),
        ("ja", "2026-06-30", "2026-07-01"),
    ],
)
def test_date_boxes_accept_the_languages_formats_and_iso(officer_client, language, start, end):
    with translation.override(language):
        url = reverse("admin:recommendations_workshop_add")
    response = officer_client.post(url, workshop_data(start, end))
    assert response.status_code == 302, response.context["adminform"].form.errors
    workshop = Workshop.objects.get(slug="dates-workshop")
    assert (workshop.start_date, workshop.end_date) == (
        datetime.date(2026, 6, 30),
        datetime.date(2026, 7, 1),
    )


@pytest.mark.parametrize(
    ("language", "shown", "hint"),
    [
        ("en", 'value="30/06/2026"', "Write a date as 30/06/2026; 2026-06-30 also works."),
        ("ja", 'value="2026/06/30"', "2026/06/30"),
    ],
)
def test_a_date_box_shows_the_languages_format_and_says_how_to_write_one(
    officer_client, language, shown, hint
):
    meeting = make_workshop(start_date=datetime.date(2026, 6, 30))
    with translation.override(language):
        url = reverse("admin:recommendations_workshop_change", args=[meeting.pk])
    page = officer_client.get(url).content.decode()
    assert shown in page
    assert hint in page
    assert "css/admin.css" in page  # which hides the browser's time-zone note


# -- the admin home and the lists ----------------------------------------------------------


def test_the_admin_home_lists_the_work_first_and_the_audit_trail_apart(officer_client):
    apps = officer_client.get(reverse("admin:index")).context["app_list"]
    work = apps[0]
    assert [m["object_name"] for m in work["models"]][:3] == [
        "Recommendation",
        "StatusUpdate",
        "Workshop",
    ]
    assert not any(m["object_name"].startswith("Historical") for m in work["models"])
    trail = next(app for app in apps if app["app_label"] == "recommendations_audit_trail")
    assert all(m["object_name"].startswith("Historical") for m in trail["models"])
    assert apps.index(trail) > 0


def test_no_filter_offers_a_bare_dash(officer_client, demo):
    page = officer_client.get(reverse(CHANGELIST)).content.decode()
    assert ">-</a>" not in page and "(none)" in page


def test_the_lists_show_what_an_officer_scans(officer_client, demo):
    page = officer_client.get(reverse(CHANGELIST)).content.decode()
    # What an officer scans, each a column of its own (RecommendationAdmin.list_display).
    for column in (
        "code",
        "short_title",
        "status_with_date",
        "body_names",
        "lead_side",
        "target_and_overdue",
        "public",
    ):
        assert f"column-{column}" in page, column
    updates = officer_client.get(reverse("admin:recommendations_statusupdate_changelist"))
    for column in ("as_of", "recommendation_code", "status", "short_summary"):
        assert f"column-{column}" in updates.content.decode(), column
    meetings = officer_client.get(reverse("admin:recommendations_workshop_changelist"))
    assert "column-host" in meetings.content.decode()


def test_the_staff_report_has_names_overdue_and_drafts(officer_client, demo):
    import csv
    import io

    from recommendations.choices import is_overdue

    pks = list(Recommendation.objects.values_list("pk", flat=True))
    response = officer_client.post(
        reverse(CHANGELIST),
        {"action": "export_recommendations_report", "_selected_action": [str(pk) for pk in pks]},
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[-3:] == ["text", "link", "published"] and "overdue" in header
    assert len(body) == len(pks)
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    meti = by_code["AJ-2025-001"]
    assert "Ministry of Economy, Trade and Industry" in meti["responsible bodies"]
    draft = Recommendation.objects.drafts().first()
    assert by_code[draft.code]["published"] == "no"
    assert (
        f"/admin/recommendations/recommendation/{draft.pk}/change/" in by_code[draft.code]["link"]
    )
    overdue = {c for c, r in by_code.items() if r["overdue"] == "yes"}
    expected = {
        r.code
        for r in Recommendation.objects.all()
        if is_overdue(r.target_date, r.status, timezone.localdate())
    }
    assert overdue == expected


# -- readable history -----------------------------------------------------------------------


def history_page(client, recommendation):
    url = reverse("admin:recommendations_recommendation_history", args=[recommendation.pk])
    return client.get(url)


def test_the_history_reads_in_labels_and_dates_not_stored_values(officer_client):
    from recommendations.locking import bump_version

    recommendation = make_recommendation(code="AJ-2026-300", is_published=False)
    bump_version(recommendation)
    recommendation.is_published = True
    recommendation.target_date = datetime.date(2026, 6, 30)
    recommendation.lead = "jp"
    recommendation.save()
    page = history_page(officer_client, recommendation).content.decode()
    assert "<strong>Published</strong>: no → yes" in page
    assert "<strong>Target date</strong>: – → 30 Jun 2026" in page
    assert "<strong>Lead side</strong>: Joint → Japan" in page
    assert "False" not in page and "None" not in page
    assert "Version</strong>" not in page and "Last changed</strong>" not in page


def test_no_empty_rows_for_saves_that_changed_nothing_to_read(officer_client):
    recommendation = make_recommendation(code="AJ-2026-301")
    recommendation.save()  # moves only the bookkeeping fields
    response = history_page(officer_client, recommendation)
    table = response.content.decode().split('<table id="change-history">')[1]
    rows = table.split("<tbody>")[1].split("</tbody>")[0]
    assert rows.count("<tr>") == 1  # the creation; the empty save is not listed


def test_the_history_shows_status_updates_and_link_changes(officer_client, officer):
    from recommendations.audit import replace_links
    from recommendations.services import record_status_update
    from tests.factories import make_area

    minerals, energy = make_area(name="Critical minerals"), make_area(name="Energy security")
    recommendation = make_recommendation(code="AJ-2026-302", areas=[])
    replace_links(recommendation, "policy_areas", [minerals])
    record_status_update(
        recommendation=recommendation,
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2026, 3, 3),
        summary="Talks began in Tokyo.",
        recorded_by=officer,
    )
    replace_links(recommendation, "policy_areas", [energy])
    page = history_page(officer_client, recommendation).content.decode()
    related = page.split('id="related-change-history"')[1]
    assert "Status update recorded: In progress as of 3 Mar 2026. Talks began in Tokyo." in related
    assert "Policy area added: Critical minerals" in related
    assert "Policy area removed: Critical minerals" in related
    assert "Policy area added: Energy security" in related


def test_an_old_version_is_shown_as_read_only_text(officer_client):
    recommendation = make_recommendation(code="AJ-2026-303", title="First wording")
    recommendation.title = "Second wording"
    recommendation.save()
    first = recommendation.history.order_by("history_date").first()
    url = reverse(
        "admin:recommendations_recommendation_simple_history", args=[recommendation.pk, first.pk]
    )
    page = officer_client.get(url).content.decode()
    assert '<table id="audit-version">' in page
    assert '<th scope="row">Title</th><td>First wording</td>' in page
    assert "<input" not in page.split('id="content-main"')[1].split("</table>")[0]
    assert "<textarea" not in page


@pytest.mark.parametrize(
    "path",
    [
        "workshop/6/change/widgets.css/change/",
        "workshop/abc/change/",
        "recommendation/abc/preview/",
        "recommendation/abc/history/",
        "recommendation/1/history/abc/",
        "workshop/abc/history/",
        "statusupdate/abc/history/",
        "recommendation/1%00/change/",
    ],
)
def test_a_malformed_admin_address_is_not_a_server_error(officer_client, path):
    response = officer_client.get(f"/admin/recommendations/{path}")
    assert response.status_code in (200, 302, 404)
