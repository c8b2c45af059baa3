"""What other apps read through the core: the latest public status updates."""

import datetime

import pytest

from recommendations import selectors
from recommendations.choices import Status
from recommendations.models import StatusUpdate
from recommendations.services import record_status_update
from tests.factories import make_tracker


@pytest.mark.parametrize("count", [3, 20])
def test_latest_updates_are_the_newest_of_the_whole_log(db, count):
    recs = make_tracker(count)
    # Back-dated and interleaved updates: the shortcut through status_as_of must still
    # give exactly the newest public updates.
    for n, rec in enumerate(recs):
        record_status_update(
            recommendation=rec,
            status=Status.IN_PROGRESS,
            as_of=datetime.date(2024, 1, 1) + datetime.timedelta(days=37 * n % 400),
        )
    recs[0].is_published = False
    recs[0].save()
    expected = list(StatusUpdate.objects.public().newest_first()[: selectors.LATEST_UPDATES])
    assert selectors.latest_updates() == expected
