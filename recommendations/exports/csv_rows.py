"""The public CSV export: exactly the list page's results for the same query string."""

from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext, pgettext
from django.views.decorators.http import require_safe

from recommendations.choices import Lead, Priority, Status, is_overdue
from recommendations.exports.columns import (
    PUBLIC_COLUMNS,
    csv_chunks_response,
    csv_response,
    iso,
    safe_filename_part,
    with_public_cells,
)
from recommendations.exports.postgres_copy import copy_csv_chunks
from recommendations.models import Recommendation
from recommendations.public.filters import FACETS, RecommendationFilter
from recommendations.querysets import STATUS_THEN, STATUS_THEN_AS_OF

PUBLIC_FIELDS = (
    "code",
    "title_shown",
    "text_shown",
    "status",
    "status_as_of",
    "lead",
    "priority",
    "target_date",
    "area_names",
    "body_names",
    "workshop_titles",
    "latest_summary",
)
CODE_PLACEHOLDER = "CODE"
# What each report column holds, in the order of PUBLIC_COLUMNS (then "published" in the
# staff report): the CSV and the Excel workbook write the same rows, each in its own way.
REPORT_KEYS = (
    "code",
    "title",
    "policy_areas",
    "status",
    "status_as_of",
    "lead_side",
    "responsible_bodies",
    "priority",
    "target_date",
    "overdue",
    "raised_at",
    "latest_update",
    "text",
    "link",
)
STAFF_REPORT_KEYS = (*REPORT_KEYS, "published")
# The columns holding a day (or None): ISO text in the CSV, a real date in the workbook.
DATE_KEYS = ("status_as_of", "target_date")


def export_filename(filterset, extension="csv"):
    """Say what the file holds: the areas, "overdue", else "all" or "filtered"; and the date."""
    chosen = filterset.form.cleaned_data
    # Slugs are ASCII by construction; the words are ours, in the file's language.
    parts = [safe_filename_part(slug) for slug in chosen.get("area") or []]
    if chosen.get("overdue"):
        parts.append(pgettext("export file name", "overdue"))
    narrowed_otherwise = any(
        chosen.get(name) for name in FACETS + ("q",) if name not in ("area", "overdue")
    )
    if narrowed_otherwise or (not parts and any(chosen.get(name) for name in FACETS + ("q",))):
        parts.append(pgettext("export file name", "filtered"))
    what = "-".join(part for part in parts if part) or pgettext("export file name", "all")
    name = pgettext("export file name", "recommendations")
    # On a past date the file says so: "…-as-of-2026-06-30.csv".
    when = filterset.today.isoformat()
    if filterset.day:
        when = f"{pgettext('export file name', 'as-of')}-{when}"
    return f"{name}-{what}-{when}.{extension}"


def refusal(request, notes):
    """400: a filter the export could not apply would make the file wider than asked for.

    The list shows such a view with a note on the page; a file has no room for the note,
    so the export names what was wrong instead of silently exporting more rows.
    """
    list_url = request.build_absolute_uri(reverse("recommendations:recommendation_list"))
    lines = [
        gettext("No file was made: part of the address could not be used as a filter."),
        *notes,
        gettext("Correct the address, or start again from the list: %(url)s") % {"url": list_url},
    ]
    return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def recommendation_csv(request):
    filterset = RecommendationFilter(request.GET, queryset=Recommendation.objects.published())
    if notes := filterset.narrowing_problems():
        return refusal(request, notes)
    # On PostgreSQL the database writes the file (export_copy.py); the generic writer
    # below is the reference it matches byte for byte, and the one used on SQLite.
    chunks = copy_csv_chunks(request, filterset, public_header())
    if chunks is not None:
        return csv_chunks_response(export_filename(filterset), chunks)
    header, lines = report(request, filterset.qs, filterset.today, day=filterset.day)
    return csv_response(export_filename(filterset), header, lines)


