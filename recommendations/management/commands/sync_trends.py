from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from recommendations.management.language import TranslatedCommand
from recommendations.reporting import trend_steps


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Bring the kept monthly trend figures up to date with every write since they were "
        "last read (pages do this themselves; the container runs it on start so that the "
        "first visitor after an upgrade does not wait). With --rebuild, recompute them all "
        "from the status log, after data was written around the audit trail."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help=_("Recompute every figure from the log.")
        )

    def handle(self, *args, rebuild=False, verbosity=1, **options):
        if rebuild:
            trend_steps.rebuild()
        else:
            trend_steps.sync()
        if verbosity:
            self.stdout.write(_("Trend figures are up to date."))
