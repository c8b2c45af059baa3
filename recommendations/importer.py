"""Import recommendations and status changes from a spreadsheet (CSV).

One service for the admin page and the management command:

    plan = plan_import(data)            # decode, parse, validate, compare: writes nothing
    summary = commit_import(data, user=user)   # the same, then all of it in one transaction

A plan with any problem cannot be committed. Importing the same file twice
changes nothing the second time; a new status (or as-of date) appends one
status update; nothing is ever deleted.
"""

import codecs
import csv
import datetime
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .audit import change_set, replace_links
from .bilingual import looks_japanese, page_language
from .choices import Lead, Priority, Status
from .csv_format import (
    IMPORT_COLUMNS,
    JAPANESE_IMPORT_HEADERS,
    LIST_SEPARATOR,
    REQUIRED_IMPORT_COLUMNS,
    evidence_cell,
    restore_cell,
)
from .locking import bump_version
from .models import (
    Organisation,
    PolicyArea,
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
    Workshop,
    validate_evidence_urls,
)
from .services import record_status_update

HEADER_ROW = 1
# The reason written on every audit-history row of one import.
IMPORT_LABEL = "CSV import"
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
TRUE_WORDS = {"yes", "y", "true", "1", "published", "公開", "はい"}
FALSE_WORDS = {"no", "n", "false", "0", "draft", "", "下書き", "非公開", "いいえ"}
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d")
# Scalar fields an import can set, by column, with the model field they fill.
SCALAR_COLUMNS = {
    "title": "title",
    "title ja": "title_ja",
    "text": "text",
    "text ja": "text_ja",
    "rationale": "rationale",
    "rationale ja": "rationale_ja",
    "lead": "lead",
    "priority": "priority",
    "target date": "target_date",
    "published": "is_published",
}
LIST_COLUMNS = {
    "policy areas": "policy_areas",
    "raised at": "workshops",
    "responsible bodies": "responsible_bodies",
}
STATUS_COLUMNS = (
    "status",
    "status as of",
    "status summary",
    "status summary ja",
    "status evidence",
    "status private note",
)


# Every choice value an import cell can name, with its label (the values never collide).
CHOICE_LABELS = {**dict(Status.choices), **dict(Lead.choices), **dict(Priority.choices)}


def column_label(column):
    """A column as the officer's language names it (the Japanese template's header in Japanese)."""
    if page_language() == "ja":
        return JAPANESE_IMPORT_HEADERS.get(column, column)
    return column


@dataclass(frozen=True)
class Problem:
    """Something wrong with the file. `row` counts as a spreadsheet does (header = 1)."""

    row: int | None
    column: str
    message: str

    @property
    def column_label(self):
        return column_label(self.column)

    def __str__(self):
        where = []
        if self.row:
            where.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("column “%(column)s”") % {"column": column_label(self.column)})
        if not where:
            return self.message
        return _("%(where)s: %(message)s") % {"where": _(", ").join(where), "message": self.message}


@dataclass(frozen=True)
class Change:
    column: str
    old: str
    new: str

    @property
    def column_label(self):
        return column_label(self.column)


@dataclass(frozen=True)
class PlannedUpdate:
    status: str
    as_of: datetime.date
    summary: str
    summary_ja: str
    evidence_urls: str
    private_note: str
    becomes_current: bool

    @property
    def status_label(self):
        return Status(self.status).label


@dataclass
class PlannedRow:
    row: int
    code: str
    action: str  # "create", "update" or "unchanged"
    changes: list = field(default_factory=list)
    status_update: PlannedUpdate | None = None
    fields: dict = field(default_factory=dict)  # model field -> new value (create: all)
    lists: dict = field(default_factory=dict)  # relation -> [objects] to set
    existing: Recommendation | None = None

    def fingerprint(self):
        """A digest of what importing this row would do, to tell whether that has changed."""
        update = self.status_update
        effect = (
            self.code,
            self.action,
            tuple((c.column, c.old, c.new) for c in self.changes),
            None
            if update is None
            else (
                update.status,
                update.as_of.isoformat(),
                update.summary,
                update.summary_ja,
                update.evidence_urls,
                update.private_note,
                update.becomes_current,
            ),
        )
        return hashlib.sha256(repr(effect).encode()).hexdigest()[:24]


