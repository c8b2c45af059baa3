"""Fuzzed files never break the import service, and a refused import writes nothing."""

import pytest
from hypothesis import given

from recommendations import importer
from tests.fuzzing import FUZZ, HEADER, any_file, counts

pytestmark = pytest.mark.django_db


def test_arbitrary_files_never_break_the_import_service(fuzz_targets, officer):
    @FUZZ
    @given(data=any_file)
    def property(data):
        plan = importer.plan_import(data)  # never raises, whatever the bytes
        before = counts()
        try:
            importer.commit_import(data, user=officer)
        except importer.ImportRefused:
            assert not plan.can_commit
            assert counts() == before  # all or nothing: refused means untouched
        else:
            assert plan.can_commit

    property()


def test_an_error_in_the_last_row_leaves_everything_untouched(fuzz_targets, officer):
    rows = [
        f"AJ-2030-{n:03d},Title {n},Text,,energy,canberra,agency,au,high,2030-01-01,yes,"
        "in_progress,2025-07-01,Started"
        for n in range(1, 30)
    ]
    rows.append("AJ-2030-999,Bad row,Text,,no-such-area,canberra,agency,au,high,2030-01-01,yes,,,")
    data = (HEADER + "\n" + "\n".join(rows)).encode()
    before = counts()
    with pytest.raises(importer.ImportRefused):
        importer.commit_import(data, user=officer)
    assert counts() == before
