"""The Excel workbook of any filtered view: the CSV export's rows, as a spreadsheet.

The rows are the CSV's (`exports.typed_report`, one function for both formats), with real
dates, a link on each code, the header frozen and filterable, and a second sheet saying
what the file is, which filters made it, and what each column holds.

Memory stays flat whatever the row count: openpyxl writes in write-only mode (each row
goes to a temporary file as it is added, strings inline, no shared-string table), the
file is built in a `SpooledTemporaryFile` (on disk once it outgrows SPOOL_IN_MEMORY) and
sent with `FileResponse`; and the hyperlinks, which openpyxl would keep in memory to the
end of the sheet, wait on disk too (`_LinkSpool`).

Nothing in a cell is ever run as a formula: every text cell is written as a string
(data_type "s"), so `=HYPERLINK(...)`, `+1+1` or `#N/A` stay the text they are.
"""

import contextlib
import datetime
import json
import tempfile
from xml.sax.saxutils import quoteattr
from zipfile import ZIP_DEFLATED, ZipFile

from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.packaging.relationship import get_rels_path
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.writer.excel import ExcelWriter

from recommendations.exports.columns import LIST_SEPARATOR
from recommendations.exports.csv_rows import (
    DATE_KEYS,
    REPORT_KEYS,
    STAFF_REPORT_KEYS,
    typed_report,
)
from recommendations.exports.csv_views import export_filename, refusal
from recommendations.models import Recommendation
from recommendations.public.filters import SORT_CHOICES, RecommendationFilter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A workbook smaller than this is built in memory; a larger one in a temporary file.
SPOOL_IN_MEMORY = 2 * 1024 * 1024
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Excel's limits on a sheet's name.
SHEET_NAME_LENGTH = 31
SHEET_NAME_FORBIDDEN = "[]:*?/\\"

SHEET_ROWS = pgettext_lazy("workbook sheet", "Recommendations")
SHEET_ABOUT = pgettext_lazy("workbook sheet", "About")

# Characters wide, in Excel's units; Japanese text is about twice as wide a character.
COLUMN_WIDTHS = {
    "code": 15,
    "title": 50,
    "policy_areas": 30,
    "status": 20,
    "status_as_of": 12,
    "lead_side": 12,
    "responsible_bodies": 36,
    "priority": 10,
    "target_date": 12,
    "overdue": 10,
    "raised_at": 32,
    "latest_update": 50,
    "text": 80,
    "link": 48,
    "published": 10,
}

COLUMN_DESCRIPTIONS = {
    "code": _("The recommendation's code. Click it to open the recommendation on the tracker."),
    "title": _("Its title, in the language of this file where it has one, otherwise in the other."),
    "policy_areas": _("The policy areas it belongs to, separated by “%(separator)s”."),
    "status": _("Its implementation status (on the date above, for a past date)."),
    "status_as_of": _("The date of that status."),
    "lead_side": _("Which side leads on it."),
    "responsible_bodies": _("The bodies it is addressed to, separated by “%(separator)s”."),
    "priority": _("Its priority."),
    "target_date": _("The date it should be implemented by, where one was set."),
    "overdue": _(
        "“%(yes)s” when the target date had passed on the date above and the recommendation "
        "was neither implemented nor declined; otherwise “%(no)s”."
    ),
    "raised_at": _("The meetings where it was raised, separated by “%(separator)s”."),
    "latest_update": _("The summary of its latest public status update."),
    "text": _("The full text of the recommendation."),
    "link": _("The address of its page on the tracker."),
    "published": _("“%(yes)s” for a published recommendation, “%(no)s” for a draft."),
}
STAFF_LINK_DESCRIPTION = _(
    "The address of its page on the tracker; for a draft, of its page in the admin."
)


# -- cells ------------------------------------------------------------------------------------


def clean_text(value):
    """The value as text a worksheet can hold: without the control characters XML forbids
    (openpyxl refuses them, and a pasted vertical tab must not break the download)."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def text_cell(ws, value, font=None, alignment=None):
    """A cell that holds `value` as text, whatever it looks like: never a formula."""
    cell = WriteOnlyCell(ws, value=clean_text(value))
    # openpyxl takes "=..." for a formula and "#N/A" for an error: this is text.
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def date_cell(ws, value, number_format=DATE_FORMAT):
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = number_format
    return cell


def value_cell(ws, value, **style):
    """A cell for `value`: a date or a time as such, a whole number as a number, else text."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return date_cell(ws, value, DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return date_cell(ws, value)
    if isinstance(value, int) and not isinstance(value, bool):
        return WriteOnlyCell(ws, value=value)
    return text_cell(ws, value, **style)


def sheet_name(text):
    name = "".join(ch for ch in str(text) if ch not in SHEET_NAME_FORBIDDEN).strip("'")
    return name[:SHEET_NAME_LENGTH] or "Sheet"


# -- hyperlinks on disk -----------------------------------------------------------------------


