"""The rows of the recommendations CSV (public and staff) and of the Excel workbook:
one implementation of what each column holds."""

from django.utils.translation import gettext, pgettext

from recommendations.choices import Lead, Priority, Status, is_overdue
from recommendations.exports.columns import (
    PUBLIC_COLUMNS,
    iso,
    with_public_cells,
)
from recommendations.links import draft_link_parts, public_link_parts
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


def public_header():
    """The public export's column names in the active language."""
    return [str(column) for column in PUBLIC_COLUMNS]


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
    link_prefix, link_suffix = public_link_parts(request)
    draft_prefix, draft_suffix = draft_link_parts(request)

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
