"""The secretariat's workplace: every model of the tracker, edited in the Django admin.

Who may do what is decided by permissions alone (the Secretariat group,
created by migration 0002); a staff account outside the group sees nothing.
"""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import PermissionDenied
from django.db import router
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from recommendations.admin.forms import (
    RELATION_FIELDS,
    STATUS_UPDATE_FIELDS,
    DateHelpMixin,
    InlineChoicesForm,
    LoadedAutocompleteSelect,
    NamedInlineFormSet,
    RecommendationAdminForm,
    StatusUpdateForm,
)
from recommendations.admin.history import AuditedAdmin, is_valid_key, require_valid_key
from recommendations.admin.spreadsheet import (
    export_attendance_csv,
    export_participants_csv,
    export_recommendations_csv,
    export_recommendations_report,
    export_recommendations_workbook,
    import_urls,
)
from recommendations.locking import VersionedAdminMixin, bump_version
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
from recommendations.public.views import render_recommendation
from recommendations.services import record_status_update

# Link rows whose own name says nothing useful ("Raised at: <the workshop being deleted>"):
# when one blocks a delete, the officer needs to know which recommendation holds on.
LINK_MODELS = (RecommendationArea, RaisedAt, ResponsibleBody)
# Characters of a title a changelist row shows before "…" (the rest is on hover).
TITLE_CHARACTERS = 60


def blocking_records(protected):
    """The records behind the protected rows, a link row standing for its recommendation."""
    links = {obj.recommendation_id for obj in protected if isinstance(obj, LINK_MODELS)}
    others = {obj for obj in protected if not isinstance(obj, LINK_MODELS)}
    records = [*Recommendation.objects.filter(pk__in=links), *others]
    return sorted(records, key=lambda obj: (str(obj._meta.verbose_name), str(obj)))


def describe(obj):
    label = capfirst(obj._meta.verbose_name)
    if not admin.site.is_registered(type(obj)):
        return f"{label}: {obj}"
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('{}: <a href="{}">{}</a>', label, url, obj)


def status_feedback(update):
    """(message level, text): what the current status is after recording `update`, and why."""
    log = update.recommendation.status_updates.newest_first()
    current = log.only("pk", "status", "as_of").first()
    params = {
        "code": update.recommendation.code,
        "status": update.get_status_display(),
        "date": date_format(update.as_of, "DATE_FORMAT"),
    }
    if current.pk != update.pk:
        params.update(
            current=current.get_status_display(),
            newer=date_format(current.as_of, "DATE_FORMAT"),
        )
        return messages.WARNING, _(
            "%(code)s stays %(current)s: a newer update, dated %(newer)s, still sets the "
            "current status. This one (%(status)s) joins the history at %(date)s."
        ) % params
    text = _("%(code)s is now %(status)s, as of %(date)s.") % params
    if log.filter(as_of=update.as_of).exclude(pk=update.pk).exists():
        text += " " + (
            _(
                "Another update has the same as-of date: of two updates on one day, the one "
                "recorded last (this one) sets the current status."
            )
        )
        return messages.WARNING, text
    return messages.SUCCESS, text


def add_recommendation_url(workshop_ids, *, after_code):
    """The add form with these meetings chosen and the first free code after `after_code`."""
    query = {"raised_at": ",".join(str(pk) for pk in workshop_ids)}
    if code := Recommendation.objects.next_free_code(after_code):
        query["code"] = code
    return reverse("admin:recommendations_recommendation_add") + "?" + urlencode(query)


RELATED_HISTORY_LENGTH = 200


