"""What falls due on a run of send_notifications: digests and the weekly reminders.

Each digest is planned in its own transaction that queues the message and moves the
subscription on together, so a run that dies halfway leaves each subscription either
done or untouched, and the next run picks up exactly where it stopped.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from recommendations.choices import Country
from recommendations.models import Organisation, StatusUpdate

from . import messages
from .models import FREQUENCY_PERIOD, Message, MessageKind, Subscription
from .outbox import queue
from .reminders import ChaseList
from .targets import Target

# A digest lists this many updates and counts the rest ("and 12 more").
DIGEST_ENTRIES = 100
SECRETARIAT = "Secretariat"
REMINDER_SALT = "notifications.body-reminders"


def _plan_digest(pk, now):
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update().digest_due(now).filter(pk=pk).first()
        )
        if subscription is None:  # another run has done it, or it was cancelled
            return False
        followed = Target.of(subscription).recommendations().order_by().values("pk")
        updates = (
            StatusUpdate.objects.filter(
                recommendation__in=followed,
                recorded_at__gt=subscription.covered_until,
                recorded_at__lte=now,
            )
            .select_related("recommendation")
            .order_by("recorded_at", "pk")
        )
        found = list(updates[: DIGEST_ENTRIES + 1])
        if found:
            more = updates.count() - DIGEST_ENTRIES if len(found) > DIGEST_ENTRIES else 0
            queue(
                key=f"digest:{subscription.pk}:{now.isoformat()}",
                kind=MessageKind.DIGEST,
                recipient=subscription.email,
                subscription=subscription,
                draft=messages.digest(subscription, found[:DIGEST_ENTRIES], more=more),
            )
        subscription.covered_until = now
        subscription.next_digest_at = now + FREQUENCY_PERIOD[subscription.frequency]
        subscription.save(update_fields=["covered_until", "next_digest_at"])
    return bool(found)


def plan_digests(*, now, batch_size):
    """Queue every digest due by `now` (none where nothing matched); returns how many."""
    queued, after = 0, 0
    while True:
        due = list(
            Subscription.objects.digest_due(now)
            .filter(pk__gt=after)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not due:
            return queued
        queued += sum(_plan_digest(pk, now) for pk in due)
        after = due[-1]


def body_reminder_stop_url(organisation):
    token = signing.dumps(
        {"body": organisation.pk, "email": organisation.reminder_email}, salt=REMINDER_SALT
    )
    return messages.absolute(reverse("notifications:stop_reminders", args=[token]))


def reminder_week(now):
    """The ISO week ("2026-W48") whose reminders are due at `now`, or None before the
    weekday they go out on."""
    today = timezone.localdate(now)
    if today.weekday() < settings.NOTIFICATIONS_REMINDER_WEEKDAY:
        return None
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def plan_reminders(*, now):
    """Queue this week's chase lists not yet queued; returns how many."""
    week = reminder_week(now)
    if week is None:
        return 0
    today = timezone.localdate(now)
    queued = 0
    staff = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=SECRETARIAT)
        .exclude(email="")
        .order_by("pk")
        .distinct()
    )
    staff_draft = None
    for user in staff:
        key = f"reminder:user:{user.pk}:{week}"
        if Message.objects.filter(key=key).exists():
            continue
        if staff_draft is None:
            chase = ChaseList(today, include_drafts=True)
            if not chase:
                break
            languages = [code for code, _name in settings.LANGUAGES]
            staff_draft = messages.reminder(chase, languages=languages, staff=True)
        queued += bool(
            queue(key=key, kind=MessageKind.REMINDER, recipient=user.email, draft=staff_draft)
        )
    for body in Organisation.objects.exclude(reminder_email="").order_by("pk"):
        key = f"reminder:body:{body.pk}:{week}"
        if Message.objects.filter(key=key).exists():
            continue
        chase = ChaseList(today, include_drafts=False, body=body)
        if not chase:
            continue
        language = "ja" if body.country == Country.JAPAN else "en"
        draft = messages.reminder(
            chase, languages=[language], unsubscribe=body_reminder_stop_url(body)
        )
        queued += bool(
            queue(key=key, kind=MessageKind.REMINDER, recipient=body.reminder_email, draft=draft)
        )
    return queued
