"""An official's path through the site: dashboard → an area → narrowed by status → shared URL."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from recommendations.models import Recommendation

from .site import horizontal_overflow

pytestmark = pytest.mark.browser


def result_count(page):
    text = page.locator("#result-count").inner_text()
    numbers = re.findall(r"\d[\d,]*", text)
    assert len(numbers) == 1, f"#result-count should hold one number, holds {text!r}"
    return int(numbers[0].replace(",", ""))


def reveal(control):
    """Open the collapsed <details> a filter sits in (a narrow layout may fold the panel)."""
    if not control.is_visible():
        control.locator("xpath=ancestor::details[not(@open)]/summary").last.click()
    expect(control).to_be_visible()


def walk_journey(page, site, *, at_each_step=lambda page: None):
    journey = site.journey
    area_path = reverse("recommendations:area_detail", args=[journey.area])

    site.visit(page, "dashboard")
    at_each_step(page)
    page.locator(f'a[href="{area_path}"]:visible').first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == area_path)
    at_each_step(page)
    in_area = Recommendation.objects.published().in_area(journey.area).count()
    assert result_count(page) == in_area

    status_box = page.locator(
        f'#filters input[type="checkbox"][name="status"][value="{journey.status}"]'
    )
    reveal(status_box)
    status_box.check()
    page.locator('#filters [type="submit"]').first.click()
    page.wait_for_url(lambda url: journey.is_carried_by(url))
    at_each_step(page)
    assert result_count(page) == journey.expected_count

    page.reload()
    assert journey.is_carried_by(page.url), page.url
    expect(status_box).to_be_checked()
    assert result_count(page) == journey.expected_count


def test_dashboard_to_area_narrowed_by_status(site, desktop_page):
    walk_journey(desktop_page, site)


def test_same_journey_on_a_phone_without_sideways_scrolling(site, phone_page):
    def fits_the_phone(page):
        assert horizontal_overflow(page) <= 0, f"{page.url} scrolls sideways at 360 px"

    walk_journey(phone_page, site, at_each_step=fits_the_phone)
    expect(phone_page.locator('meta[name="viewport"]')).to_have_attribute(
        "content", re.compile(r"width=device-width")
    )


def test_same_journey_without_javascript(site, no_script_page):
    walk_journey(no_script_page, site)


def test_switching_language_keeps_the_filtered_view(site, desktop_page):
    page = desktop_page
    site.visit(page, "filtered-list")
    count = result_count(page)

    page.locator('.language-switch a[hreflang="ja"]').click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/ja/recommendations/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    assert site.journey.is_carried_by(page.url)
    assert result_count(page) == count
    expect(page.locator("h1")).to_have_text("提言")

    page.locator('.language-switch a[hreflang="en"]').click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/recommendations/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert site.journey.is_carried_by(page.url)


def test_a_japanese_browser_is_offered_japanese_not_redirected(site, japanese_browser_page):
    page = japanese_browser_page
    site.visit(page, "filtered-list")
    assert urlsplit(page.url).path == "/recommendations/"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    hint = page.locator(".language-hint")
    expect(hint).to_have_attribute("lang", "ja")
    hint.locator("a").click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/ja/recommendations/")
    assert site.journey.is_carried_by(page.url)
    expect(page.locator(".language-hint")).to_have_count(0)
