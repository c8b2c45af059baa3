"""Participants: the people who attend meetings (never shown on the public site)."""

from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR

from recommendations.admin.attendance import ParticipantAttendanceInline
from recommendations.admin.common import ProtectedDeleteMixin
from recommendations.admin.history import AuditedAdmin
from recommendations.admin.spreadsheet import (
    export_participants_csv,
)
from recommendations.models import (
    Participant,
)


@admin.register(Participant)
class ParticipantAdmin(ProtectedDeleteMixin, AuditedAdmin):
    list_display = ("name", "organisation", "email")
    list_filter = ("organisation__country",)
    list_select_related = ("organisation",)
    search_fields = ("name", "email", "organisation__name", "organisation__short_name")
    autocomplete_fields = ("organisation",)
    inlines = (ParticipantAttendanceInline,)
    actions = (export_participants_csv,)

    def get_inlines(self, request, obj):
        # In the pop-up opened from a meeting's attendee row, the meeting is the one being
        # edited (and may not be saved yet): its own attendance rows would only confuse.
        if IS_POPUP_VAR in request.GET or IS_POPUP_VAR in request.POST:
            return ()
        return super().get_inlines(request, obj)
