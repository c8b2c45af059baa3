"""Signing up, confirming and unsubscribing: public, with no account.

The POSTs here carry no CSRF token, on purpose: the sign-up form sits on cached public
pages (a token would tie a page to one visitor), and a forged sign-up can do no more than
its author could do directly, since nothing is sent but a confirmation. Confirming and
unsubscribing are authorised by the secret token in the emailed link, not by a cookie;
RFC 8058 has mail clients POST the unsubscribe with no cookie at all.
"""

from django.conf import settings
from django.core import signing
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from recommendations.models import Organisation

from . import services
from .forms import FollowForm
from .models import Followed, Subscription
from .planning import REMINDER_SALT
from .targets import Target
from .throttle import sign_up_allowed

SAFE_AND_POST = ["GET", "HEAD", "POST"]


def _notice(request, heading, message, *, status=200, offer_follow=False):
    context = {"heading": heading, "message": message, "offer_follow": offer_follow}
    return render(request, "notifications/notice.html", context, status=status)


def _private(response):
    # Links holding a token: never stored, never indexed, never passed on as a referrer.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt
@never_cache
@require_http_methods(SAFE_AND_POST)
def follow(request):
    if request.method != "POST":
        form = FollowForm(
            initial={
                "followed": request.GET.get("followed", ""),
                "target": request.GET.get("target", ""),
                "language": translation.get_language(),
            }
        )
        context = {"form": form, "described": _described(form.initial)}
        return render(request, "notifications/follow.html", context)
    form = FollowForm(request.POST)
    if not form.is_valid():
        context = {"form": form, "described": _described(request.POST)}
        return render(request, "notifications/follow.html", context, status=400)
    if not sign_up_allowed(request):
        message = _(
            "Too many sign-ups have come from your connection in the last hour. Nothing was "
            "lost: please try again in an hour."
        )
        return _notice(request, _("Too many sign-ups"), message, status=429)
    chosen = form.cleaned_data
    services.sign_up(
        email=chosen["email"],
        followed=chosen["followed"],
        target=chosen["target"],
        language=chosen["language"],
        frequency=chosen["frequency"],
    )
    # The same answer whether or not the address already follows this (no enumeration).
    return redirect("notifications:follow_sent")


def _described(data):
    """What the form would follow, named, or "" when that is nothing on the public site."""
    followed, target = data.get("followed", ""), data.get("target", "")
    if followed not in Followed.values:
        return ""
    chosen = Target(followed, target)
    return chosen.describe() if chosen.exists() else ""


@never_cache
@require_safe
def follow_sent(request):
    days = settings.NOTIFICATIONS_CONFIRMATION_DAYS
    return render(request, "notifications/sent.html", {"days": days})


def _subscription(token):
    return Subscription.objects.filter(token=token).first()


def _gone(request):
    message = _(
        "It is not for any current subscription: it may have been cancelled already, or an "
        "unconfirmed sign-up was deleted after a week. Nothing is being sent to you from it."
    )
    heading = _("This link no longer works")
    return _private(_notice(request, heading, message, status=404, offer_follow=True))


@csrf_exempt
@never_cache
@require_http_methods(SAFE_AND_POST)
def confirm(request, token):
    subscription = _subscription(token)
    if subscription is None:
        return _gone(request)
    context = {"subscription": subscription, "followed": Target.of(subscription)}
    if request.method == "POST":
        services.confirm(subscription=subscription)
        return _private(render(request, "notifications/confirmed.html", context))
    # A button, not the link itself, confirms: mail scanners that open every link in a
    # message must not be able to confirm a sign-up nobody asked for.
    return _private(render(request, "notifications/confirm.html", context))


@csrf_exempt
@never_cache
@require_http_methods(SAFE_AND_POST)
def unsubscribe(request, token):
    subscription = _subscription(token)
    if request.method == "POST":
        # Done at once; a second POST (a mail client retrying) finds nothing and says so.
        if subscription is not None:
            services.unsubscribe(subscription=subscription)
        message = _("You will get no more of these emails. Your address has been deleted.")
        return _private(_notice(request, _("Unsubscribed"), message))
    if subscription is None:
        return _gone(request)
    context = {"subscription": subscription, "followed": Target.of(subscription)}
    return _private(render(request, "notifications/unsubscribe.html", context))


@csrf_exempt
@never_cache
@require_http_methods(SAFE_AND_POST)
def stop_reminders(request, token):
    try:
        signed = signing.loads(token, salt=REMINDER_SALT)
        body = Organisation.objects.get(pk=signed["body"])
    except (signing.BadSignature, Organisation.DoesNotExist, KeyError, TypeError):
        return _gone(request)
    stopped = _notice(
        request,
        _("Reminders stopped"),
        _(
            "No more target-date reminders go to this address. The secretariat can set a new "
            "address in the tracker."
        ),
    )
    if request.method == "POST":
        services.stop_body_reminders(organisation=body, email=signed["email"])
        return _private(stopped)
    # Already stopped, or another address set since: nothing goes to this one either way.
    if body.reminder_email.lower() != str(signed["email"]).lower():
        return _private(stopped)
    return _private(render(request, "notifications/stop_reminders.html", {"body": body}))
