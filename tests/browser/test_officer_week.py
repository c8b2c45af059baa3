"""A secretariat officer's week in the admin, in Chromium, at 1280 and 1024 px.

After a meeting: record it with four attendees, three recommendations raised there, a
status update, a spreadsheet import; then "everything overdue addressed to METI" and a
recommendation's history. Every admin page on the way is checked by axe-core and
photographed; the clicks of the meeting-to-three-recommendations job are counted.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from recommendations.admin.recommendation import RecommendationAdmin
from recommendations.models import Organisation, Recommendation, Workshop

from .conftest import SCREENSHOT_DIR, open_page
from .site import sign_in_as_new_superuser
from .test_accessibility import WCAG_21_AA, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-officer-week-password"
# The meeting-to-three-recommendations job must not take more clicks than this (see
# the issue note for the count before: retyped meetings, one attendee row at a time).
CLICK_BUDGET = 40


class Officer:
    """The browser of one officer, counting clicks and checking every page it visits."""

    def __init__(self, page, site, width, save_screenshot):
        self.page, self.site, self.width = page, site, width
        self.save_screenshot = save_screenshot
        self.clicks = 0
        self.violations = {}

    def click(self, target):
        self.clicks += 1
        (self.page.locator(target) if isinstance(target, str) else target).click()

    def goto(self, path):
        self.page.goto(self.site.url(path))

    def check(self, name):
        """axe-core on the page as it is now, and a screenshot of it."""
        self.page.wait_for_load_state("load")  # a click that navigates returns early
        results = Axe().run(self.page, options=WCAG_21_AA)
        if results.violations_count:
            self.violations[f"{name} {self.page.url}"] = results.response["violations"]
        self.save_screenshot(self.page, f"officer-{name}")

    def choose(self, select_id, typed, option_text):
        """Pick a choice in one of the admin's autocompletes (select2): open, type, choose."""
        self.click(f"#{select_id} + .select2 .select2-selection")
        search = self.page.locator(".select2-container--open .select2-search__field").last
        search.fill(typed)
        self.click(self.page.locator(".select2-results__option", has_text=option_text).first)


def sign_in(page, site, django_user_model):
    sign_in_as_new_superuser(page, site, django_user_model, "officer", PASSWORD)


def record_meeting(officer):
    page = officer.page
    officer.goto(reverse("admin:recommendations_workshop_add"))
    page.select_option("#id_kind", "roundtable")
    page.fill("#id_title", "Osaka roundtable on battery supply chains")
    page.fill("#id_city", "Osaka")
    page.select_option("#id_country", "jp")
    page.fill("#id_start_date", "12/11/2026")
    page.fill("#id_end_date", "12/11/2026")
    for row, person in enumerate(["Alex Exampleton", "Brooke Sampleford", "Casey Mockridge"]):
        officer.choose(f"id_attendance-{row}-participant", person.split()[0], person)
    officer.click(page.get_by_role("button", name=re.compile("Add another Attendance")))
    officer.choose("id_attendance-3-participant", "Dana", "Dana Placeholder")
    page.select_option("#id_attendance-3-role", "rapporteur")
    officer.check("meeting-form")
    officer.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    officer.check("meeting-saved")


