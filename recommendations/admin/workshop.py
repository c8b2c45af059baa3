"""Meetings (workshops, dialogues), with their attendees, and a link to add a
recommendation raised at one."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from recommendations.admin.attendance import WorkshopAttendanceInline
from recommendations.admin.common import ProtectedDeleteMixin, add_recommendation_url
from recommendations.admin.history import AuditedAdmin, is_valid_key
from recommendations.admin.spreadsheet import (
    export_attendance_csv,
)
from recommendations.models import (
    Recommendation,
    Workshop,
)


@admin.register(Workshop)
class WorkshopAdmin(ProtectedDeleteMixin, AuditedAdmin):
    list_display = ("title", "kind", "start_date", "city", "host")
    list_filter = ("kind", "country")
    list_select_related = ("host",)
    search_fields = ("title", "title_ja", "city", "slug")
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("host",)
    inlines = (WorkshopAttendanceInline,)
    actions = (export_attendance_csv,)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # An address that names no meeting gets the admin's own answer, not our link.
        if not is_valid_key(self.model, object_id):
            return super().change_view(request, object_id, form_url, extra_context)
        # "Add recommendation raised here": the add form with this meeting chosen and the
        # code after the last one raised here suggested.
        latest = (
            Recommendation.objects.filter(workshops__pk=object_id)
            .order_by("-code")
            .values_list("code", flat=True)
            .first()
        )
        add_here = add_recommendation_url([object_id], after_code=latest)
        return super().change_view(
            request, object_id, form_url, {**(extra_context or {}), "add_here_url": add_here}
        )

    fieldsets = (
        (None, {"fields": ("kind", ("title", "title_ja"), "slug", "city", "country", "host")}),
        (_("Dates"), {"fields": ("start_date", "end_date")}),
        (_("Public summary"), {"fields": (("summary", "summary_ja"),)}),
        (_("Secretariat only"), {"fields": ("private_notes",)}),
    )
