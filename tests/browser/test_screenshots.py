"""A full-page screenshot of every public page at desktop and phone width, for people to look at.

The pages must also fit the window: nothing may scroll sideways at either width.
"""

import pytest

from .site import horizontal_overflow

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", ["desktop_page", "phone_page"])
def test_screenshot_every_page(request, width, site, save_screenshot):
    page = request.getfixturevalue(width)
    too_wide = []
    for name, path in site.pages.items():
        site.visit(page, name)
        save_screenshot(page, name)
        overflow = horizontal_overflow(page)
        if overflow > 0:
            too_wide.append(f"{name} {path}: {overflow} px too wide")
    assert not too_wide, "pages that scroll sideways:\n" + "\n".join(too_wide)
