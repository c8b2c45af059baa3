"""`manage.py seed_demo`: load the demo dialogue (recommendations.demo.loading).

Safe to run again: a second run writes nothing.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from recommendations.demo.loading import load_demo
from recommendations.management.language import TranslatedCommand
from recommendations.models import (
    Attendance,
    Organisation,
    Participant,
    PolicyArea,
    Recommendation,
    StatusUpdate,
    Workshop,
)


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Load the demo Australia-Japan dialogue: policy areas, organisations, meetings, "
        "fictional participants, recommendations and their status histories. "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options):
        tally = load_demo()
        totals = _(", ").join(
            _("%(count)s %(things)s")
            % {"count": model.objects.count(), "things": model._meta.verbose_name_plural}
            for model in (
                PolicyArea,
                Organisation,
                Workshop,
                Participant,
                Attendance,
                Recommendation,
                StatusUpdate,
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo data: %(created)s created, %(updated)s updated, %(unchanged)s "
                    "unchanged (%(totals)s)."
                )
                % {**tally, "totals": totals}
            )
        )