class _LinkSpool:
    """A sheet's hyperlinks, waiting on disk for the end of the sheet.

    openpyxl keeps every hyperlink in memory until the sheet is closed, and then each one's
    relationship until the file is saved: about a kilobyte a row. Here a hyperlink costs a
    line in a temporary file; the sheet's <hyperlinks> and its relationships file are
    written from it one link at a time.
    """

    def __init__(self):
        # Closed by write_workbook once the file is saved (or abandoned).
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115
        self.count = 0

    def append(self, hyperlink):
        """Called by openpyxl's cell writer with each linked cell's Hyperlink."""
        self.file.write(json.dumps([hyperlink.ref, hyperlink.target]) + "\n")
        self.count += 1

    def __len__(self):
        return self.count

    def __iter__(self):
        """(relationship id, cell reference, target) for each link, in order."""
        self.file.flush()
        self.file.seek(0)
        for number, line in enumerate(self.file, 1):
            ref, target = json.loads(line)
            yield f"rId{number}", ref, target

    def close(self):
        self.file.close()


def _spool_hyperlinks(ws):
    """Keep `ws`'s hyperlinks on disk (a write-only sheet whose top is settled: column widths
    and panes are written now). Returns the spool, or None where this openpyxl is not the
    one this was written for: its own hyperlinks are then used (correct, just not lean)."""
    get_writer = getattr(ws, "_get_writer", None)
    if get_writer is None:
        return None
    get_writer()
    writer = getattr(ws, "_writer", None)
    if writer is None or not hasattr(writer, "write_hyperlinks") or not hasattr(writer, "xf"):
        return None
    spool = _LinkSpool()
    ws._hyperlinks = spool

    def write_hyperlinks():
        if not spool:
            return
        xf = writer.xf.send(True)
        with xf.element("hyperlinks"):
            for rel_id, ref, _target in spool:
                xf.write(Hyperlink(ref=ref, id=rel_id).to_tree())
        writer.xf.send(None)

    writer.write_hyperlinks = write_hyperlinks
    ws._link_spool = spool
    return spool


class _LeanExcelWriter(ExcelWriter):
    """openpyxl's writer, with the relationships of spooled hyperlinks streamed to the file."""

    def write_worksheet(self, ws):
        super().write_worksheet(ws)
        spool = getattr(ws, "_link_spool", None)
        if not spool:
            return
        if ws._rels:  # pragma: no cover - a sheet here never has other relationships
            raise RuntimeError("A sheet with spooled hyperlinks has other relationships.")
        hyperlink_type = quoteattr(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
        )
        with self._archive.open(get_rels_path(ws.path)[1:], "w") as out:
            out.write(
                b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            )
            for rel_id, _ref, target in spool:
                out.write(
                    f"<Relationship Id={quoteattr(rel_id)} Type={hyperlink_type} "
                    f'Target={quoteattr(target)} TargetMode="External"/>'.encode()
                )
            out.write(b"</Relationships>")


def _save(wb, out):
    """openpyxl's save_workbook, with the lean writer."""
    wb.properties.modified = timezone.now().replace(tzinfo=None)
    archive = ZipFile(out, "w", ZIP_DEFLATED, allowZip64=True)
    _LeanExcelWriter(wb, archive).save()


