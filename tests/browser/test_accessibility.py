"""axe-core finds no WCAG 2.1 A/AA violation on any public page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def describe(violations_by_page):
    lines = []
    for page, violations in violations_by_page.items():
        for violation in violations:
            targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"])
            lines.append(f"{page}: {violation['id']} ({violation['help']}) at {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", ["desktop_page", "phone_page"])
def test_public_pages_have_no_wcag_violations(request, width, site):
    page = request.getfixturevalue(width)
    axe = Axe()
    found = {}
    for name, path in site.pages.items():
        site.visit(page, name)
        results = axe.run(page, options=WCAG_21_AA)
        if results.violations_count:
            found[f"{name} {path}"] = results.response["violations"]
    assert not found, "axe-core found WCAG 2.1 A/AA violations:\n" + describe(found)
