"""The emails themselves: subject, plain text and HTML, in the recipient's language.

Each builder returns a `Draft`; outbox.queue() stores it. Links are absolute (SITE_URL),
since a command run by cron has no request to build them from. No images, no tracking:
the HTML part is the text part with links, readable on a phone.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

from .targets import Target


@dataclass
class Draft:
    subject: str
    text: str
    html: str
    headers: dict = field(default_factory=dict)


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def unsubscribe_url(subscription):
    with translation.override(subscription.language):
        return absolute(reverse("notifications:unsubscribe", args=[subscription.token]))


def _render(template, context, language):
    """(text, HTML fragment) of one language's part of an email."""
    context = {**context, "site_url": settings.SITE_URL, "language": language}
    text = render_to_string(f"notifications/email/{template}.txt", context)
    html = render_to_string(f"notifications/email/{template}.html", context)
    return text.strip() + "\n", html


def _document(subject, parts):
    """The HTML part: one page holding each (language, fragment) part in turn."""
    return render_to_string(
        "notifications/email/layout.html",
        {"subject": subject, "parts": parts, "language": parts[0][0]},
    )


def _subscriber_headers(subscription):
    # RFC 8058: a mail client's "Unsubscribe" button POSTs to this address, no login needed.
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def confirmation(subscription):
    target = Target.of(subscription)
    with translation.override(subscription.language):
        context = {
            "subscription": subscription,
            "followed": target.describe(),
            "page_url": absolute(target.page_url()),
            "confirm_url": absolute(reverse("notifications:confirm", args=[subscription.token])),
            "unsubscribe_url": unsubscribe_url(subscription),
            "days": settings.NOTIFICATIONS_CONFIRMATION_DAYS,
            "frequency": subscription.get_frequency_display().lower(),
        }
        subject = gettext("Confirm your email updates from the Track 1.5 tracker")
        text, html = _render("confirmation", {**context, "subject": subject}, subscription.language)
        html = _document(subject, [(subscription.language, html)])
    return Draft(subject, text, html, _subscriber_headers(subscription))


@dataclass
class DigestEntry:
    code: str
    title: str
    status: str
    as_of: object
    summary: str
    url: str


def digest(subscription, updates, *, more=0):
    """The public status updates recorded since the last digest, newest last."""
    target = Target.of(subscription)
    with translation.override(subscription.language):
        entries = [
            DigestEntry(
                code=update.recommendation.code,
                title=update.recommendation.localized.title,
                status=update.get_status_display(),
                as_of=update.as_of,
                summary=update.localized.summary,
                url=absolute(f"{update.recommendation.get_absolute_url()}#update-{update.pk}"),
            )
            for update in updates
        ]
        count = len(entries) + more
        subject = ngettext(
            "%(count)s new status update: %(followed)s",
            "%(count)s new status updates: %(followed)s",
            count,
        ) % {"count": count, "followed": target.describe()}
        feed = target.feed_url()
        context = {
            "subject": subject,
            "followed": target.describe(),
            "entries": entries,
            "more": more,
            "page_url": absolute(target.page_url()),
            "feed_url": absolute(feed) if feed else "",
            "unsubscribe_url": unsubscribe_url(subscription),
            "frequency": subscription.get_frequency_display().lower(),
        }
        text, html = _render("digest", context, subscription.language)
        html = _document(subject, [(subscription.language, html)])
    # Subjects are one line of at most 300 characters, whatever a filter's name.
    return Draft(" ".join(subject.split())[:300], text, html, _subscriber_headers(subscription))


def reminder(chase, *, languages, unsubscribe=None, staff=False):
    """The chase list (reminders.ChaseList) in each of `languages`, one after the other.

    The secretariat works in both languages and has no language of its own in the
    tracker, so its reminder carries both; a body's contact gets its own language.
    """
    texts, htmls, subjects = [], [], []
    for language in languages:
        with translation.override(language):
            subject = gettext(
                "Target dates to chase: %(overdue)s overdue, %(due)s due within %(days)s days"
            ) % {"overdue": chase.overdue_count, "due": chase.due_count, "days": chase.days}
            context = {
                "subject": subject,
                "chase": chase,
                "groups": chase.groups(language),
                "staff": staff,
                "list_url": absolute(reverse("recommendations:recommendation_list") + "?overdue=1"),
                "unsubscribe_url": unsubscribe,
            }
            text, html = _render("reminder", context, language)
        texts.append(text)
        htmls.append((language, html))
        subjects.append(subject)
    headers = {"Auto-Submitted": "auto-generated"}
    if unsubscribe:
        headers |= {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    subject = " / ".join(subjects)[:300]
    return Draft(
        subject,
        "\n\n----------------------------------------\n\n".join(texts),
        _document(subject, htmls),
        headers,
    )
