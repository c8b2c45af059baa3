"""What an import would do, row by row, and what it reports: the plan and its problems."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from recommendations.bilingual import page_language
from recommendations.choices import Lead, Priority, Status, moves_backwards
from recommendations.exports.columns import (
    JAPANESE_IMPORT_HEADERS,
)
from recommendations.models import (
    Recommendation,
)

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
    previous_status: str = ""  # the current status before the import ("" for a new one)

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def previous_status_label(self):
        return Status(self.previous_status).label if self.previous_status else ""

    @property
    def backwards(self):
        """The update would move the current status down the ladder."""
        return self.becomes_current and moves_backwards(self.previous_status, self.status)


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
    published: bool = False  # an update of a recommendation the public can see
    unpublishes: bool = False  # ... that would withdraw it from the public site

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
