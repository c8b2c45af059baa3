"""Reading the uploaded bytes: encoding, separator, header row and the rows' cells."""

import codecs
import csv
import io
import re
import unicodedata

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from recommendations.bilingual import looks_japanese
from recommendations.exports.columns import (
    IMPORT_COLUMNS,
    JAPANESE_IMPORT_HEADERS,
    REQUIRED_IMPORT_COLUMNS,
    restore_cell,
)
from recommendations.importer.outcomes import Problem

HEADER_ROW = 1
# The reason written on every audit-history row of one import.
# Other spellings people write in the header row, mapped to the documented name.
COLUMN_ALIASES = {
    "lead side": "lead",
    "full text": "text",
    "policy area": "policy areas",
    "areas": "policy areas",
    "workshops": "raised at",
    "bodies": "responsible bodies",
    "responsible body": "responsible bodies",
    "status date": "status as of",
    "title (japanese)": "title ja",
    "text (japanese)": "text ja",
    "rationale (japanese)": "rationale ja",
    "status summary (japanese)": "status summary ja",
    # Japanese headers without the language in brackets mean the English column, as in
    # the template, except where only one language exists.
    "提言番号": "code",
    "コード": "code",
    "件名": "title",
    "タイトル": "title",
    "本文": "text",
    "理由": "rationale",
    "主導国": "lead",
    "実施状況の基準日": "status as of",
    "進捗報告": "status summary",
}

# -- reading the file ---------------------------------------------------------------------


# A Western-European file read as Shift_JIS turns each accented letter and the letter
# after it into one kanji, or an accented capital into a half-width katakana, inside an
# otherwise Latin word ("Département" → "D駱artement"). Real Japanese text does not
# squeeze a single character between two Latin letters.
_MISREAD_AS_SHIFT_JIS = re.compile(
    r"(?<=[A-Za-z])[\u3400-\u9fff\uf900-\ufaff](?=[A-Za-z])"
    r"|[A-Za-z][\uff61-\uff9f]|[\uff61-\uff9f][A-Za-z]"
)


def reads_as_japanese(text):
    """Whether text decoded as Shift_JIS is Japanese, not another encoding read wrongly."""
    return looks_japanese(text) and not _MISREAD_AS_SHIFT_JIS.search(text)


def is_utf16(data):
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    # Without a byte-order mark: ASCII text in UTF-16 has a NUL in every other byte.
    sample = data[:2000]
    return len(sample) >= 4 and max(sample[0::2].count(0), sample[1::2].count(0)) > len(sample) // 3