def related_history(recommendation_id):
    """[{when, what, who, reason}], newest first: status updates and link changes of one
    recommendation, from the audit trail (a fixed number of queries)."""
    entries = []
    updates = StatusUpdate.history.filter(recommendation_id=recommendation_id)
    for record in updates.select_related("history_user").order_by("-history_date")[
        :RELATED_HISTORY_LENGTH
    ]:
        text = _("Status update recorded: %(status)s as of %(date)s") % {
            "status": record.get_status_display(),
            "date": date_format(record.as_of, "DATE_FORMAT"),
        }
        summary = record.summary or record.summary_ja
        entries.append((record, f"{text}. {Truncator(summary).chars(120)}" if summary else text))
    for model, target, added, removed in (
        (
            RecommendationArea,
            "area",
            _("Policy area added: %(name)s"),
            _("Policy area removed: %(name)s"),
        ),
        (RaisedAt, "workshop", _("Meeting added: %(name)s"), _("Meeting removed: %(name)s")),
        (
            ResponsibleBody,
            "organisation",
            _("Responsible body added: %(name)s"),
            _("Responsible body removed: %(name)s"),
        ),
    ):
        links = model.history.filter(recommendation_id=recommendation_id).exclude(history_type="~")
        for record in links.select_related("history_user", target).order_by("-history_date")[
            :RELATED_HISTORY_LENGTH
        ]:
            name = getattr(record, target, None) or f"#{getattr(record, target + '_id')}"
            entries.append(
                (record, (added if record.history_type == "+" else removed) % {"name": name})
            )
    entries.sort(key=lambda pair: pair[0].history_date, reverse=True)
    return [
        {
            "when": date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT"),
            "what": what,
            "who": record.history_user,
            "reason": record.history_change_reason,
        }
        for record, what in entries[:RELATED_HISTORY_LENGTH]
    ]


class ProtectedDeleteMixin:
    """Name the records that block a delete (PROTECT) rather than the link rows between them.

    Django refuses the delete either way (single delete view and bulk action);
    this only makes the refusal page point at what to deal with first. Django
    also counts the protected rows as "needing delete permission" (nobody may
    delete a status update) and would show that instead of the real reason.
    """

    def get_deleted_objects(self, objs, request):
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            collector = NestedObjects(using=router.db_for_write(self.model))
            collector.collect(objs)
            protected = [describe(obj) for obj in blocking_records(collector.protected)]
            perms_needed = set()
        return to_delete, counts, perms_needed, protected


# Officers should see whose workplace this is, not the framework's name.
admin.site.site_header = _("Track 1.5 Recommendations Tracker")
admin.site.site_title = _("Track 1.5 Tracker admin")
admin.site.index_title = _("Secretariat workplace")
# "View site" opens the public site in the admin's language (/ja/ from /ja/admin/).
admin.site.site_url = reverse_lazy("recommendations:dashboard")
# The navigation sidebar squeezed every list between itself and the filters: the admin home
# and the breadcrumbs lead everywhere it did.
admin.site.enable_nav_sidebar = False


