"""Staff CSV in the admin: export actions and the spreadsheet import (upload → preview → commit).

Wired into admin.py by adding the actions to each ModelAdmin's `actions` and
`import_urls(self)` to RecommendationAdmin.get_urls(). Everything here is staff
only; the staff export carries drafts and private notes and must never be public.
"""

import base64
import json
import zlib
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from recommendations import importer
from recommendations.bilingual import page_language
from recommendations.choices import Lead, Priority, Status
from recommendations.exports.columns import (
    EXAMPLE_CODE,
    IMPORT_COLUMNS,
    JAPANESE_IMPORT_HEADERS,
    LIST_SEPARATOR,
    csv_response,
    import_header,
    iso,
    staff_rows,
)
from recommendations.exports.csv_rows import report
from recommendations.exports.workbook import staff_workbook_response
from recommendations.models import Attendance, Organisation, PolicyArea, Workshop

IMPORT_PERMISSIONS = (
    "recommendations.add_recommendation",
    "recommendations.change_recommendation",
    "recommendations.add_statusupdate",
)
# How long a previewed file may wait for its commit.
PREVIEW_MAX_AGE = 60 * 60
PARTICIPANT_COLUMNS = ("name", "organisation", "email", "notes", "meetings")
ATTENDANCE_COLUMNS = (
    "meeting",
    "meeting title",
    "start date",
    "participant",
    "organisation",
    "email",
    "role",
    "participant notes",
)


def dated_filename(what, extension="csv"):
    return f"{what}-{timezone.localdate().isoformat()}.{extension}"


# -- exports ------------------------------------------------------------------------------


def _may_see(modeladmin, request, *permissions):
    """Whether the export may include rows of other models; says why not if it may not."""
    if request.user.has_perms(permissions):
        return True
    modeladmin.message_user(
        request,
        _("You do not have permission to view everything this export contains."),
        messages.ERROR,
    )
    return False


@admin.action(
    description=_("Export selected as a report (names, overdue; CSV)"), permissions=["view"]
)
def export_recommendations_report(modeladmin, request, queryset):
    """The report of the selected rows, drafts included: what the public export has, with
    names and an overdue column, and a published column."""
    header, rows = report(request, queryset.order_by("code"), timezone.localdate(), staff=True)
    return csv_response(dated_filename("recommendations-report"), header, rows)


@admin.action(description=_("Download the selected as an Excel workbook"), permissions=["view"])
def export_recommendations_workbook(modeladmin, request, queryset):
    """The same report as export_recommendations_report, drafts included, as an Excel
    workbook: real dates, a link on each code, and a sheet saying what the file holds."""
    return staff_workbook_response(
        request, queryset, dated_filename("recommendations-report", extension="xlsx")
    )


@admin.action(
    description=_("Export selected for re-import (codes, private notes; CSV)"), permissions=["view"]
)
def export_recommendations_csv(modeladmin, request, queryset):
    """The staff export: drafts, the published flag and private notes; re-importable as is."""
    if not _may_see(modeladmin, request, "recommendations.view_statusupdate"):
        return None
    return csv_response(
        dated_filename("recommendations-staff"), IMPORT_COLUMNS, staff_rows(queryset)
    )


@admin.action(description=_("Export selected as CSV"), permissions=["view"])
def export_participants_csv(modeladmin, request, queryset):
    """The secretariat's own record of who attended what (Chatham House: never public)."""
    participants = (
        queryset.order_by("name", "pk")
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "attendance",
                queryset=Attendance.objects.select_related("workshop").order_by(
                    "workshop__start_date", "workshop__slug"
                ),
            )
        )
    )

    def rows():
        for person in participants.iterator(chunk_size=500):
            yield [
                person.name,
                person.organisation.name if person.organisation else "",
                person.email,
                person.notes,
                LIST_SEPARATOR.join(
                    f"{a.workshop.slug} ({a.get_role_display()})" for a in person.attendance.all()
                ),
            ]

    return csv_response(dated_filename("participants"), PARTICIPANT_COLUMNS, rows())


@admin.action(description=_("Export attendance of selected meetings as CSV"), permissions=["view"])
def export_attendance_csv(modeladmin, request, queryset):
    if not _may_see(
        modeladmin, request, "recommendations.view_attendance", "recommendations.view_participant"
    ):
        return None
    attendance = (
        Attendance.objects.filter(workshop__in=queryset)
        .select_related("workshop", "participant", "participant__organisation")
        .order_by("workshop__start_date", "workshop__slug", "participant__name", "pk")
    )

    def rows():
        for a in attendance.iterator(chunk_size=2000):
            organisation = a.participant.organisation
            yield [
                a.workshop.slug,
                a.workshop.title,
                iso(a.workshop.start_date),
                a.participant.name,
                organisation.name if organisation else "",
                a.participant.email,
                a.get_role_display(),
                a.participant.notes,
            ]

    return csv_response(dated_filename("attendance"), ATTENDANCE_COLUMNS, rows())


