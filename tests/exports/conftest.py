import pytest

from tests.factories import make_export_tracker


@pytest.fixture
def export_tracker(db):
    """tests.factories.make_export_tracker: what the CSV and the workbook are read against."""
    return make_export_tracker()
