"""Understanding one row's cells: choices, dates, yes/no, and names of areas, meetings and bodies."""

import datetime
import difflib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from recommendations.choices import Lead, Priority, Status
from recommendations.importer.outcomes import CHOICE_LABELS, Problem
from recommendations.importer.reading import normalise_word
from recommendations.models import (
    Organisation,
    PolicyArea,
    Recommendation,
    Workshop,
    validate_evidence_urls,
)

TRUE_WORDS = {"yes", "y", "true", "1", "published", "公開", "はい"}
FALSE_WORDS = {"no", "n", "false", "0", "draft", "", "下書き", "非公開", "いいえ"}
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d")
# How alike (0-1, difflib's ratio) a name must be to a known one to be suggested.
NEAR_MISS = 0.75
KIND_LABELS = {
    "policy area": _lazy("policy area"),
    "workshop": _lazy("workshop"),
    "organisation": _lazy("organisation"),
}
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


# -- understanding the cells --------------------------------------------------------------


def name_table(objects, unique, other_names):
    """({normalised name: object}, {ambiguous names}, {normalised name: name as written}).

    Each object is found by its `unique` names (slug, and a name the database keeps unique)
    and by its `other_names`, which may repeat across objects: a repeated one names none.
    """
    table, ambiguous, written = {}, set(), {}
    for obj in objects:
        for name in unique(obj):
            key = normalise_word(name)
            table[key] = obj
            written[key] = name
    for obj in objects:
        for name in other_names(obj):
            key = normalise_word(name)
            if not key:
                continue
            if key in table and table[key] != obj:
                ambiguous.add(key)
            else:
                table[key] = obj
                written[key] = name
    return table, ambiguous, written


class Vocabulary:
    """Everything a cell can name, loaded once per import (a fixed number of queries).

    Areas, meetings and bodies are found by slug, name, short name or Japanese name, in
    any case and in full- or half-width characters.
    """

    def __init__(self):
        areas = list(PolicyArea.objects.all())
        workshops = list(Workshop.objects.all())
        organisations = list(Organisation.objects.all())
        self.areas, self.ambiguous_areas, area_names = name_table(
            areas, lambda a: (a.slug, a.name), lambda a: (a.name_ja,)
        )
        self.workshops, self.ambiguous_workshops, workshop_names = name_table(
            workshops, lambda w: (w.slug,), lambda w: (w.title, w.title_ja)
        )
        self.organisations, self.ambiguous, organisation_names = name_table(
            organisations,
            lambda o: (o.slug, o.name),
            lambda o: (o.name_ja, o.short_name, o.short_name_ja),
        )
        # What a near miss may have meant: every name, as the database writes it.
        self.written = {
            "policy area": area_names,
            "workshop": workshop_names,
            "organisation": organisation_names,
        }
        self.by_pk = {
            "policy_areas": {a.pk: a for a in areas},
            "workshops": {w.pk: w for w in workshops},
            "responsible_bodies": {o.pk: o for o in organisations},
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

    def references(self, column, table, kind, ambiguous=frozenset()):
        """The objects a list cell names; a problem for each name that names none."""
        what = KIND_LABELS[kind]
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
                message = _("Unknown %(what)s “%(value)s”.") % {"what": what, "value": item}
                written = self.vocabulary.written[kind]
                near = difflib.get_close_matches(key, written, n=1, cutoff=NEAR_MISS)
                if near:
                    message += " " + _("Did you mean “%(name)s”?") % {"name": written[near[0]]}
                self.problem(column, message)
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
        lists["policy_areas"] = reader.references(
            "policy areas", v.areas, "policy area", v.ambiguous_areas
        )
    if reader.has("raised at"):
        lists["workshops"] = reader.references(
            "raised at", v.workshops, "workshop", v.ambiguous_workshops
        )
    if reader.has("responsible bodies"):
        lists["responsible_bodies"] = reader.references(
            "responsible bodies", v.organisations, "organisation", v.ambiguous
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