# -- import -------------------------------------------------------------------------------


def can_import(user):
    return user.is_active and user.is_staff and user.has_perms(IMPORT_PERMISSIONS)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 (with or without BOM) or Shift_JIS; comma or semicolon separated."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(importer.too_large_message(upload.size), code="too_large")
        return upload.read()


def _salt(user):
    # Bound to the user: a preview token is no use to anyone else.
    return f"recommendations.import:{user.pk}"


def _pack(raw):
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii")


def _unpack(packed):
    return zlib.decompress(base64.urlsafe_b64decode(packed))


def sign_file(data, user, plan):
    """The uploaded bytes and what the preview showed, as a signed token the page carries.

    Nothing is stored on the server between preview and commit. The plan's fingerprints
    travel with the file, so the commit can tell whether it would still do what was shown.
    """
    fingerprints = json.dumps(plan.fingerprints(), separators=(",", ":")).encode()
    return signing.TimestampSigner(salt=_salt(user)).sign(f"{_pack(data)}.{_pack(fingerprints)}")


def unsign_file(token, user):
    """(file bytes, previewed fingerprints) from a token made by sign_file."""
    value = signing.TimestampSigner(salt=_salt(user)).unsign(token, max_age=PREVIEW_MAX_AGE)
    packed_file, packed_plan = value.split(".")
    return _unpack(packed_file), json.loads(_unpack(packed_plan))


class CommitForm(forms.Form):
    payload = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_payload(self):
        try:
            return unsign_file(self.cleaned_data["payload"], self.user)
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _("This preview has expired; upload the file again."), code="expired"
            ) from None
        except (signing.BadSignature, ValueError, zlib.error, json.JSONDecodeError):
            raise forms.ValidationError(
                _("The previewed file could not be verified; upload it again."), code="tampered"
            ) from None


def fits_in_a_form(token):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return limit is None or len(token) + 1024 < limit


def import_view(request, model_admin):
    if not can_import(request.user):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import recommendations from CSV"),
        "columns": [(column, JAPANESE_IMPORT_HEADERS[column]) for column in IMPORT_COLUMNS],
        "template_url": reverse("admin:recommendations_recommendation_import_template"),
        "template_urls": [
            (
                language,
                name,
                reverse("admin:recommendations_recommendation_import_template")
                + f"?language={language}",
            )
            for language, name in settings.LANGUAGES
        ],
        "max_bytes": settings.IMPORT_MAX_BYTES,
        "max_rows": settings.IMPORT_MAX_ROWS,
    }
    if request.method == "POST" and "payload" in request.POST:
        return _commit(request, model_admin, context)
    if request.method != "POST":
        context.update(allowed_values())
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"]
        plan = importer.plan_import(data)
        return _preview_with_commit(request, context, plan, data, request.FILES["file"].name)
    return TemplateResponse(
        request, "admin/recommendations/recommendation/import_form.html", {**context, "form": form}
    )


def allowed_values():
    """What each naming column accepts, for the import page: one query per vocabulary."""

    def words(choices):
        english = {value: str(label) for value, label in choices.choices}
        with translation.override("ja"):
            japanese = {value: str(label) for value, label in choices.choices}
        return [(value, english[value], japanese[value]) for value in choices.values]

    return {
        "allowed_areas": PolicyArea.objects.order_by("order", "name"),
        "allowed_workshops": Workshop.objects.order_by("-start_date").only(
            "slug", "title", "title_ja", "start_date"
        ),
        "allowed_bodies": Organisation.objects.order_by("name").only(
            "slug", "name", "name_ja", "short_name", "short_name_ja"
        ),
        "allowed_words": [
            (_("status"), words(Status)),
            (_("lead"), words(Lead)),
            (_("priority"), words(Priority)),
        ],
    }


def _preview_with_commit(request, context, plan, data, filename=""):
    """The preview of `plan`, with the form that commits exactly it when it can be."""
    token = sign_file(data, request.user, plan) if plan.can_commit else ""
    too_big = bool(token) and not fits_in_a_form(token)
    return _preview(
        request,
        context,
        plan,
        commit_form=CommitForm(initial={"payload": token}, user=request.user)
        if token and not too_big
        else None,
        too_big=too_big,
        filename=filename,
    )


