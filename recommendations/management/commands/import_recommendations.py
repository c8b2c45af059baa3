"""`manage.py import_recommendations FILE [--dry-run] [--user NAME]`: the admin's CSV import.

Prints the preview (problems, creates, field-by-field updates, status updates to
append) and, unless --dry-run or the file has problems, commits it all in one
transaction. Exits non-zero when the file has problems; then nothing is written.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from recommendations import importer


class Command(BaseCommand):
    help = "Import recommendations and status changes from a CSV file (preview, then commit)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file (UTF-8 or Shift_JIS).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change; write nothing."
        )
        parser.add_argument(
            "--user", help="Username recorded as the author of the appended status updates."
        )

    def handle(self, *args, file, dry_run, user, **options):
        author = self.find_user(user)
        data = self.read(file)
        plan = importer.plan_import(data)
        self.show(plan)
        if plan.problems:
            raise CommandError(
                f"{len(plan.problems)} problem(s) in {file}; nothing was imported.", returncode=1
            )
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        try:
            summary = importer.commit_import(data, user=author)
        except importer.ImportRefused as refused:
            self.show(refused.plan)
            raise CommandError("The file no longer applies; nothing was imported.") from None
        except (DatabaseError, ValidationError) as error:
            raise CommandError(
                f"The import could not be saved; nothing was written: {error}"
            ) from None
        self.stdout.write(self.style.SUCCESS(f"Imported: {summary}"))

    def find_user(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None

    def read(self, file):
        try:
            size = file.stat().st_size
            if size > settings.IMPORT_MAX_BYTES:
                raise CommandError(importer.too_large_message(size))
            return file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None

    def show(self, plan):
        out = self.stdout
        if plan.encoding:
            out.write(f"Read as {plan.encoding}, separated by “{plan.delimiter}”.")
        for problem in plan.problems:
            out.write(self.style.ERROR(f"Problem: {problem}"))
        for note in plan.notes:
            out.write(self.style.WARNING(f"Note: {note}"))
        for row in plan.rows:
            if row.action != "unchanged":
                out.write(f"Row {row.row}: {row.action} {row.code}")
                for change in row.changes:
                    out.write(f"    {change.column}: {change.old or '—'} → {change.new or '—'}")
            if row.status_update:
                update = row.status_update
                out.write(
                    f"Row {row.row}: append status update to {row.code}: "
                    f"{update.status_label} as of {update.as_of.isoformat()}"
                )
        out.write(
            f"{len(plan.creates)} to create, {len(plan.updates)} to update, "
            f"{len(plan.status_updates)} status updates to append, "
            f"{len(plan.unchanged)} unchanged."
        )
