"""The whole implementation log: browse it, add to it, never change or delete it."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from recommendations.admin.common import TITLE_CHARACTERS, status_feedback
from recommendations.admin.forms import (
    STATUS_UPDATE_FIELDS,
    StatusUpdateForm,
)
from recommendations.admin.history import AuditedAdmin
from recommendations.models import (
    StatusUpdate,
)
from recommendations.services import record_status_update


@admin.register(StatusUpdate)
class StatusUpdateAdmin(AuditedAdmin):
    """The whole implementation log: browse it, add to it, never change or delete it."""

    form = StatusUpdateForm
    fields = ("recommendation", *STATUS_UPDATE_FIELDS, "recorded_by", "recorded_at")
    readonly_fields = ("recorded_by", "recorded_at")
    list_display = ("as_of", "recommendation_code", "status", "short_summary", "recorded_by")
    list_display_links = ("as_of", "recommendation_code")
    list_filter = ("status",)
    list_select_related = ("recommendation", "recorded_by")
    search_fields = (
        "recommendation__code",
        "recommendation__title",
        "recommendation__title_ja",
        "summary",
        "summary_ja",
    )
    date_hierarchy = "as_of"
    autocomplete_fields = ("recommendation",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("recommendation"), ordering="recommendation__code")
    def recommendation_code(self, update):
        recommendation = update.recommendation
        return format_html('<span title="{}">{}</span>', recommendation.title, recommendation.code)

    @admin.display(description=_("public summary"))
    def short_summary(self, update):
        return Truncator(update.summary or update.summary_ja).chars(TITLE_CHARACTERS * 2)

    def save_model(self, request, obj, form, change):
        update = record_status_update(
            recommendation=obj.recommendation,
            recorded_by=request.user,
            **{name: form.cleaned_data[name] for name in STATUS_UPDATE_FIELDS},
        )
        # The admin goes on to log and redirect to `obj`: let it be the saved entry.
        obj.pk, obj.recorded_by, obj.recorded_at = update.pk, update.recorded_by, update.recorded_at
        obj._state = update._state
        self.message_user(request, *reversed(status_feedback(update)))