def _preview(request, context, plan, *, commit_form=None, too_big=False, filename=""):
    return TemplateResponse(
        request,
        "admin/recommendations/recommendation/import_preview.html",
        {
            **context,
            "title": _("Check the import"),
            "plan": plan,
            "commit_form": commit_form,
            "too_big": too_big,
            "filename": filename,
            "upload_url": request.path,
        },
    )


def _commit(request, model_admin, context):
    form = CommitForm(request.POST, user=request.user)
    if not form.is_valid():
        for error in form.errors.get("payload", []):
            messages.error(request, error)
        return redirect(request.path)
    data, previewed = form.cleaned_data["payload"]
    started = timezone.now()
    try:
        summary = importer.commit_import(data, user=request.user, expected=previewed)
    except importer.PlanChanged as changed:
        # Someone changed what the file names since the preview: show what it would do now.
        messages.warning(
            request,
            _(
                "Nothing was imported: since your preview, the records on these rows were "
                "changed by someone else, so the file would now do something different: "
                "%(rows)s. Check the new preview below, then import again."
            )
            % {
                "rows": _(", ").join(
                    _("row %(row)s (%(code)s)") % {"row": row.row, "code": row.code}
                    for row in changed.rows
                )
            },
        )
        return _preview_with_commit(request, context, changed.plan, data)
    except importer.ImportRefused as refused:
        # The database changed since the preview; show what is wrong now.
        return _preview(request, context, refused.plan)
    except (DatabaseError, ValidationError):
        messages.error(
            request,
            _(
                "The import could not be saved (another change got in the way); nothing was "
                "written. Upload the file again."
            ),
        )
        return redirect(request.path)
    _log(request.user, summary)
    messages.success(request, _("Import complete: %(summary)s") % {"summary": summary})
    # Straight to what was just imported: every row the import created or changed.
    return redirect(
        reverse("admin:recommendations_recommendation_changelist")
        + "?"
        + urlencode({"updated_at__gte": started.isoformat()})
    )


def _log(user, summary):
    """One admin history entry per recommendation the import created or changed."""
    message = [{"added": {}}]
    for flag, objects in ((ADDITION, summary.created), (CHANGE, summary.updated)):
        if objects:
            LogEntry.objects.log_actions(
                user.pk,
                objects,
                flag,
                change_message=message if flag == ADDITION else str(_("Changed by a CSV import.")),
            )


def template_csv(request):
    """The import template: the header and one example naming this database's own entries.

    In English or Japanese (`?language=`, default the admin's): header, words and names.
    """
    if not can_import(request.user):
        raise PermissionDenied
    language = request.GET.get("language")
    language = language if language in dict(settings.LANGUAGES) else translation.get_language()
    kind = page_language(language)
    japanese = kind == "ja"
    with translation.override(language):
        area = PolicyArea.objects.first()
        workshop = Workshop.objects.order_by("-start_date").first()
        body = Organisation.objects.first()
        example = [
            EXAMPLE_CODE,
            "Set up a joint critical minerals stockpiling dialogue",
            "重要鉱物の備蓄に関する日豪定期協議の設置" if japanese else "",
            "The two governments should meet twice a year to coordinate critical minerals reserves.",
            "両政府は年2回会合を開き、重要鉱物の備蓄を調整すべきである。" if japanese else "",
            "Both countries hold reserves but plan them separately.",
            "",
            (area.localized.name if japanese else area.slug) if area else "critical-minerals",
            workshop.slug if workshop else "canberra-workshop-2025",
            (body.localized.name if japanese else body.slug) if body else "disr",
            str(Lead.JOINT.label) if japanese else Lead.JOINT.value,
            str(Priority.HIGH.label) if japanese else Priority.HIGH.value,
            "2026-12-31",
            "下書き" if japanese else "no",
            str(Status.NOT_STARTED.label) if japanese else Status.NOT_STARTED.value,
            timezone.localdate().isoformat(),
            "Accepted in principle; work has not begun.",
            "原則として受け入れられたが、作業は始まっていない。" if japanese else "",
            "",
            "",
        ]
        filename = pgettext("export file name", "recommendations-import-template") + ".csv"
        return csv_response(filename, import_header(kind), [example])


def import_urls(model_admin):
    """URLs to add in front of RecommendationAdmin's own (get_urls)."""
    site = model_admin.admin_site
    return [
        path(
            "import/",
            site.admin_view(lambda request: import_view(request, model_admin)),
            name="recommendations_recommendation_import",
        ),
        path(
            "import/template.csv",
            site.admin_view(template_csv),
            name="recommendations_recommendation_import_template",
        ),
    ]
