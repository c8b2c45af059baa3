import pytest


@pytest.fixture(autouse=True)
def generous_rate(settings):
    """No test here but the rate limit's own may be slowed by it."""
    settings.API_ANON_RATE = "100000/min"
