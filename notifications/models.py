"""Who follows what by email, and every message the tracker has queued or sent.

A subscriber's address is personal data: it is shown to the Secretariat in the admin and
nowhere else, and it goes (with every message to it) when the subscription is deleted.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    # 256 bits: the token is the subscriber's only key (no account), sent in every email.
    return secrets.token_urlsafe(32)


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


FREQUENCY_PERIOD = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}


class Followed(models.TextChoices):
    """What a subscription follows; `Subscription.target` says which one."""

    LIST = "list", _("A filtered list")
    AREA = "area", _("A policy area")
    BODY = "body", _("A responsible body")
    RECOMMENDATION = "recommendation", _("One recommendation")


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)

    def digest_due(self, now):
        return self.confirmed().filter(next_digest_at__lte=now)

    def expired_sign_ups(self, now):
        days = settings.NOTIFICATIONS_CONFIRMATION_DAYS
        return self.unconfirmed().filter(created_at__lt=now - timedelta(days=days))


class Subscription(models.Model):
    email = models.EmailField(_("email address"))
    followed = models.CharField(_("follows"), max_length=16, choices=Followed.choices)
    # The list's query string, an area's or a body's slug, or a recommendation's code.
    target = models.CharField(_("what exactly"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    frequency = models.CharField(
        _("how often"), max_length=8, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # Updates recorded up to this moment have been put in a digest (or there were none).
    covered_until = models.DateTimeField(_("digests cover updates until"), null=True, blank=True)
    next_digest_at = models.DateTimeField(_("next digest due"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("email subscription")
        verbose_name_plural = _("email subscriptions")
        ordering = ["-created_at"]
        constraints = [
            # One subscription per address and thing followed: signing up again changes
            # nothing that was confirmed, and sends nothing new.
            models.UniqueConstraint(
                fields=["email", "followed", "target"], name="one_subscription_per_target"
            )
        ]
        indexes = [models.Index(fields=["next_digest_at"], name="subscription_digest_due")]

    def __str__(self):
        return f"{self.email}: {self.get_followed_display()} {self.target}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class MessageKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Confirmation")
    DIGEST = "digest", _("Digest")
    REMINDER = "reminder", _("Reminder")


class MessageQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True, given_up_at__isnull=True)

    def claimable(self, now):
        return self.unsent().filter(
            models.Q(claimed_until__isnull=True) | models.Q(claimed_until__lt=now)
        )


class Message(models.Model):
    """One email, written when it fell due and sent by `send_notifications`.

    Writing the whole message first (the outbox) is what makes sending safe to repeat:
    the `key` says which digest or reminder this is, so it is queued once; `sent_at` is
    set as soon as the mail server accepts it, so a later run sends only what is left.
    """

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=MessageKind.choices)
    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
    )
    recipient = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("plain text"))
    body_html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(default=dict, blank=True)
    queued_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    given_up_at = models.DateTimeField(_("given up"), null=True, blank=True)
    # A run sending this message holds it until then; a run that died lets it go by itself.
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_by = models.CharField(max_length=64, blank=True, editable=False)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("email message")
        verbose_name_plural = _("email messages")
        ordering = ["-queued_at"]
        indexes = [
            models.Index(
                fields=["queued_at"],
                name="message_unsent",
                condition=models.Q(sent_at__isnull=True, given_up_at__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.recipient}: {self.subject}"
