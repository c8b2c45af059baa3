"""What every CSV the tracker writes has in common, and the columns of each one.

The public export, the staff export and the import template all write through
`csv_stream`; the importer reads the staff columns back with `restore_cell`, so
a staff export can be imported again unchanged.
"""

import codecs
import csv
import functools
import re

from django.db import models
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.expressions import RowRange, Window
from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from recommendations.bilingual import localized_expression
from recommendations.models import (
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
)

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
    "title ja",
    "text",
    "text ja",
    "rationale",
    "rationale ja",
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
    "status summary ja",
    "status evidence",
    "status private note",
)
REQUIRED_IMPORT_COLUMNS = ("code", "title", "text", "lead")
# The template's example row: a code no recommendation may have (the import refuses it),
# so uploading the template unchanged can never overwrite a real record.
EXAMPLE_CODE = "EXAMPLE-DELETE-THIS-ROW"

# The same columns as a Japanese officer names them: the Japanese template's header row.
# The import reads either set (and the English names with or without the " ja" suffix).
JAPANESE_IMPORT_HEADERS = {
    "code": "提言番号",
    "title": "件名（英語）",
    "title ja": "件名（日本語）",
    "text": "本文（英語）",
    "text ja": "本文（日本語）",
    "rationale": "理由（英語）",
    "rationale ja": "理由（日本語）",
    "policy areas": "政策分野",
    "raised at": "提起された会合",
    "responsible bodies": "担当機関",
    "lead": "主導",
    "priority": "優先度",
    "target date": "目標期日",
    "published": "公開",
    "status": "実施状況",
    "status as of": "実施状況の時点",
    "status summary": "進捗報告（英語）",
    "status summary ja": "進捗報告（日本語）",
    "status evidence": "根拠資料",
    "status private note": "非公開メモ",
}


def import_header(language):
    """The import columns' names in `language` ("en" or "ja"), in the documented order."""
    if language == "ja":
        return [JAPANESE_IMPORT_HEADERS[column] for column in IMPORT_COLUMNS]
    return list(IMPORT_COLUMNS)


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


def _writer():
    return csv.writer(_Line(), lineterminator="\r\n")


def header_line(header):
    """The file's first bytes: the byte-order mark and the header row."""
    return codecs.BOM_UTF8 + _writer().writerow([neutralise(cell) for cell in header]).encode()


def csv_lines(header, rows):
    """Yield the encoded file piece by piece: BOM and header first, then one line per row."""
    writer = _writer()
    yield header_line(header)
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in row]).encode()


def csv_response(filename, header, rows):
    """A streaming download: nothing is collected in memory, whatever the row count."""
    return csv_chunks_response(filename, csv_lines(header, rows))


def csv_chunks_response(filename, chunks):
    """csv_response for a file already encoded, as byte chunks (BOM and header first)."""
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    # RFC 6266: an ASCII name for old clients, the UTF-8 one (a Japanese name) for the rest.
    response["Content-Disposition"] = content_disposition_header(True, filename)
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

    `through` is a through model with a `recommendation` key; `value` a field path or an
    expression (then `order_by` is needed); an empty list gives NULL.
    """
    rows = through.objects.filter(recommendation=OuterRef("pk")).annotate(
        joined=Window(
            StringAgg(F(value) if isinstance(value, str) else value),
            order_by=[F(field).asc() for field in order_by or (value,)],
            frame=RowRange(start=None, end=None),
        )
    )
    return Subquery(rows.values("joined")[:1], output_field=CharField())


def latest_update(field, until=None):
    """A correlated subquery: `field` (a name or an expression) of the latest status update
    (the latest dated on or before `until`, when given)."""
    updates = StatusUpdate.objects.filter(recommendation=OuterRef("pk")).newest_first()
    if until is not None:
        updates = updates.filter(as_of__lte=until)
    if not isinstance(field, str):
        updates = updates.annotate(value=field)
        field = "value"
    return Subquery(updates.values(field)[:1], output_field=CharField())


def with_public_cells(queryset, language=None, until=None):
    """The public export's list-valued and latest-update columns, in the same query.

    Text columns are in `language` (default: the active one), each cell falling back to
    the other language where a record has no text in it. With `until`, the latest update
    is the latest dated on or before that day (the tracker as it stood then).
    """
    in_language = functools.partial(localized_expression, language=language)
    return queryset.annotate(
        title_shown=in_language("title"),
        text_shown=in_language("text"),
        area_names=joined(
            RecommendationArea, in_language("area__name"), "area__order", "area__name"
        ),
        body_names=joined(ResponsibleBody, in_language("organisation__name"), "organisation__name"),
        # The key last: two meetings on one day under one title still come in one order.
        workshop_titles=joined(
            RaisedAt,
            in_language("workshop__title"),
            "workshop__start_date",
            "workshop__title",
            "workshop__id",
        ),
        latest_summary=latest_update(in_language("summary"), until=until),
    )


def with_staff_cells(queryset):
    """The staff export's columns: slugs for re-import, and the latest update in full."""
    return queryset.annotate(
        area_slugs=joined(RecommendationArea, "area__slug"),
        workshop_slugs=joined(RaisedAt, "workshop__slug"),
        body_slugs=joined(ResponsibleBody, "organisation__slug"),
        latest_summary=latest_update("summary"),
        latest_summary_ja=latest_update("summary_ja"),
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
        values["title_ja"],
        values["text"],
        values["text_ja"],
        values["rationale"],
        values["rationale_ja"],
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
        values["latest_summary_ja"] or "",
        evidence_cell(values["latest_evidence"]),
        values["latest_private_note"] or "",
    ]


STAFF_FIELDS = (
    *Recommendation.OWN_FIELDS,
    "status",
    "status_as_of",
    "area_slugs",
    "workshop_slugs",
    "body_slugs",
    "latest_summary",
    "latest_summary_ja",
    "latest_evidence",
    "latest_private_note",
)


def staff_rows(queryset):
    """Every recommendation in `queryset` as a staff-export row, streamed in one query."""
    rows = with_staff_cells(queryset.order_by("code")).values(*STAFF_FIELDS)
    return (staff_row(values) for values in rows.iterator(chunk_size=2000))