def likely_encoding(data):
    """A name for what the file probably is, for the refusal message."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any(not ch.isascii() and ch.isalpha() for ch in text):
        return _("Western European (Windows-1252 or ISO-8859-1)")
    return None


def decode(data):
    """(text, encoding name) of an uploaded file, or raise ValueError with a message.

    UTF-8 (with or without BOM) is read as is; Shift_JIS only when the bytes are valid
    Shift_JIS and the text reads as Japanese. Anything else is refused, naming what it
    probably is: a wrong guess would import garbled names without a word.
    """
    save_as_utf8 = _(
        "In Excel choose File › Save As › “CSV UTF-8 (Comma delimited)”, then upload that file."
    )
    if is_utf16(data):
        raise ValueError(
            _("This file is UTF-16 text, which the import does not read.") + " " + save_as_utf8
        )
    if b"\x00" in data:
        raise ValueError(
            _(
                "This is not a CSV text file (it contains binary data). Save the spreadsheet "
                "as “CSV UTF-8” and try again."
            )
        )
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        text = None
    if text is not None and reads_as_japanese(text):
        return text, "Shift_JIS"
    likely = likely_encoding(data)
    if likely:
        message = _(
            "The file is neither UTF-8 nor Japanese Shift_JIS text; it looks like %(encoding)s."
        ) % {"encoding": likely}
    else:
        message = _("The file is neither UTF-8 nor Shift_JIS text.")
    raise ValueError(message + " " + save_as_utf8)


def detect_delimiter(text):
    first_line = text.split("\n", 1)[0]
    return ";" if first_line.count(";") > first_line.count(",") else ","


def normalise_word(text):
    """Compare as people read: full- and half-width forms alike, case and spacing ignored."""
    return re.sub(r"[\s_]+", " ", unicodedata.normalize("NFKC", text).strip().lower())


# Every accepted spelling of a column, normalised: its name, its aliases, its Japanese name.
HEADER_NAMES = {
    **{normalise_word(alias): column for alias, column in COLUMN_ALIASES.items()},
    **{normalise_word(japanese): column for column, japanese in JAPANESE_IMPORT_HEADERS.items()},
}


def normalise_header(name):
    name = normalise_word(name)
    return HEADER_NAMES.get(name, name)


def read_records(data, plan):
    """[(row number, {column: cell})] for the data rows, or None after a file-level problem."""
    max_bytes = getattr(settings, "IMPORT_MAX_BYTES", 5 * 1024 * 1024)
    if len(data) > max_bytes:
        plan.problems.append(Problem(None, "", too_large_message(len(data))))
        return None
    try:
        text, plan.encoding = decode(data)
    except ValueError as error:
        plan.problems.append(Problem(None, "", str(error)))
        return None
    plan.delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=plan.delimiter, strict=True)
    records = []
    try:
        for number, cells in enumerate(reader, start=HEADER_ROW):
            records.append((number, cells))
    except csv.Error as error:
        plan.problems.append(
            Problem(
                len(records) + 1,
                "",
                _("The file cannot be read as CSV here (%(error)s).") % {"error": error},
            )
        )
        return None
    if not records or not any(cell.strip() for cell in records[0][1]):
        plan.problems.append(Problem(HEADER_ROW, "", _("The file has no header row.")))
        return None

    header = [normalise_header(name) for name in records[0][1]]
    known = []
    for name in header:
        if not name:
            continue
        if name not in IMPORT_COLUMNS:
            plan.problems.append(
                Problem(
                    HEADER_ROW,
                    name,
                    _("Unknown column. The columns are: %(columns)s.")
                    % {"columns": ", ".join(IMPORT_COLUMNS)},
                )
            )
        elif name in known:
            plan.problems.append(Problem(HEADER_ROW, name, _("This column appears twice.")))
        known.append(name)
    for name in REQUIRED_IMPORT_COLUMNS:
        if name not in header:
            plan.problems.append(Problem(HEADER_ROW, name, _("This required column is missing.")))
    if plan.problems:
        return None

    rows = [(n, cells) for n, cells in records[1:] if any(cell.strip() for cell in cells)]
    if not rows:
        plan.problems.append(Problem(None, "", _("The file has a header row but no data rows.")))
        return None
    max_rows = getattr(settings, "IMPORT_MAX_ROWS", 5000)
    if len(rows) > max_rows:
        plan.problems.append(
            Problem(
                None,
                "",
                ngettext(
                    "The file has %(count)s rows; at most %(max)s row can be imported at once.",
                    "The file has %(count)s rows; at most %(max)s rows can be imported at once.",
                    max_rows,
                )
                % {"count": len(rows), "max": max_rows},
            )
        )
        return None

    result = []
    for number, cells in rows:
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            plan.problems.append(
                Problem(number, "", _("This row has more cells than the header row has columns."))
            )
            continue
        values = {
            name: restore_cell(cells[i].strip()) if i < len(cells) else ""
            for i, name in enumerate(header)
            if name
        }
        result.append((number, values))
    return result


def too_large_message(size):
    max_bytes = getattr(settings, "IMPORT_MAX_BYTES", 5 * 1024 * 1024)
    return _("The file is %(size)s bytes; files up to %(max)s bytes can be imported.") % {
        "size": size,
        "max": max_bytes,
    }
