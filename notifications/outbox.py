"""Queue and send: every email is written to the outbox first, then sent in batches.

Safe to repeat and to interrupt:
- A message is queued under a `key` naming what it is (this subscription's digest up to
  this moment, this user's reminder for this week), so it is queued once, whatever runs.
- A run claims a batch for a while before sending it, so two runs side by side never
  send the same message; a run that dies lets go when the claim runs out.
- `sent_at` is written as soon as the mail server has accepted a message. The only way
  to send one twice is to die between the server's "250 OK" and that write.
- A server that cannot be reached stops the run and costs no message a try: all of it
  goes on the next run. A message the server refuses is tried again on the next run,
  and given up after NOTIFICATIONS_MAX_ATTEMPTS (it stays in the admin with the reason).
"""

import contextlib
import logging
import smtplib
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import Message

logger = logging.getLogger(__name__)

# Long enough for a batch to go out over a slow server, short enough that a crashed
# run's messages go on the next scheduled run but one.
CLAIM_FOR = timedelta(minutes=10)

# The server refused this one message (its address, its content): the others may go.
MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, smtplib.SMTPSenderRefused)


def queue(*, key, kind, recipient, draft, subscription=None):
    """Store `draft` for sending, once per `key`. Returns the message, or None when a
    message with that key was already queued (by this run or another)."""
    try:
        with transaction.atomic():
            return Message.objects.create(
                key=key,
                kind=kind,
                subscription=subscription,
                recipient=recipient,
                subject=draft.subject,
                body_text=draft.text,
                body_html=draft.html,
                headers=draft.headers,
            )
    except IntegrityError:
        return None


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    given_up: int = 0
    unreachable: str = ""
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not (self.failed or self.unreachable)


def _claim(run, size, refused):
    now = timezone.now()
    # What the server refused in this run waits for the next one.
    claimable = Message.objects.claimable(now).exclude(pk__in=refused)
    wanted = list(claimable.order_by("queued_at", "pk").values_list("pk", flat=True)[:size])
    if not wanted:
        return []
    # The condition is checked again in the UPDATE: of two runs, only one gets a message.
    Message.objects.filter(pk__in=wanted).claimable(now).update(
        claimed_by=run, claimed_until=now + CLAIM_FOR
    )
    return list(Message.objects.filter(pk__in=wanted, claimed_by=run, sent_at__isnull=True))


def _release(messages):
    Message.objects.filter(pk__in=[m.pk for m in messages], sent_at__isnull=True).update(
        claimed_until=None, claimed_by=""
    )


def _email(message, connection):
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        to=[message.recipient],
        headers=message.headers,
        connection=connection,
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    return email


def _refused(message, error, report):
    attempts = message.attempts + 1
    given_up = attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS
    Message.objects.filter(pk=message.pk).update(
        attempts=attempts,
        last_error=str(error)[:2000],
        claimed_until=None,
        claimed_by="",
        given_up_at=timezone.now() if given_up else None,
    )
    report.failed += 1
    report.given_up += given_up
    report.errors.append(f"message {message.pk}: {error}")
    logger.warning(
        "Mail server refused message %s (try %s%s): %s",
        message.pk,
        attempts,
        ", given up" if given_up else "",
        error,
    )


def send_queued(*, batch_size=None, between_batches=None):
    """Send every queued message, a batch per connection; returns a SendReport.

    `between_batches` is called after each batch (the command reports progress there).
    """
    batch_size = batch_size or settings.NOTIFICATIONS_BATCH_SIZE
    run = uuid.uuid4().hex
    report = SendReport()
    refused = set()
    while batch := _claim(run, batch_size, refused):
        connection = get_connection(fail_silently=False)
        try:
            connection.open()
        except (OSError, smtplib.SMTPException) as error:
            _release(batch)
            report.unreachable = str(error) or error.__class__.__name__
            logger.error("Mail server unreachable, nothing sent this run: %s", report.unreachable)
            return report
        try:
            for position, message in enumerate(batch):
                try:
                    _email(message, connection).send()
                except MESSAGE_ERRORS as error:
                    _refused(message, error, report)
                    refused.add(message.pk)
                    continue
                except (OSError, smtplib.SMTPException) as error:
                    # The connection broke: this and the rest of the batch wait for the
                    # next run, and no message is blamed for it.
                    _release(batch[position:])
                    report.unreachable = str(error) or error.__class__.__name__
                    logger.error("Mail server lost mid-batch: %s", report.unreachable)
                    return report
                Message.objects.filter(pk=message.pk).update(
                    sent_at=timezone.now(),
                    attempts=F("attempts") + 1,
                    last_error="",
                    claimed_until=None,
                    claimed_by="",
                )
                report.sent += 1
        finally:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                connection.close()
        if between_batches:
            between_batches(report)
    return report
