from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from notifications.outbox import send_queued
from notifications.planning import plan_digests, plan_reminders
from notifications.services import forget_stale
from recommendations.management.language import TranslatedCommand


class Command(TranslatedCommand):
    help = gettext_lazy(
        "Send every email that is due: confirmations, digests and the weekly reminders. "
        "Safe to run as often as you like, and to run again after a failure: nothing is "
        "sent twice and nothing is skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=None,
            help=_("Messages per mail-server connection (default NOTIFICATIONS_BATCH_SIZE)."),
        )

    def handle(self, *args, batch_size=None, verbosity=1, **options):
        if batch_size is not None and batch_size < 1:
            raise CommandError(_("--batch-size must be at least 1."))
        now = timezone.now()
        expired = forget_stale(now=now)
        digests = plan_digests(now=now, batch_size=batch_size or 500)
        reminders = plan_reminders(now=now)

        def progress(report):
            if verbosity > 1:
                self.stdout.write(_("… %(sent)s sent so far") % {"sent": report.sent})

        report = send_queued(batch_size=batch_size, between_batches=progress)
        if verbosity:
            self.stdout.write(
                _(
                    "Queued %(digests)s digests and %(reminders)s reminders; sent %(sent)s "
                    "messages; %(failed)s refused by the mail server; %(expired)s unconfirmed "
                    "sign-ups deleted."
                )
                % {
                    "digests": digests,
                    "reminders": reminders,
                    "sent": report.sent,
                    "failed": report.failed,
                    "expired": expired,
                }
            )
        if report.unreachable:
            raise CommandError(
                _(
                    "The mail server could not be reached (%(error)s). What was not sent stays "
                    "queued and goes on the next run."
                )
                % {"error": report.unreachable}
            )
        if report.failed:
            raise CommandError(
                _("The mail server refused %(count)s messages; they are tried again next run.")
                % {"count": report.failed}
            )