@dataclass
class ImportPlan:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ","

    @property
    def can_commit(self):
        return not self.problems and bool(self.rows)

    @property
    def creates(self):
        return [r for r in self.rows if r.action == "create"]

    @property
    def updates(self):
        return [r for r in self.rows if r.action == "update"]

    @property
    def unchanged(self):
        return [r for r in self.rows if r.action == "unchanged" and not r.status_update]

    @property
    def status_updates(self):
        return [r for r in self.rows if r.status_update]

    def fingerprints(self):
        """{row number: fingerprint}: what the officer saw in the preview, to check at commit."""
        return {str(row.row): row.fingerprint() for row in self.rows}

    def changed_since(self, fingerprints):
        """The rows whose effect differs from the previewed `fingerprints` (or that are new)."""
        now = self.fingerprints()
        differ = {n for n in now.keys() | fingerprints.keys() if now.get(n) != fingerprints.get(n)}
        return [row for row in self.rows if str(row.row) in differ]


@dataclass(frozen=True)
class ImportSummary:
    created: list
    updated: list
    status_updates: int
    unchanged: int

    def __str__(self):
        return _(
            "%(created)s created, %(updated)s updated, %(updates)s status updates appended, "
            "%(unchanged)s unchanged."
        ) % {
            "created": len(self.created),
            "updated": len(self.updated),
            "updates": self.status_updates,
            "unchanged": self.unchanged,
        }


class ImportRefused(Exception):
    """Raised by commit_import when the file has problems; nothing was written."""

    def __init__(self, plan):
        self.plan = plan
        super().__init__("; ".join(str(p) for p in plan.problems[:5]))


class PlanChanged(ImportRefused):
    """Raised by commit_import when the database moved since the preview: the file would
    now do something else to `rows`. Nothing was written; `plan` is the fresh preview."""

    def __init__(self, plan, rows):
        self.plan = plan
        self.rows = rows
        super(ImportRefused, self).__init__(
            ", ".join(f"{row.code} (row {row.row})" for row in rows[:10])
        )


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


# -- understanding the cells --------------------------------------------------------------


class Vocabulary:
    """Everything a cell can name, loaded once per import (a fixed number of queries)."""

    def __init__(self):
        self.areas = {}
        for area in PolicyArea.objects.all():
            self.areas[normalise_word(area.slug)] = area
            for name in (area.name, area.name_ja):
                if name:
                    self.areas.setdefault(normalise_word(name), area)
        self.workshops = {normalise_word(w.slug): w for w in Workshop.objects.all()}
        self.organisations = {}
        self.ambiguous = set()
        organisations = list(Organisation.objects.all())
        for org in organisations:
            self.organisations[normalise_word(org.slug)] = org
            self.organisations[normalise_word(org.name)] = org
        # Japanese names and short names can repeat across bodies: one that does names none.
        for org in organisations:
            for name in (org.name_ja, org.short_name, org.short_name_ja):
                key = normalise_word(name)
                if not key:
                    continue
                if key in self.organisations and self.organisations[key] != org:
                    self.ambiguous.add(key)
                else:
                    self.organisations[key] = org
        self.slug_of = {
            "policy_areas": {a.pk: a.slug for a in self.areas.values()},
            "workshops": {w.pk: w.slug for w in self.workshops.values()},
            "responsible_bodies": {o.pk: o.slug for o in self.organisations.values()},
        }
        self.status = choice_words(Status)
        self.lead = choice_words(Lead)
        self.priority = choice_words(Priority)


def choice_words(choices):
    """{word: value} accepting each value and its label in every language of the site."""
    words = {normalise_word(value): value for value in choices.values}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in choices.choices:
                words.setdefault(normalise_word(str(label)), value)
    return words


def split_list(cell):
    return [item.strip() for item in re.split(r"[;；]", cell) if item.strip()]


def parse_date(cell):
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(cell, pattern).date()
        except ValueError:
            continue
    raise ValidationError(
        _("“%(value)s” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31."),
        code="bad_date",
        params={"value": cell},
    )


