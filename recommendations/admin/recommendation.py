"""Recommendations: the secretariat's main list, its filters, the implementation log
inline, publishing in bulk, a preview of the public page and the related history."""

from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from recommendations.admin.common import (
    TITLE_CHARACTERS,
    ProtectedDeleteMixin,
    RelatedOnlyFilter,
    add_recommendation_url,
    status_feedback,
)
from recommendations.admin.forms import (
    RELATION_FIELDS,
    STATUS_UPDATE_FIELDS,
    DateHelpMixin,
    NamedInlineFormSet,
    RecommendationAdminForm,
    StatusUpdateForm,
)
from recommendations.admin.history import AuditedAdmin, require_valid_key
from recommendations.admin.spreadsheet import (
    export_recommendations_csv,
    export_recommendations_report,
    export_recommendations_workbook,
    import_urls,
)
from recommendations.locking import VersionedAdminMixin
from recommendations.models import (
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
)
from recommendations.public.views import render_recommendation
from recommendations.services import record_status_update, set_published

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

    @admin.action(description=_("Publish selected recommendations"), permissions=["change"])
    def publish(self, request, queryset):
        count = len(
            set_published(recommendations=queryset, published=True, changed_by=request.user)
        )
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
        count = len(
            set_published(recommendations=queryset, published=False, changed_by=request.user)
        )
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
