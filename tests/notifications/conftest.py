import pytest
from django.core.cache import caches

from notifications.throttle import CACHE_ALIAS


@pytest.fixture(autouse=True)
def fresh_sign_up_counts():
    # The counts live in the database cache table, which no test transaction rolls back.
    caches[CACHE_ALIAS].clear()
