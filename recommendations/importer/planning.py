"""Comparing the file's rows with the database: the plan of creates, changes and updates."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from recommendations.choices import Lead, Priority, Status
from recommendations.exports.columns import (
    EXAMPLE_CODE,
    LIST_SEPARATOR,
    evidence_cell,
)
from recommendations.importer.matching import (
    LIST_COLUMNS,
    SCALAR_COLUMNS,
    RowReader,
    Vocabulary,
    read_row,
    read_status,
)
from recommendations.importer.outcomes import Change, ImportPlan, PlannedRow, PlannedUpdate, Problem
from recommendations.importer.reading import read_records
from recommendations.models import (
    Organisation,
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
    Workshop,
)

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
        return names(value)
    return str(value)


def names(objects):
    """Areas, meetings or bodies as an officer knows them: by name, in the admin's language."""
    return LIST_SEPARATOR.join(sorted(str(name_of(obj)) for obj in objects))


def name_of(obj):
    if isinstance(obj, Organisation):
        return obj.label
    return obj.localized.title if isinstance(obj, Workshop) else obj.localized.name


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

    def related_names(self, recommendation, relation):
        by_pk = self.vocabulary.by_pk[relation]
        return names(by_pk[pk] for pk in self.related[recommendation.pk][relation])


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
                        existing.related_names(recommendation, relation),
                        display(relation, objs),
                    )
                )
        planned.action = "update" if planned.changes else "unchanged"
        planned.published = recommendation.is_published
        planned.unpublishes = recommendation.is_published and fields.get("is_published") is False
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
    return PlannedUpdate(
        value,
        as_of,
        summary,
        summary_ja,
        evidence,
        private_note,
        becomes_current,
        previous_status=current[0] if recommendation else "",
    )


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
        if code == EXAMPLE_CODE:
            reader.problem(
                "code",
                _(
                    "This is the template's example row: delete it, or give the recommendation "
                    "a code of its own."
                ),
            )
        elif code and code in first_row_of:
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