def model_field_clean(name, value):
    """Run the model field's own checks (length, code format, required)."""
    model_field = Recommendation._meta.get_field(name)
    return model_field.clean(value, None)


class RowReader:
    """Turns one row's cells into clean values, collecting a Problem per bad cell."""

    def __init__(self, number, values, vocabulary, plan):
        self.number = number
        self.values = values
        self.vocabulary = vocabulary
        self.plan = plan
        self.ok = True

    def problem(self, column, message):
        self.ok = False
        self.plan.problems.append(Problem(self.number, column, str(message)))

    def has(self, column):
        return column in self.values

    def cell(self, column):
        return self.values.get(column, "")

    def model_value(self, column, name):
        try:
            return model_field_clean(name, self.cell(column))
        except ValidationError as error:
            for message in error.messages:
                self.problem(column, message)
            return None

    def choice(self, column, words, default=None):
        cell = self.cell(column)
        if not cell and default is not None:
            return default
        if not cell:
            self.problem(column, _("This cell is required."))
            return None
        value = words.get(normalise_word(cell))
        if value is None:
            self.problem(
                column,
                _("Unknown value “%(value)s”; use one of: %(choices)s.")
                % {
                    "value": cell,
                    "choices": _(", ").join(
                        _("%(value)s (%(label)s)") % {"value": value, "label": CHOICE_LABELS[value]}
                        for value in sorted(set(words.values()))
                    ),
                },
            )
        return value

    def boolean(self, column):
        cell = normalise_word(self.cell(column))
        if cell in TRUE_WORDS:
            return True
        if cell in FALSE_WORDS:
            return False
        self.problem(column, _("“%(value)s” is not yes or no.") % {"value": self.cell(column)})
        return None

    def date(self, column):
        cell = self.cell(column)
        if not cell:
            return None
        try:
            return parse_date(cell)
        except ValidationError as error:
            self.problem(column, error.messages[0])
            return None

    def references(self, column, table, what, ambiguous=frozenset()):
        found = []
        for item in split_list(self.cell(column)):
            key = normalise_word(item)
            if key in ambiguous:
                self.problem(
                    column,
                    _("“%(value)s” names more than one %(what)s; use its slug.")
                    % {"value": item, "what": what},
                )
            elif key not in table:
                self.problem(
                    column, _("Unknown %(what)s “%(value)s”.") % {"what": what, "value": item}
                )
            elif table[key] not in found:
                found.append(table[key])
        return found


def read_row(reader):
    """{model field: value} and {relation: [objects]} for the columns the file has."""
    v = reader.vocabulary
    fields = {}
    for column, name in SCALAR_COLUMNS.items():
        if not reader.has(column):
            continue
        if column == "lead":
            fields[name] = reader.choice(column, v.lead)
        elif column == "priority":
            fields[name] = reader.choice(column, v.priority, default=Priority.MEDIUM)
        elif column == "published":
            fields[name] = reader.boolean(column)
        elif column == "target date":
            fields[name] = reader.date(column)
        else:
            fields[name] = reader.model_value(column, name)
    lists = {}
    if reader.has("policy areas"):
        lists["policy_areas"] = reader.references("policy areas", v.areas, _("policy area"))
    if reader.has("raised at"):
        lists["workshops"] = reader.references("raised at", v.workshops, _("workshop"))
    if reader.has("responsible bodies"):
        lists["responsible_bodies"] = reader.references(
            "responsible bodies", v.organisations, _("organisation"), v.ambiguous
        )
    return fields, lists


def read_status(reader, today):
    """(status, as_of, summary, summary_ja, evidence, private note), or None without a status."""
    status = reader.choice("status", reader.vocabulary.status) if reader.cell("status") else None
    as_of = reader.date("status as of")
    summary = reader.cell("status summary")
    summary_ja = reader.cell("status summary ja")
    evidence = "\n".join(re.split(r";?\s+", reader.cell("status evidence").rstrip(";")))
    evidence = evidence if evidence.strip() else ""
    private_note = reader.cell("status private note")
    if evidence:
        try:
            validate_evidence_urls(evidence)
        except ValidationError:
            reader.problem(
                "status evidence", _("Each evidence link must be a web address (http or https).")
            )
    if as_of and as_of > today:
        reader.problem("status as of", _("The as-of date is in the future."))
    if as_of and not reader.cell("status"):
        reader.problem("status", _("An as-of date needs a status."))
    if (summary or summary_ja or evidence or private_note) and not reader.cell("status"):
        reader.problem("status", _("A status summary, evidence or note needs a status."))
    if not reader.cell("status"):
        return None
    return status, as_of, summary, summary_ja, evidence, private_note


