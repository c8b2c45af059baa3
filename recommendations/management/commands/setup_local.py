"""`manage.py setup_local`: what `make run` does before serving, quietly.

Brings the database up to date and loads the demo, one summary line each, then creates the
local admin account and prints its password box last, so it is the final thing on screen
before the development server's own lines (or, on later runs, how to reset it).
"""

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from recommendations.management.language import TranslatedCommand


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Prepare the local demo: migrate, load the demo data, create the local admin."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000/admin/", help=_("Where to sign in.")
        )

    def handle(self, *args, url, **options):
        executor = MigrationExecutor(connection)
        pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
        call_command("migrate", interactive=False, verbosity=0)
        database = connection.settings_dict["NAME"]
        self.stdout.write(
            ngettext(
                "Database %(name)s: %(count)s migration applied.",
                "Database %(name)s: %(count)s migrations applied.",
                pending,
            )
            % {"name": database, "count": pending}
            if pending
            else _("Database %(name)s: up to date.") % {"name": database}
        )
        call_command("seed_demo", stdout=self.stdout)
        call_command("create_local_admin", url=url, stdout=self.stdout)