def public_header():
    """The public export's column names in the active language."""
    return [str(column) for column in PUBLIC_COLUMNS]


def public_link_parts(request):
    """(prefix, suffix) of a public recommendation's absolute address around its code: one
    reverse() for a whole file, whose links differ only by the code (URL-safe)."""
    prefix, suffix = request.build_absolute_uri(
        reverse("recommendations:recommendation_detail", args=[CODE_PLACEHOLDER])
    ).rsplit(CODE_PLACEHOLDER, 1)
    return prefix, suffix


def link_parts(request):
    """(public_link_parts, (prefix, suffix) of a draft's admin change page around its
    primary key)."""
    draft = request.build_absolute_uri(
        reverse("admin:recommendations_recommendation_change", args=[0])
    ).rsplit("0", 1)
    return public_link_parts(request), tuple(draft)


def report(request, queryset, today, *, staff=False, day=None):
    """(header, rows) of the recommendations report as CSV cells: `typed_report` with every
    date written as ISO text (empty where there is none)."""
    header, rows = typed_report(request, queryset, today, staff=staff, day=day)
    keys = STAFF_REPORT_KEYS if staff else REPORT_KEYS
    dates = [index for index, key in enumerate(keys) if key in DATE_KEYS]

    def lines():
        for row in rows:
            for index in dates:
                row[index] = iso(row[index])
            yield row

    return header, lines()


def typed_report(request, queryset, today, *, staff=False, day=None):
    """(header, rows) of the recommendations report: names, labels, overdue, a link each.

    The public export; with `staff`, the secretariat's report of any rows, drafts included,
    with a published column and links to the admin for drafts. With `day`, `queryset` is
    the tracker as it stood then (RecommendationQuerySet.standing_on) and so is every cell.

    Each row is a list in the order of REPORT_KEYS (STAFF_REPORT_KEYS with `staff`): text,
    except the DATE_KEYS columns, which hold a `datetime.date` or None. The CSV (`report`)
    and the Excel workbook (workbook.py) both write these rows.
    """
    status, status_as_of = ("status", "status_as_of")
    if day:
        status, status_as_of = (STATUS_THEN, STATUS_THEN_AS_OF)
    fields = [
        status if f == "status" else status_as_of if f == "status_as_of" else f
        for f in PUBLIC_FIELDS
    ]
    rows = with_public_cells(queryset, until=day).values(*fields, "is_published", "pk")

    # Everything locale- or request-dependent is settled now: the rows are written after
    # the view has returned, while the response streams.
    header = public_header()
    if staff:
        header.append(str(pgettext("column", "published")))
    labels = {
        "status": {value: str(label) for value, label in Status.choices},
        "lead": {value: str(label) for value, label in Lead.choices},
        "priority": {value: str(label) for value, label in Priority.choices},
    }
    yes, no = gettext("yes"), gettext("no")
    # One reverse() for the whole file: the link differs only by the code, which is URL-safe.
    (link_prefix, link_suffix), (draft_prefix, draft_suffix) = link_parts(request)

    def lines():
        for r in rows.iterator(chunk_size=2000):
            overdue = is_overdue(r["target_date"], r[status], today)
            link = (
                f"{link_prefix}{r['code']}{link_suffix}"
                if r["is_published"]
                else f"{draft_prefix}{r['pk']}{draft_suffix}"
            )
            row = [
                r["code"],
                r["title_shown"],
                r["area_names"] or "",
                labels["status"].get(r[status], r[status]),
                r[status_as_of],
                labels["lead"].get(r["lead"], r["lead"]),
                r["body_names"] or "",
                labels["priority"].get(r["priority"], r["priority"]),
                r["target_date"],
                yes if overdue else no,
                r["workshop_titles"] or "",
                r["latest_summary"] or "",
                r["text_shown"],
                link,
            ]
            if staff:
                row.append(yes if r["is_published"] else no)
            yield row

    return header, lines()