# -- comparing with the database ----------------------------------------------------------


def display(name, value):
    """A value as the preview shows it."""
    if value is None or value == "":
        return ""
    if name == "is_published":
        return _("yes") if value else _("no")
    if name == "lead":
        return str(Lead(value).label)
    if name == "priority":
        return str(Priority(value).label)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return LIST_SEPARATOR.join(sorted(obj.slug for obj in value))
    return str(value)


COLUMN_OF = {**{v: k for k, v in SCALAR_COLUMNS.items()}, **{v: k for k, v in LIST_COLUMNS.items()}}


class Existing:
    """The recommendations a file names, with their relations and logs (a fixed number of queries)."""

    def __init__(self, codes, vocabulary, *, lock=False):
        self.vocabulary = vocabulary
        named = Recommendation.objects.filter(code__in=codes)
        if lock:
            named = named.select_for_update()
        self.by_code = {r.code: r for r in named}
        ids = [r.pk for r in self.by_code.values()]
        self.related = {
            pk: {"policy_areas": set(), "workshops": set(), "responsible_bodies": set()}
            for pk in ids
        }
        for through, key, relation in (
            (RecommendationArea, "area_id", "policy_areas"),
            (RaisedAt, "workshop_id", "workshops"),
            (ResponsibleBody, "organisation_id", "responsible_bodies"),
        ):
            for pk, target in through.objects.filter(recommendation__in=ids).values_list(
                "recommendation_id", key
            ):
                self.related[pk][relation].add(target)
        self.log = {}
        for update in StatusUpdate.objects.filter(recommendation__in=ids).only(
            "recommendation_id", *StatusUpdate.ENTRY_FIELDS
        ):
            self.log.setdefault((update.recommendation_id, update.status, update.as_of), update)

    def related_slugs(self, recommendation, relation):
        slug_of = self.vocabulary.slug_of[relation]
        return LIST_SEPARATOR.join(
            sorted(slug_of[pk] for pk in self.related[recommendation.pk][relation])
        )


def plan_row(number, fields, lists, status, existing, plan):
    """What importing one valid row would do."""
    code = fields.pop("code")
    recommendation = existing.by_code.get(code)
    planned = PlannedRow(row=number, code=code, action="create", existing=recommendation)
    if recommendation is None:
        planned.fields = fields
        planned.lists = lists
        planned.changes = [
            Change(COLUMN_OF[n], "", display(n, v)) for n, v in fields.items() if display(n, v)
        ]
        planned.changes += [
            Change(COLUMN_OF[n], "", display(n, objs)) for n, objs in lists.items() if objs
        ]
        current = (Status.PROPOSED, None)
    else:
        for name, value in fields.items():
            if getattr(recommendation, name) != value:
                planned.fields[name] = value
                planned.changes.append(
                    Change(
                        COLUMN_OF[name],
                        display(name, getattr(recommendation, name)),
                        display(name, value),
                    )
                )
        for relation, objs in lists.items():
            if {obj.pk for obj in objs} != existing.related[recommendation.pk][relation]:
                planned.lists[relation] = objs
                planned.changes.append(
                    Change(
                        COLUMN_OF[relation],
                        existing.related_slugs(recommendation, relation),
                        display(relation, objs),
                    )
                )
        planned.action = "update" if planned.changes else "unchanged"
        current = (recommendation.status, recommendation.status_as_of)
    if status:
        planned.status_update = plan_status(number, recommendation, status, current, existing, plan)
    return planned


