"""`manage.py import_recommendations FILE [--dry-run]`: the import service from the command line."""

import io

import pytest
from django.core.management import CommandError, call_command

from recommendations.choices import Status
from recommendations.models import Recommendation, StatusUpdate
from tests.factories import import_csv as csv_bytes
from tests.factories import import_row as row

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("import_recommendations", *args, stdout=out)
    return out.getvalue()


def test_dry_run_prints_the_preview_and_writes_nothing(csv_vocabulary, tmp_path):
    file = tmp_path / "outcomes.csv"
    file.write_bytes(csv_bytes([row()]))
    output = run(str(file), "--dry-run")
    assert "Row 2: create AJ-2026-001" in output
    assert "title: — → Coordinate critical minerals reserves" in output
    assert "append status update to AJ-2026-001: In progress as of 2025-08-01" in output
    assert "1 to create, 0 to update, 1 status updates to append, 0 unchanged." in output
    assert "Dry run" in output
    assert not Recommendation.objects.exists()


def test_commits_and_records_the_user(csv_vocabulary, tmp_path, officer):
    file = tmp_path / "outcomes.csv"
    file.write_bytes(csv_bytes([row()]))
    output = run(str(file), "--user", officer.username)
    assert "Imported: 1 created" in output
    update = StatusUpdate.objects.get()
    assert update.recorded_by == officer
    assert Recommendation.objects.get().status == Status.IN_PROGRESS
    # The same file again: nothing to do.
    output = run(str(file))
    assert "0 to create, 0 to update, 0 status updates to append, 1 unchanged." in output
    assert StatusUpdate.objects.count() == 1


def test_problems_exit_non_zero_and_write_nothing(csv_vocabulary, tmp_path):
    file = tmp_path / "outcomes.csv"
    file.write_bytes(csv_bytes([row(), row(code="AJ-2026-002", target_date="next year")]))
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_recommendations", str(file), stdout=out)
    assert raised.value.returncode == 1
    assert "Problem: row 3, column “target date”" in out.getvalue()
    assert not Recommendation.objects.exists()


def test_missing_file_and_unknown_user_are_clear_errors(csv_vocabulary, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "nowhere.csv"))
    file = tmp_path / "outcomes.csv"
    file.write_bytes(csv_bytes([row()]))
    with pytest.raises(CommandError, match="No user named"):
        run(str(file), "--user", "nobody")


def test_too_large_file_is_refused_before_reading(csv_vocabulary, tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 10
    file = tmp_path / "outcomes.csv"
    file.write_bytes(csv_bytes([row()]))
    with pytest.raises(CommandError, match="bytes"):
        run(str(file))
    assert not Recommendation.objects.exists()
