"""`manage.py import_recommendations FILE [--dry-run] [--user NAME]`: the admin's CSV import.

Prints the preview (problems, creates, field-by-field updates, status updates to
append) and, unless --dry-run or the file has problems, commits it all in one
transaction. Exits non-zero when the file has problems; then nothing is written.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from recommendations import importer
from recommendations.management.language import TranslatedCommand

ACTIONS = {
    "create": gettext_lazy("create"),
    "update": gettext_lazy("update"),
    "unchanged": gettext_lazy("unchanged"),
}


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Import recommendations and status changes from a CSV file (preview, then commit)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=_("The CSV file (UTF-8 or Shift_JIS)."))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Show what would change; write nothing."),
        )
        parser.add_argument(
            "--user",
            help=_("Username recorded as the author of the appended status updates."),
        )

    def handle(self, *args, file, dry_run, user, **options):
        author = self.find_user(user)
        data = self.read(file)
        plan = importer.plan_import(data)
        self.show(plan)
        if plan.problems:
            raise CommandError(
                ngettext(
                    "%(count)s problem in %(file)s; nothing was imported.",
                    "%(count)s problems in %(file)s; nothing was imported.",
                    len(plan.problems),
                )
                % {"count": len(plan.problems), "file": file},
                returncode=1,
            )
        if dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
            return
        try:
            summary = importer.commit_import(data, user=author, expected=plan.fingerprints())
        except importer.ImportRefused as refused:
            self.show(refused.plan)
            raise CommandError(_("The file no longer applies; nothing was imported.")) from None
        except (DatabaseError, ValidationError) as error:
            raise CommandError(
                _("The import could not be saved; nothing was written: %(error)s")
                % {"error": error}
            ) from None
        self.stdout.write(self.style.SUCCESS(_("Imported: %(summary)s") % {"summary": summary}))

    def find_user(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(_("No user named “%(name)s”.") % {"name": username}) from None

    def read(self, file):
        try:
            size = file.stat().st_size
            if size > settings.IMPORT_MAX_BYTES:
                raise CommandError(importer.too_large_message(size))
            return file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}
            ) from None

    def show(self, plan):
        out = self.stdout
        if plan.encoding:
            out.write(
                _("Read as %(encoding)s, separated by “%(delimiter)s”.")
                % {"encoding": plan.encoding, "delimiter": plan.delimiter}
            )
        for problem in plan.problems:
            out.write(self.style.ERROR(_("Problem: %(problem)s") % {"problem": problem}))
        for note in plan.notes:
            out.write(self.style.WARNING(_("Note: %(note)s") % {"note": note}))
        for row in plan.rows:
            if row.action != "unchanged":
                out.write(
                    _("Row %(row)s: %(action)s %(code)s")
                    % {"row": row.row, "action": ACTIONS[row.action], "code": row.code}
                )
                for change in row.changes:
                    out.write(f"    {change.column}: {change.old or '—'} → {change.new or '—'}")
            if row.status_update:
                update = row.status_update
                out.write(
                    _("Row %(row)s: append status update to %(code)s: %(status)s as of %(date)s")
                    % {
                        "row": row.row,
                        "code": row.code,
                        "status": update.status_label,
                        "date": update.as_of.isoformat(),
                    }
                )
        out.write(
            _(
                "%(creates)s to create, %(updates)s to update, %(appends)s status updates to "
                "append, %(unchanged)s unchanged."
            )
            % {
                "creates": len(plan.creates),
                "updates": len(plan.updates),
                "appends": len(plan.status_updates),
                "unchanged": len(plan.unchanged),
            }
        )