@admin.register(PolicyArea)
class PolicyAreaAdmin(ProtectedDeleteMixin, AuditedAdmin):
    list_display = ("name", "name_ja", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name", "name_ja", "slug")
    prepopulated_fields = {"slug": ("name",)}
    # English and Japanese side by side: one row per field, one column per language.
    fields = (("name", "name_ja"), "slug", ("description", "description_ja"), "order")


@admin.register(Organisation)
class OrganisationAdmin(ProtectedDeleteMixin, AuditedAdmin):
    list_display = ("name", "name_ja", "short_name", "country", "sector")
    list_filter = ("country", "sector")
    search_fields = ("name", "name_ja", "short_name", "short_name_ja")
    prepopulated_fields = {"slug": ("name",)}
    fields = (
        ("name", "name_ja"),
        ("short_name", "short_name_ja"),
        "slug",
        "country",
        "sector",
        "reminder_email",
    )

    def view_on_site(self, obj):
        # Only a body that published recommendations are addressed to has a public page.
        if obj.recommendations.filter(is_published=True).exists():
            return obj.get_absolute_url()
        return None


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


class StatusUpdateInline(DateHelpMixin, admin.TabularInline):
    """The implementation log on a recommendation: earlier entries read-only, one blank to add.

    Nobody may change or delete an entry (superusers included); RecommendationAdmin
    saves new entries through the service so the current status follows the log.
    """

    model = StatusUpdate
    form = StatusUpdateForm
    formset = NamedInlineFormSet
    fields = (*STATUS_UPDATE_FIELDS, "recorded")
    readonly_fields = ("recorded",)
    extra = 1
    can_delete = False

    @admin.display(description=_("recorded"))
    def recorded(self, update):
        if update.pk is None:  # the blank form: recorded when saved
            return "-"
        return format_html(
            "{}<br>{}",
            update.recorded_by or "-",
            date_format(timezone.localtime(update.recorded_at), "SHORT_DATETIME_FORMAT"),
        )

    def get_queryset(self, request):
        # The row headings name the recommendation; the "recorded" column names the user.
        return (
            super()
            .get_queryset(request)
            .newest_first()
            .select_related("recommendation", "recorded_by")
        )

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RelatedOnlyFilter(admin.RelatedOnlyFieldListFilter):
    """Only the choices in use, and "none" said in words rather than a bare "-"."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.empty_value_display = _("(none)")


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return (("yes", _("Overdue")), ("no", _("Not overdue")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.overdue()
        if self.value() == "no":
            return queryset.exclude(pk__in=Recommendation.objects.overdue().values("pk"))
        return queryset


@admin.register(Recommendation)
class RecommendationAdmin(VersionedAdminMixin, ProtectedDeleteMixin, AuditedAdmin):
    form = RecommendationAdminForm
    # What an officer scans, in one screen at 1024 px: the rest is in the filters.
    list_display = (
        "code",
        "short_title",
        "status_with_date",
        "body_names",
        "lead_side",
        "target_and_overdue",
        "public",
    )
    list_display_links = ("code", "short_title")
    list_filter = (
        OverdueFilter,
        "is_published",
        ("responsible_bodies", RelatedOnlyFilter),
        ("policy_areas", RelatedOnlyFilter),
        "status",
        "lead",
        "priority",
        ("workshops", RelatedOnlyFilter),
    )
    # A body by any of its names, in either language: "METI", "Ministry of Economy",
    # "経済産業省" all find the recommendations addressed to it.
    search_fields = (
        "code",
        "title",
        "title_ja",
        "text",
        "text_ja",
        "responsible_bodies__name",
        "responsible_bodies__name_ja",
        "responsible_bodies__short_name",
        "responsible_bodies__short_name_ja",
    )
    readonly_fields = ("status", "status_as_of", "created_at", "updated_at")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "code",
                    ("title", "title_ja"),
                    ("text", "text_ja"),
                    ("rationale", "rationale_ja"),
                )
            },
        ),
        (
            _("Where it belongs"),
            {"fields": ("areas", "raised_at", "addressed_to", "lead", "priority", "target_date")},
        ),
        (_("Publication"), {"fields": ("is_published",)}),
        (
            _("Current status (follows the latest status update)"),
            {"fields": ("status", "status_as_of", "created_at", "updated_at")},
        ),
    )
    inlines = (StatusUpdateInline,)
    actions = (
        "publish",
        "unpublish",
        export_recommendations_report,
        export_recommendations_workbook,
        export_recommendations_csv,
    )

    def get_urls(self):
        preview = path(
            "<path:object_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="recommendations_recommendation_preview",
        )
        return [*import_urls(self), preview, *super().get_urls()]

    def history_context(self, object_id):
        # The recommendation's own versions, and beside them what was recorded about it:
        # its status updates and every policy area, meeting and body added or removed.
        return {"related_history": related_history(object_id)}

    def preview_view(self, request, object_id):
        """The public page of any recommendation, drafts included, for staff who may view it."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        require_valid_key(self.model, object_id)
        return render_recommendation(
            request, Recommendation.objects.all(), preview=True, pk=object_id
        )

    def view_on_site(self, obj):
        # A draft has no public page yet: "View on site" shows its preview instead.
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("admin:recommendations_recommendation_preview", args=[obj.pk])

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        # ?raised_at=3,5: the relation fields take lists, as Django does for its own m2m.
        for name in RELATION_FIELDS:
            if isinstance(initial.get(name), str):
                initial[name] = [pk for pk in initial[name].split(",") if pk.isdigit()]
        return initial

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        if "_addanother" in request.POST and IS_POPUP_VAR not in request.POST:
            # The next recommendation of the same meeting: keep the meeting, suggest a code.
            response["Location"] = add_recommendation_url(
                [w.pk for w in obj.workshops.all()], after_code=obj.code
            )
        return response

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("responsible_bodies")

    # Long titles would wrap to many lines: a short one, the whole title on hover.
    @admin.display(description=_("title"), ordering="title")
    def short_title(self, obj):
        return format_html(
            '<span title="{}">{}</span>', obj.title, Truncator(obj.title).chars(TITLE_CHARACTERS)
        )

    # Short headings, so the columns fit a laptop's list beside the filters.
    @admin.display(description=pgettext_lazy("short heading", "lead"), ordering="lead")
    def lead_side(self, obj):
        return obj.get_lead_display()

    @admin.display(
        description=pgettext_lazy("short heading", "public"), boolean=True, ordering="is_published"
    )
    def public(self, obj):
        return obj.is_published

    # The target date, and under it whether it has passed with the work still open: a word,
    # not the boolean icon, whose green tick would mark the overdue rows as good.
    @admin.display(description=_("target date"), ordering="target_date")
    def target_and_overdue(self, obj):
        if not obj.target_date:
            return "–"
        day = date_format(obj.target_date, "SHORT_DATE_FORMAT")
        if obj.is_overdue():
            return format_html('{}<br><strong class="overdue">{}</strong>', day, _("Overdue"))
        return day

    @admin.display(description=pgettext_lazy("short heading", "status"), ordering="status")
    def status_with_date(self, obj):
        if not obj.status_as_of:
            return obj.get_status_display()
        return format_html(
            "{}<br><small>{}</small>",
            obj.get_status_display(),
            date_format(obj.status_as_of, "SHORT_DATE_FORMAT"),
        )

    @admin.display(description=pgettext_lazy("short heading", "bodies"))
    def body_names(self, obj):
        return ", ".join(body.short_name or body.name for body in obj.responsible_bodies.all())

    def save_formset(self, request, form, formset, change):
        if formset.model is not StatusUpdate:
            return super().save_formset(request, form, formset, change)
        # The log is append-only: only the blank forms can carry anything, and each
        # becomes a new entry through the service, which also moves the current status.
        formset.new_objects = [
            record_status_update(
                recommendation=form.instance,
                recorded_by=request.user,
                **{name: entry.cleaned_data[name] for name in STATUS_UPDATE_FIELDS},
            )
            for entry in formset.extra_forms
            if entry.has_changed()
        ]
        formset.changed_objects, formset.deleted_objects = [], []
        for update in formset.new_objects:
            self.message_user(request, *reversed(status_feedback(update)))

    def _set_published(self, request, queryset, published):
        changing = list(queryset.exclude(is_published=published))
        # One save per row (not .update()) so the audit trail records each change.
        # Each is an edit like any other: it moves the version, so a form opened before
        # it cannot silently undo it.
        for recommendation in changing:
            bump_version(recommendation)
            recommendation.is_published = published
            recommendation.save(update_fields=["is_published", "updated_at", "version"])
        if changing:
            LogEntry.objects.log_actions(
                request.user.pk,
                changing,
                CHANGE,
                change_message=[{"changed": {"fields": ["is_published"]}}],
            )
        return len(changing)

    @admin.action(description=_("Publish selected recommendations"), permissions=["change"])
    def publish(self, request, queryset):
        count = self._set_published(request, queryset, True)
        self.message_user(
            request,
            ngettext(
                "%(count)d recommendation was published.",
                "%(count)d recommendations were published.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected recommendations"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = self._set_published(request, queryset, False)
        self.message_user(
            request,
            ngettext(
                "%(count)d recommendation was withdrawn from the public site.",
                "%(count)d recommendations were withdrawn from the public site.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


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
