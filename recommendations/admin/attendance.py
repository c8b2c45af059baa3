"""Who attended a meeting, in what role: the inline shown on a meeting and on a person."""

from django.contrib import admin

from recommendations.admin.forms import (
    DateHelpMixin,
    InlineChoicesForm,
    LoadedAutocompleteSelect,
    NamedInlineFormSet,
)
from recommendations.models import (
    Attendance,
)


class AttendanceInline(DateHelpMixin, admin.TabularInline):
    """Who attended a meeting, in what role. One query for all rows, however many."""

    model = Attendance
    form = InlineChoicesForm
    formset = NamedInlineFormSet
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("workshop", "participant")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                LoadedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class WorkshopAttendanceInline(AttendanceInline):
    autocomplete_fields = ("participant",)
    # A meeting's attendees are entered together: rows ready for several at once.
    extra = 3


class ParticipantAttendanceInline(AttendanceInline):
    autocomplete_fields = ("workshop",)