def three_recommendations(officer):
    page = officer.page
    officer.click(page.get_by_role("link", name="Add recommendation raised here"))
    codes = ["AJ-2026-901", "AJ-2026-902", "AJ-2026-903"]
    for number, code in enumerate(codes):
        if number == 0:
            page.fill("#id_code", code)
        else:
            # Save and add another kept the meeting and suggested the next free code.
            expect(page.locator("#id_code")).to_have_value(code)
        expect(page.locator("#id_raised_at option[selected]")).to_have_text(
            re.compile("Osaka roundtable")
        )
        page.fill("#id_title", f"Battery supply chain recommendation {number + 1}")
        page.fill("#id_text", "Both governments should share battery supply chain data.")
        officer.choose("id_areas", "Supply", "Supply chains")
        officer.choose("id_addressed_to", "METI", "Ministry of Economy")
        page.select_option("#id_lead", "joint")
        page.fill("#id_target_date", "30/06/2025")
        if number == 0:
            officer.check("recommendation-form")
        last = number == len(codes) - 1
        officer.click("input[name=_save]" if last else "input[name=_addanother]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    meeting = Workshop.objects.get(title="Osaka roundtable on battery supply chains")
    assert set(meeting.recommendations.values_list("code", flat=True)) == set(codes)


def status_update(officer):
    page = officer.page
    recommendation = Recommendation.objects.get(code="AJ-2026-901")
    officer.goto(reverse("admin:recommendations_recommendation_change", args=[recommendation.pk]))
    row = "status_updates-0"
    page.select_option(f"#id_{row}-status", "in_progress")
    page.fill(f"#id_{row}-summary", "Working group met in Osaka.")
    officer.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("AJ-2026-901 is now In progress")
    officer.check("status-update-saved")


def spreadsheet_import(officer, tmp_path):
    page = officer.page
    file = tmp_path / "osaka.csv"
    file.write_text(
        "code,title,text,lead,raised at,responsible bodies,policy areas,target date\n"
        "AJ-2026-904,Share battery test data,Both sides should share test data.,joint,"
        "Osaka roundtable on battery supply chains,経済産業省,Supply chains,2025-06-30\n",
        encoding="utf-8",
    )
    officer.goto(reverse("admin:recommendations_recommendation_import"))
    officer.check("import-form")
    page.set_input_files("#id_file", str(file))
    officer.click("input[type=submit]")
    expect(page.locator("#import-changes")).to_contain_text("AJ-2026-904")
    expect(page.locator("#import-changes")).to_contain_text("Osaka roundtable")
    officer.check("import-preview")
    officer.click("input[value=Import]")
    expect(page.locator("#result_list")).to_contain_text("AJ-2026-904")
    officer.check("import-landed")


def overdue_for_meti(officer, site):
    page = officer.page
    officer.goto(reverse("admin:recommendations_recommendation_changelist"))
    officer.click(
        page.locator("#changelist-filter").get_by_role("link", name="Overdue", exact=True)
    )
    officer.click(
        page.locator("#changelist-filter").get_by_role(
            "link", name="Ministry of Economy, Trade and Industry"
        )
    )
    officer.check("overdue-for-meti")
    meti = Organisation.objects.get(slug="meti")
    expected = Recommendation.objects.filter(responsible_bodies=meti).overdue().count()
    expect(page.locator("#result_list tbody tr")).to_have_count(expected)
    # The public list, for the published ones, gives the same answer.
    public = Recommendation.objects.published().filter(responsible_bodies=meti).overdue()
    page.goto(site.url(reverse("recommendations:recommendation_list") + "?body=meti&overdue=1"))
    expect(page.locator("#result-count")).to_have_text(str(public.count()))


def history(officer):
    page = officer.page
    recommendation = Recommendation.objects.get(code="AJ-2026-901")
    officer.goto(reverse("admin:recommendations_recommendation_history", args=[recommendation.pk]))
    expect(page.locator("#related-change-history")).to_contain_text(
        "Status update recorded: In progress"
    )
    expect(page.locator("#related-change-history")).to_contain_text(
        "Responsible body added: Ministry of Economy, Trade and Industry"
    )
    officer.check("history")
    # An old version, read-only, as text.
    officer.click(page.locator("#change-history a", has_text="view").last)
    expect(page.locator("#audit-version")).to_contain_text("Battery supply chain")
    officer.check("history-version")


def draft_preview(officer):
    """A draft as the public would see it, in both languages, under the staff banner."""
    page = officer.page
    draft = Recommendation.objects.drafts().order_by("code").first()
    preview = reverse("admin:recommendations_recommendation_preview", args=[draft.pk])
    officer.goto(preview)
    expect(page.locator(".preview-banner")).to_contain_text("the public cannot see this page")
    officer.check("draft-preview")
    officer.goto("/ja" + preview)
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.locator(".preview-banner")).to_contain_text(
        "一般の閲覧者はこのページを見ることができません"
    )
    officer.check("draft-preview-ja")


@pytest.mark.parametrize("width", [1280, 1024])
def test_an_officers_week(site, new_context, django_user_model, save_screenshot, tmp_path, width):
    page = open_page(new_context, viewport={"width": width, "height": 900})
    sign_in(page, site, django_user_model)
    officer = Officer(page, site, width, save_screenshot)

    record_meeting(officer)
    three_recommendations(officer)
    meeting_job_clicks = officer.clicks
    status_update(officer)
    spreadsheet_import(officer, tmp_path)
    overdue_for_meti(officer, site)
    history(officer)
    draft_preview(officer)

    (SCREENSHOT_DIR / f"officer-week-clicks-{width}.txt").write_text(
        f"meeting with four attendees and three recommendations: {meeting_job_clicks} clicks\n"
        f"the whole week: {officer.clicks} clicks\n"
    )
    assert meeting_job_clicks <= CLICK_BUDGET, meeting_job_clicks
    assert not officer.violations, "axe-core on the admin:\n" + describe(officer.violations)


@pytest.mark.parametrize("width", [1280, 1024])
def test_the_recommendation_list_fits_without_sideways_scrolling(
    site, new_context, django_user_model, width
):
    page = open_page(new_context, viewport={"width": width, "height": 900})
    sign_in(page, site, django_user_model)
    page.goto(site.url(reverse("admin:recommendations_recommendation_changelist")))
    # The columns an officer scans are all on screen. The list scrolls inside its own box
    # beside the filters, so every column must end inside that box.
    table = page.locator("#result_list")
    visible = page.locator("#changelist .results").bounding_box()
    right = visible["x"] + visible["width"]
    for column in RecommendationAdmin.list_display:
        header = table.locator(f"th.column-{column}")
        expect(header).to_be_visible()
        box = header.bounding_box()
        assert box["x"] + box["width"] <= right + 1, f"{column} is cut off at {width} px"
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the list scrolls sideways by {overflow} px at {width} px"
    # A title reads as words, not a column of letters: its cell is at least 12em wide.
    title = table.locator("td.field-short_title").first.bounding_box()
    assert title["width"] >= 150, f"titles are squeezed to {title['width']} px"
    assert table.locator("td.field-short_title").first.bounding_box()["height"] < 100
