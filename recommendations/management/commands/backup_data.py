"""Write the whole database to one compressed JSON file: every record, the audit trail
(history tables and the admin's log), users and groups. Restore with restore_data.

Left out, because a fresh migrate recreates them or they are transient: content types,
permissions, sessions and the sign-in throttling records.
"""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from recommendations.management.language import TranslatedCommand

EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]


def default_path():
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BASE_DIR) / "var" / "backups" / f"tracker-{stamp}.json.gz"


class Command(TranslatedCommand):
    help = gettext_lazy("Back up the whole database, history included, to a .json.gz file.")

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            help=_("Where to write (default var/backups/tracker-<time>.json.gz)."),
        )

    def handle(self, *args, file=None, **options):
        path = Path(file) if file else default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        # Natural keys for users, groups and content types: the file restores into any
        # freshly migrated database, whatever ids those rows got there.
        call_command(
            "dumpdata",
            natural_foreign=True,
            natural_primary=True,
            use_base_manager=True,
            exclude=EXCLUDED,
            output=str(path),
            verbosity=0,
        )
        self.stdout.write(_("Backed up to %(path)s") % {"path": path})
