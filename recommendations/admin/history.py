"""The audit trail in the admin: who changed what and when, read-only, deleted records too.

Each edited model's admin is an AuditedAdmin, whose "History" page lists every version of
the record with its author and a field-by-field diff. Every historical table also has a
read-only list of its own ("Audit trail: …"), so the history of a deleted record, or of a
link row such as a recommendation's policy area, can still be found.
"""

import dataclasses
import datetime

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from recommendations.admin.forms import DateHelpMixin
from recommendations.models import (
    Attendance,
    Organisation,
    Participant,
    PolicyArea,
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
    Workshop,
)

AUDITED_MODELS = (
    Recommendation,
    StatusUpdate,
    Workshop,
    Organisation,
    Participant,
    Attendance,
    PolicyArea,
    RecommendationArea,
    RaisedAt,
    ResponsibleBody,
)


# Bookkeeping fields every save moves: a version that changed only these changed nothing
# an officer needs to read.
BOOKKEEPING = {"updated_at", "version"}


def readable(field, value):
    """A stored value as an officer reads it: labels, yes/no, dates in the admin's format."""
    if value is None or value == "":
        return "–"
    if getattr(field, "flatchoices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    return str(value)


def is_valid_key(model, value):
    """Whether an id taken from an address could be a row's (not text where a number goes)."""
    try:
        model._meta.pk.to_python(unquote(str(value)))
    except ValidationError:
        return False
    return True


def require_valid_key(model, value):
    """404 for an address whose id could not be any row's."""
    if not is_valid_key(model, value):
        raise Http404


class ReadableChanges(HistoricalRecordContextHelper):
    def context_for_delta_changes(self, delta):
        # A save that moved only bookkeeping fields leaves no change to show (no empty row).
        changes = [change for change in delta.changes if change.field not in BOOKKEEPING]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=changes))

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        return readable(field, super().prepare_delta_change_value(change, value))


class AuditedAdmin(DateHelpMixin, SimpleHistoryAdmin):
    """A ModelAdmin whose History page shows the audit trail; past versions are only shown.

    The trail is a record, not an undo button: a correction is a new edit, itself recorded
    (settings.SIMPLE_HISTORY_REVERT_DISABLED hides the revert button; this refuses the POST).
    Values read as on the record's own page (labels, dates), and a version is text.
    """

    object_history_list_template = "admin/audit_history_list.html"
    object_history_form_template = "admin/audit_history_version.html"

    def history_view(self, request, object_id, extra_context=None):
        require_valid_key(self.model, object_id)
        context = {**self.history_context(object_id), **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def history_context(self, object_id):
        """More for a record's History page (`object_id` is a valid key)."""
        return {}

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        require_valid_key(self.model, object_id)
        require_valid_key(self.model.history.model, version_id)
        version = get_object_or_404(self.model.history, pk=version_id)
        fields = [
            (capfirst(field.verbose_name), readable(field, getattr(version, field.attname)))
            for field in self.model._meta.concrete_fields
            if field.name not in BOOKKEEPING
            and not field.primary_key
            and not isinstance(field, models.ForeignKey)
        ]
        fields += [
            (capfirst(field.verbose_name), readable(field, getattr(version, field.name)))
            for field in self.model._meta.concrete_fields
            if isinstance(field, models.ForeignKey)
        ]
        context = {**(extra_context or {}), "version": version, "version_fields": fields}
        return super().history_form_view(request, object_id, version_id, context)


class AuditTrailAdmin(admin.ModelAdmin):
    """Read-only list of one historical table, for people with its view permission."""

    list_display = ("history_date", "history_type", "record", "history_user", "reason")
    list_filter = ("history_type", "history_date")
    date_hierarchy = "history_date"
    search_fields = ("history_change_reason", "history_user__username")
    list_per_page = 50

    def get_list_select_related(self, request):
        related = [
            field.name
            for field in self.model._meta.fields
            if field.is_relation and field.name != "history_user"
        ]
        return ["history_user", *related]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("record"))
    def record(self, entry):
        instance = entry.instance
        # Hand the rows joined by get_list_select_related() to the rebuilt instance, so
        # naming it (e.g. "area at meeting") costs no query per row.
        for name, related in entry._state.fields_cache.items():
            if name != "history_user":
                instance._state.fields_cache[name] = related
        try:
            label = str(instance)
        except ObjectDoesNotExist:  # a link to a row deleted since
            label = f"#{entry.id}"
        try:
            url = reverse(
                f"admin:{entry.instance_type._meta.app_label}_"
                f"{entry.instance_type._meta.model_name}_history",
                args=[entry.id],
            )
        except NoReverseMatch:  # link rows have no admin page of their own
            return label
        return format_html('<a href="{}">{}</a>', url, label)

    @admin.display(description=_("change reason"), ordering="history_change_reason")
    def reason(self, entry):
        return entry.history_change_reason or ""


for audited in AUDITED_MODELS:
    admin.site.register(audited.history.model, AuditTrailAdmin)
