"""Load a backup_data file into a migrated database, all of it or nothing.

The database must hold no tracker data (a fresh `migrate`), or --flush must say to empty it
first: a restore never merges a backup into live records.
"""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from recommendations.management.language import TranslatedCommand
from recommendations.models import Organisation, PolicyArea, Recommendation, Workshop


def holds_data():
    models = (get_user_model(), Recommendation, Workshop, Organisation, PolicyArea)
    return any(model._base_manager.exists() for model in models)


class Command(TranslatedCommand):
    help = gettext_lazy("Restore a backup written by backup_data into an empty, migrated database.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("A file written by backup_data (.json or .json.gz)."))
        parser.add_argument(
            "--flush",
            action="store_true",
            help=_("Delete everything in the database first (it cannot be undone)."),
        )

    def handle(self, *args, file, flush=False, **options):
        if not flush and holds_data():
            raise CommandError(
                _(
                    "The database already holds data. Restore into a freshly migrated database, "
                    "or add --flush to delete everything in it first."
                )
            )
        with transaction.atomic():
            if flush:
                call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", file, verbosity=0)
        self.stdout.write(_("Restored %(file)s") % {"file": file})