def plan_status(number, recommendation, status, current, existing, plan):
    value, as_of, summary, summary_ja, evidence, private_note = status
    if as_of is None:
        if value == current[0]:
            return None
        plan.problems.append(
            Problem(number, "status as of", _("A change of status needs its as-of date."))
        )
        return None
    recorded = recommendation and existing.log.get((recommendation.pk, value, as_of))
    if recorded:
        recorded_text = (
            recorded.summary,
            recorded.summary_ja,
            evidence_cell(recorded.evidence_urls),
            recorded.private_note,
        )
        if recorded_text != (summary, summary_ja, evidence_cell(evidence), private_note):
            plan.notes.append(
                Problem(
                    number,
                    "status summary",
                    _(
                        "This status and as-of date are already recorded with other text. The "
                        "log is never edited, so the file's text is not applied; give a new "
                        "as-of date to record a new update."
                    ),
                )
            )
        return None
    becomes_current = current[1] is None or as_of >= current[1]
    if not becomes_current:
        plan.notes.append(
            Problem(
                number,
                "status as of",
                _("This update is older than the current status, which stays %(status)s.")
                % {"status": Status(current[0]).label},
            )
        )
    return PlannedUpdate(value, as_of, summary, summary_ja, evidence, private_note, becomes_current)


def plan_import(data, *, lock=False):
    """Everything importing `data` (the file's bytes) would do. Writes nothing.

    With `lock` (inside commit_import's transaction), the recommendations the file names
    are locked until the commit ends, so nobody changes them between plan and write.
    """
    plan = ImportPlan()
    records = read_records(data, plan)
    if records is None:
        return plan
    vocabulary = Vocabulary()
    today = timezone.localdate()
    first_row_of = {}
    valid = []
    for number, values in records:
        reader = RowReader(number, values, vocabulary, plan)
        code = reader.model_value("code", "code")
        if code and code in first_row_of:
            reader.problem(
                "code",
                _("The code %(code)s is also on row %(row)s; each code may appear once.")
                % {"code": code, "row": first_row_of[code]},
            )
        elif code:
            first_row_of[code] = number
        fields, lists = read_row(reader)
        status = read_status(reader, today)
        if reader.ok:
            valid.append((number, {"code": code, **fields}, lists, status))
    existing = Existing([fields["code"] for _n, fields, _l, _s in valid], vocabulary, lock=lock)
    for number, fields, lists, status in valid:
        plan.rows.append(plan_row(number, fields, lists, status, existing, plan))
    return plan


# -- writing ------------------------------------------------------------------------------


def commit_import(data, *, user=None, expected=None):
    """Validate `data` again and apply all of it in one transaction, or raise ImportRefused.

    `expected` is the fingerprints of the plan the officer saw; when the file would now do
    anything else (someone created or changed a recommendation it names meanwhile),
    nothing is written and PlanChanged carries the fresh plan and the rows that differ.
    """
    with transaction.atomic(), change_set(user=user, label=IMPORT_LABEL):
        plan = plan_import(data, lock=True)
        if not plan.can_commit:
            raise ImportRefused(plan)
        if expected is not None and (changed := plan.changed_since(expected)):
            raise PlanChanged(plan, changed)
        created, updated, appended = [], [], 0
        for row in plan.rows:
            recommendation = apply_row(row)
            if row.action == "create":
                created.append(recommendation)
            elif row.action == "update":
                updated.append(recommendation)
            if row.status_update:
                update = row.status_update
                record_status_update(
                    recommendation=recommendation,
                    status=update.status,
                    as_of=update.as_of,
                    summary=update.summary,
                    summary_ja=update.summary_ja,
                    evidence_urls=update.evidence_urls,
                    private_note=update.private_note,
                    recorded_by=user,
                )
                appended += 1
    return ImportSummary(
        created=created,
        updated=updated,
        status_updates=appended,
        unchanged=len(plan.unchanged),
    )


def apply_row(row):
    if row.action == "create":
        recommendation = Recommendation.objects.create(code=row.code, **row.fields)
    else:
        recommendation = row.existing
        if row.fields:
            # An import's edit moves the version like any other, so an admin form opened
            # before it is refused rather than silently undoing it.
            bump_version(recommendation)
            for name, value in row.fields.items():
                setattr(recommendation, name, value)
            recommendation.save(update_fields=[*row.fields, "updated_at", "version"])
    for relation, objs in row.lists.items():
        # Link by link, so each added or removed area, meeting or body is in the audit trail.
        replace_links(recommendation, relation, objs)
    return recommendation
