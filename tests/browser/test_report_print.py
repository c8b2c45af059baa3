"""The progress report printed to PDF in Chromium: A4, the period and generation date on
every page, page numbers, no navigation or forms, and no table row split across pages."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from recommendations.choices import Status
from recommendations.reporting import period_report
from tests.factories import make_area, make_recommendation

pypdf = pytest.importorskip("pypdf", reason="pypdf is in the dev extra: pip install -e .[dev]")

pytestmark = pytest.mark.browser

PERIOD = "?from=2026-07-01&to=2026-09-30"
COUNT = 70  # rows enough for several A4 pages
A4_POINTS = (595, 842)  # 210 × 297 mm
SCREEN_ONLY = [".site-nav", ".language-switch", ".report-form", ".site-footer"]


def code(n):
    return f"PRT-2026-{n:03d}"


def title(n):
    # Long enough to wrap in its cell, with a word to find at each end.
    return (
        f"Begin{n:03d} coordinate critical minerals stockpiles, offtake agreements and "
        f"processing investment across both economies Finish{n:03d}"
    )


@pytest.fixture
def report_site(live_server, django_db_serialized_rollback, monkeypatch):
    """COUNT recommendations whose targets pass inside the third quarter of 2026 while in
    progress: each becomes newly overdue in exactly one area, with no update in the period,
    so each appears once in the report (its lists made long enough to hold them all)."""
    monkeypatch.setattr(period_report, "LIST_LIMIT", COUNT)
    areas = [make_area(name="Critical minerals"), make_area(name="Energy security")]
    for n in range(COUNT):
        make_recommendation(
            code=code(n),
            title=title(n),
            areas=[areas[n % 2]],
            status=Status.IN_PROGRESS,
            as_of=datetime.date(2026, 3, 1),
            target_date=datetime.date(2026, 7, 2) + datetime.timedelta(days=n % 80),
        )
    return live_server.url + reverse("recommendations:report") + PERIOD


def lines_from_top(pdf_page):
    """[(points from the top of the page, text)] of every piece of text on the page."""
    height = float(pdf_page.mediabox.top)
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((height - y, text.strip()))

    pdf_page.extract_text(visitor_text=visit)
    return sorted(found)


def pdf_pages(page, url):
    page.goto(url)
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    return pypdf.PdfReader(io.BytesIO(pdf)).pages


def test_the_report_prints_on_a4_with_the_period_on_every_page(report_site, desktop_page):
    page = desktop_page
    pages = pdf_pages(page, report_site)
    texts = [p.extract_text() for p in pages]
    assert len(pages) >= 2, "the fixture should fill more than one page"

    generated = page.locator(".report-running-head").text_content()
    assert re.search(r"generated \d", generated)
    for number, (pdf_page, text) in enumerate(zip(pages, texts, strict=True), start=1):
        width, height = (round(float(x)) for x in pdf_page.mediabox.upper_right)
        assert (width, height) == A4_POINTS, f"page {number} is {width} × {height} pt"
        # The running head: period and generation date, repeated on every page.
        assert "Progress report, 1 Jul 2026 to 30 Sep 2026" in text, f"page {number}"
        assert "generated" in text, f"page {number}"
        # The page-margin box: "n / total".
        assert f"{number} / {len(pages)}" in text, f"page {number}"
        # The head is above everything else: the space kept for it on every page is free.
        lines = lines_from_top(pdf_page)
        top, first = lines[0]
        assert first.startswith("Track 1.5"), f"page {number} starts with {first!r}"
        below = [(y, text) for y, text in lines if y > top + 2]
        assert below[0][0] > top + 12, f"page {number}: {below[0][1]!r} runs into the head"
        # No navigation, language switch, form or footer.
        for chrome in ("Skip to main content", "Workshops", "日本語", "Show report", "Chatham"):
            assert chrome not in text, f"{chrome!r} printed on page {number}"


def test_no_table_row_is_split_across_pages(report_site, desktop_page):
    texts = [p.extract_text() for p in pdf_pages(desktop_page, report_site)]
    for n in range(COUNT):
        on = [i + 1 for i, text in enumerate(texts) if code(n) in text]
        assert len(on) == 1, f"{code(n)} is on pages {on}, not on exactly one"
        (number,) = on
        text = texts[number - 1]
        # The code whole, and its title from start to end on the same page.
        assert f"Begin{n:03d}" in text and f"Finish{n:03d}" in text, (
            f"{code(n)}'s row is split: its title is not all on page {number}"
        )


def test_the_screen_shows_the_form_and_paper_does_not(report_site, desktop_page):
    page = desktop_page
    page.goto(report_site)
    expect(page.locator(".report-running-head")).to_be_hidden()
    for selector in SCREEN_ONLY:
        expect(page.locator(selector), f"{selector} on screen").to_be_visible()
    page.emulate_media(media="print")
    for selector in SCREEN_ONLY:
        expect(page.locator(selector), f"{selector} printed").to_be_hidden()
    expect(page.locator(".report-running-head")).to_be_visible()
    expect(page.locator("main h1")).to_be_visible()


def test_the_form_works_without_javascript(report_site, no_script_page):
    page = no_script_page
    page.goto(report_site)
    page.fill("#report-from", "2026-08-01")
    page.fill("#report-to", "2026-08-31")
    page.click(".report-form button[type=submit]")
    page.wait_for_url(re.compile(r"from=2026-08-01&to=2026-08-31"))
    expect(page.locator("h1")).to_have_text("Progress report")
    expect(page.locator(".report-period")).to_contain_text("1 Aug 2026")
