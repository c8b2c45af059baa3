"""Printing a page gives a report: the print stylesheet drops navigation and the filter form
and keeps the content."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Page name -> what the screen shows and paper must not.
SCREEN_ONLY = {
    "dashboard": [".site-nav", ".language-switch"],
    "filtered-list": [".site-nav", ".language-switch", "#filters"],
    "area": [".site-nav", "#filters"],
    "ja-area": [".site-nav", ".language-switch", "#filters"],
}


def test_print_drops_navigation_and_filters(site, desktop_page):
    page = desktop_page
    for name, selectors in SCREEN_ONLY.items():
        page.emulate_media(media="screen")
        site.visit(page, name)
        for selector in selectors:
            expect(page.locator(selector), f"{name} on screen").to_be_visible()

        page.emulate_media(media="print")

        for selector in selectors:
            expect(page.locator(selector), f"{name} printed").to_be_hidden()
        expect(page.locator("main h1"), f"{name} printed").to_be_visible()
    expect(page.locator("#result-count")).to_be_visible()
