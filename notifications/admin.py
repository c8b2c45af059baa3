"""Subscribers and the outbox, for the Secretariat only (migration 0002 grants it).

Subscribers' addresses are personal data: they can be looked at and deleted here, never
edited (a changed address would receive mail it never confirmed) and never added.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Message, Subscription
from .services import try_given_up_again
from .targets import Target


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Confirmed")), ("no", _("Waiting for confirmation"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.confirmed()
        if self.value() == "no":
            return queryset.unconfirmed()
        return queryset


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnlyAdmin):
    list_display = ("email", "what", "frequency", "language", "confirmed_at", "created_at")
    list_filter = (ConfirmedFilter, "followed", "frequency", "language")
    search_fields = ("email",)
    date_hierarchy = "created_at"
    fields = (
        "email",
        "followed",
        "target",
        "what",
        "frequency",
        "language",
        "created_at",
        "confirmed_at",
        "covered_until",
        "next_digest_at",
    )

    @admin.display(description=_("what is followed"))
    def what(self, obj):
        return Target.of(obj).describe()


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ("subject", "recipient", "kind", "queued_at", "sent_at", "attempts", "state")
    list_filter = ("kind", ("sent_at", admin.EmptyFieldListFilter), "given_up_at")
    search_fields = ("recipient", "subject")
    date_hierarchy = "queued_at"
    actions = ["try_again"]
    fields = (
        "kind",
        "recipient",
        "subject",
        "queued_at",
        "sent_at",
        "attempts",
        "last_error",
        "given_up_at",
        "body_text",
    )

    @admin.display(description=_("state"))
    def state(self, obj):
        if obj.sent_at:
            return _("Sent")
        if obj.given_up_at:
            return _("Given up")
        if obj.last_error:
            return _("Waiting to be tried again")
        return _("Queued")

    @admin.action(description=_("Try the selected given-up messages again on the next run"))
    def try_again(self, request, queryset):
        count = try_given_up_again(messages=queryset)
        self.message_user(request, _("%(count)s messages will be tried again.") % {"count": count})

    def get_actions(self, request):
        # The action changes the outbox: only for those who may delete from it.
        actions = super().get_actions(request)
        if not self.has_delete_permission(request):
            actions.pop("try_again", None)
        return actions
