"""What every CSV the tracker writes has in common, and the columns of each one.

The public export, the staff export and the import template all write through
`csv_stream`; the importer reads the staff columns back with `restore_cell`, so
a staff export can be imported again unchanged.
"""

import codecs
import csv
import re

from django.db import models
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.expressions import RowRange, Window
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

from .models import RaisedAt, RecommendationArea, ResponsibleBody, StatusUpdate

LIST_SEPARATOR = "; "

# OWASP's CSV-injection guidance: a spreadsheet treats a cell starting with one of
# these as a formula (tab and carriage return can hide one behind whitespace).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

# The staff export and the import share these names, in this order; the README
# documents each one. The first four are required in an import file.
IMPORT_COLUMNS = (
    "code",
    "title",
    "text",
    "rationale",
    "policy areas",
    "raised at",
    "responsible bodies",
    "lead",
    "priority",
    "target date",
    "published",
    "status",
    "status as of",
    "status summary",
    "status evidence",
    "status private note",
)
REQUIRED_IMPORT_COLUMNS = ("code", "title", "text", "lead")

PUBLIC_COLUMNS = (
    _("code"),
    _("title"),
    _("policy areas"),
    _("status"),
    _("status as of"),
    _("lead side"),
    _("responsible bodies"),
    _("priority"),
    _("target date"),
    _("overdue"),
    _("raised at"),
    _("latest public update"),
    _("text"),
    _("link"),
)


def neutralise(value):
    """The cell as text a spreadsheet will not run as a formula.

    A value that already starts with the quote and a trigger gets a second
    quote, so `restore_cell` can always undo exactly what was added.
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS) or (
        text.startswith(QUOTE) and text[1:2] and text[1] in FORMULA_TRIGGERS + (QUOTE,)
    ):
        return QUOTE + text
    return text


def restore_cell(text):
    """Undo `neutralise` on a cell read back from one of our files."""
    if text.startswith(QUOTE) and text[1:2] and text[1] in FORMULA_TRIGGERS + (QUOTE,):
        return text[1:]
    return text


def iso(day):
    return day.isoformat() if day else ""


def yes_no(flag):
    return "yes" if flag else "no"


class _Line:
    """A file-like target for csv.writer that hands back what was written."""

    def write(self, text):
        return text


def csv_lines(header, rows):
    """Yield the encoded file piece by piece: BOM and header first, then one line per row."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield codecs.BOM_UTF8 + writer.writerow([neutralise(cell) for cell in header]).encode()
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in row]).encode()


def csv_response(filename, header, rows):
    """A streaming download: nothing is collected in memory, whatever the row count."""
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def safe_filename_part(text, limit=80):
    """Lower-case ASCII letters, digits and hyphens only, so any browser keeps the name."""
    part = re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")
    return part[:limit].rstrip("-")


# -- one query for any number of rows ----------------------------------------------------


class StringAgg(models.Aggregate):
    """STRING_AGG on PostgreSQL, GROUP_CONCAT on SQLite: the values joined by `; `.

    Used as a window function ordered by the caller, because SQLite before 3.44
    has no ORDER BY inside an aggregate but does honour a window's order.
    """

    function = "STRING_AGG"
    output_field = CharField()

    def __init__(self, expression, **extra):
        super().__init__(expression, models.Value(LIST_SEPARATOR), **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra)


def joined(through, value, *order_by):
    """A correlated subquery: one recommendation's related `value`s, ordered, joined.

    `through` is a through model with a `recommendation` key; an empty list gives NULL.
    """
    rows = through.objects.filter(recommendation=OuterRef("pk")).annotate(
        joined=Window(
            StringAgg(F(value)),
            order_by=[F(field).asc() for field in order_by or (value,)],
            frame=RowRange(start=None, end=None),
        )
    )
    return Subquery(rows.values("joined")[:1], output_field=CharField())


def latest_update(field):
    """A correlated subquery: `field` of the recommendation's latest status update."""
    updates = StatusUpdate.objects.filter(recommendation=OuterRef("pk")).newest_first()
    return Subquery(updates.values(field)[:1])


def with_public_cells(queryset):
    """The public export's list-valued and latest-update columns, in the same query."""
    return queryset.annotate(
        area_names=joined(RecommendationArea, "area__name", "area__order", "area__name"),
        body_names=joined(ResponsibleBody, "organisation__name"),
        workshop_titles=joined(
            RaisedAt, "workshop__title", "workshop__start_date", "workshop__title"
        ),
        latest_summary=latest_update("summary"),
    )


def with_staff_cells(queryset):
    """The staff export's columns: slugs for re-import, and the latest update in full."""
    return queryset.annotate(
        area_slugs=joined(RecommendationArea, "area__slug"),
        workshop_slugs=joined(RaisedAt, "workshop__slug"),
        body_slugs=joined(ResponsibleBody, "organisation__slug"),
        latest_summary=latest_update("summary"),
        latest_evidence=latest_update("evidence_urls"),
        latest_private_note=latest_update("private_note"),
    )


def evidence_cell(evidence_urls):
    """Evidence links one per line in the database, `; `-joined in a cell."""
    return LIST_SEPARATOR.join(
        line.strip() for line in (evidence_urls or "").splitlines() if line.strip()
    )


def staff_row(values):
    """One row of the staff export from a `with_staff_cells().values()` dict."""
    return [
        values["code"],
        values["title"],
        values["text"],
        values["rationale"],
        values["area_slugs"] or "",
        values["workshop_slugs"] or "",
        values["body_slugs"] or "",
        values["lead"],
        values["priority"],
        iso(values["target_date"]),
        yes_no(values["is_published"]),
        values["status"],
        iso(values["status_as_of"]),
        values["latest_summary"] or "",
        evidence_cell(values["latest_evidence"]),
        values["latest_private_note"] or "",
    ]


STAFF_FIELDS = (
    "code",
    "title",
    "text",
    "rationale",
    "lead",
    "priority",
    "target_date",
    "is_published",
    "status",
    "status_as_of",
    "area_slugs",
    "workshop_slugs",
    "body_slugs",
    "latest_summary",
    "latest_evidence",
    "latest_private_note",
)


def staff_rows(queryset):
    """Every recommendation in `queryset` as a staff-export row, streamed in one query."""
    rows = with_staff_cells(queryset.order_by("code")).values(*STAFF_FIELDS)
    return (staff_row(values) for values in rows.iterator(chunk_size=2000))