def _discard(wb):
    """Remove the sheets' temporary files of a workbook that will never be saved."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            # Best effort: whatever state the half-written sheet is in, its file goes.
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(OSError, ValueError):
                writer.cleanup()


# -- the workbook -----------------------------------------------------------------------------


def write_workbook(out, header, keys, rows, about):
    """Write the workbook to the binary file `out`.

    `header` the column names and `keys` what each holds (exports.REPORT_KEYS); `rows` the
    rows of exports.typed_report, consumed once; `about(count)` the second sheet's
    [(label, value or [values])] given the number of rows written.
    """
    wb = Workbook(write_only=True)
    wb.properties.creator = gettext("Track 1.5 Recommendations Tracker")
    wb.properties.title = str(SHEET_ROWS)
    bold = Font(bold=True)
    link_font = Font(color="0563C1", underline="single")
    spools = []
    try:
        ws = wb.create_sheet(sheet_name(SHEET_ROWS))
        # Everything above the rows is written before the first row: panes and widths first.
        ws.freeze_panes = "A2"
        for index, key in enumerate(keys, 1):
            ws.column_dimensions[get_column_letter(index)].width = COLUMN_WIDTHS.get(key, 20)
        spools.append(_spool_hyperlinks(ws))
        ws.append([text_cell(ws, name, font=bold) for name in header])

        code_at, link_at = keys.index("code"), keys.index("link")
        dates = {keys.index(key) for key in DATE_KEYS}
        count = 0
        for row in rows:
            cells = []
            for index, value in enumerate(row):
                if index in dates:
                    cells.append(date_cell(ws, value) if value else None)
                elif index == code_at:
                    cell = text_cell(ws, value, font=link_font)
                    cell.hyperlink = row[link_at]
                    cells.append(cell)
                else:
                    cells.append(text_cell(ws, value) if value else None)
            ws.append(cells)
            count += 1
        # The filter buttons over the header and every row (written when the sheet closes).
        ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{count + 1}"

        about_ws = wb.create_sheet(sheet_name(SHEET_ABOUT))
        about_ws.column_dimensions["A"].width = 36
        about_ws.column_dimensions["B"].width = 100
        wrap = Alignment(wrap_text=True, vertical="top")
        for entry in about(count):
            if entry is None:
                about_ws.append([])
                continue
            label, values = entry
            values = values if isinstance(values, list) else [values]
            for n, value in enumerate(values or [""]):
                about_ws.append(
                    [
                        text_cell(about_ws, label, font=bold) if n == 0 and label else None,
                        value_cell(about_ws, value, alignment=wrap),
                    ]
                )
        _save(wb, out)
    except BaseException:
        _discard(wb)
        raise
    finally:
        for spool in spools:
            if spool is not None:
                spool.close()


def workbook_response(filename, header, keys, rows, about):
    """The workbook as a download: built in a spooled temporary file, then sent from it."""
    # FileResponse closes it once sent.
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115
    try:
        write_workbook(out, header, keys, rows, about)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    response = FileResponse(
        out, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# -- the second sheet -------------------------------------------------------------------------


def _columns(header, keys, *, staff=False):
    words = {"separator": LIST_SEPARATOR, "yes": gettext("yes"), "no": gettext("no")}
    rows = [(pgettext("workbook", "Column"), pgettext("workbook", "What it holds"))]
    for name, key in zip(header, keys, strict=True):
        described = STAFF_LINK_DESCRIPTION if staff and key == "link" else COLUMN_DESCRIPTIONS[key]
        rows.append((name, str(described) % words))
    return rows


def _made():
    """When the file was made, in the site's time zone (Excel has no time zones)."""
    now = timezone.localtime()
    label = gettext("Made (%(zone)s time)") % {"zone": timezone.get_current_timezone_name()}
    return label, now.replace(tzinfo=None, second=0, microsecond=0)


def public_about(request, filterset, header):
    """The second sheet of the public workbook: what it is, the filters, the columns."""
    filters = [
        f"{filterset.filters[name].label}: {label}" for name, _value, label in filterset.active()
    ]
    if filterset.day:
        filters.insert(0, f"{filterset.filters['as_of'].label}: {filterset.day.isoformat()}")
    sort_labels = dict(SORT_CHOICES)
    params = request.GET.copy()
    params.pop("page", None)
    query = params.urlencode()
    web = request.build_absolute_uri(reverse("recommendations:recommendation_list"))
    web = f"{web}?{query}" if query else web
    # Settled now, in the request's language: the sheet is written once the rows are.
    entries = [
        (gettext("Track 1.5 Recommendations Tracker"), None),
        None,
        (
            gettext("What this is"),
            gettext(
                "The published recommendations that match the filters below, one per row: "
                "the list page's results, every page of them."
            ),
        ),
        _made(),
        (
            gettext("Status and overdue as of"),
            filterset.today,
        ),
        (
            gettext("Filters"),
            filters or [gettext("None: every published recommendation.")],
        ),
        (gettext("Sorted by"), str(sort_labels[filterset.sort_key])),
        (gettext("The same view on the tracker"), web),
    ]

    def about(count):
        return [
            *entries,
            (gettext("Recommendations in this file"), count),
            None,
            *_columns(header, REPORT_KEYS),
        ]

    return about


def staff_about(header):
    """The second sheet of the secretariat's workbook: drafts included, not for sharing."""
    entries = [
        (gettext("Track 1.5 Recommendations Tracker"), None),
        None,
        (
            gettext("What this is"),
            gettext(
                "The recommendations selected in the admin, drafts included, with a published "
                "column. For the secretariat: drafts must not be shared."
            ),
        ),
        _made(),
        (gettext("Status and overdue as of"), timezone.localdate()),
    ]

    def about(count):
        return [
            *entries,
            (gettext("Recommendations in this file"), count),
            None,
            *_columns(header, STAFF_REPORT_KEYS, staff=True),
        ]

    return about


# -- views ------------------------------------------------------------------------------------


@require_safe
def recommendation_xlsx(request):
    """The list's results for the same query string, as an Excel workbook."""
    filterset = RecommendationFilter(request.GET, queryset=Recommendation.objects.published())
    if notes := filterset.narrowing_problems():
        return refusal(request, notes)
    header, rows = typed_report(request, filterset.qs, filterset.today, day=filterset.day)
    return workbook_response(
        export_filename(filterset, extension="xlsx"),
        header,
        REPORT_KEYS,
        rows,
        public_about(request, filterset, header),
    )


def staff_workbook_response(request, queryset, filename):
    """The secretariat's report of `queryset` (drafts included) as a workbook."""
    header, rows = typed_report(
        request, queryset.order_by("code"), timezone.localdate(), staff=True
    )
    return workbook_response(filename, header, STAFF_REPORT_KEYS, rows, staff_about(header))
