"""The progress report: what changed between two dates, for programme leads and funders.

`/report/?from=YYYY-MM-DD&to=YYYY-MM-DD` compares the tracker as it stood at the start of
`from` (the end of the day before) with the tracker at the end of `to`
(RecommendationQuerySet.standing_on, overdue judged on the same days): headline
figures at both dates, and per policy area what was newly implemented, newly started,
moved backwards, slipped (target date moved later) and newly overdue in between, with the
public status updates dated in the period. `/report/export.csv` gives the same comparison
one row per recommendation.

The period includes both of its days: the comparison starts where the day before ends, so
a change dated on `from` belongs to it, as do the updates and slips dated that day, and
back-to-back periods (one quarter, then the next) leave no day out and count none twice.

Everything is computed in a fixed number of queries whatever the number of
recommendations or areas: the two point-in-time statuses come back as value tuples and
are grouped here, in Python.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Case, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from recommendations.choices import Status, completion_share, moves_backwards
from recommendations.models import (
    Organisation,
    PolicyArea,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
)
from recommendations.querysets import EARLIEST_DAY, STATUS_THEN, overdue_condition, target_slips

# Entries shown per list on the page ("and N more" beyond); the CSV has every row. A
# report is read and printed: at 100,000 recommendations, 100 per list made a 1.9 MB page of
# 2,800 rows that took a second to build, where 20 tell the story and the CSV the rest.
LIST_LIMIT = 20
# Status updates of the period shown on the page, newest first; the count shows them all.
UPDATE_LIMIT = 200

NOT_STARTED = (Status.PROPOSED, Status.NOT_STARTED)
UNDER_WAY = (Status.IN_PROGRESS, Status.PARTIALLY_IMPLEMENTED)
STARTED = (*UNDER_WAY, Status.IMPLEMENTED)

OVERDUE_THEN = "overdue_then"
# The status and overdue flag when the period began, beside STATUS_THEN at its end.
STATUS_START = "status_start"
OVERDUE_START = "overdue_start"


# -- the period ---------------------------------------------------------------------------


def quarter_start(day):
    """The first day of the calendar quarter `day` falls in."""
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def last_full_quarter(today):
    """(first day, last day) of the last calendar quarter that ended before `today`."""
    end = quarter_start(today) - datetime.timedelta(days=1)
    return quarter_start(end), end


class ReportDateField(forms.DateField):
    """A day written the ISO way (what <input type="date"> sends), or nothing."""

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%d"], required=False, **kwargs)
        self.error_messages["invalid"] = _("Enter the date as YYYY-MM-DD, e.g. 2026-09-30.")


class ReportPeriodForm(forms.Form):
    """The `from` and `to` parameters of the report, with their defaults.

    Neither given: the last full calendar quarter before today. Only `from`: up to today.
    Only `to`: from the first day of its quarter. An empty box counts as not given.
    """

    def __init__(self, data=None, *, today=None, **kwargs):
        super().__init__(data, **kwargs)
        self.today = today or timezone.localdate()
        # "from" is a Python keyword, so the fields cannot be declared as class attributes.
        self.fields["from"] = ReportDateField(label=_("From"))
        self.fields["to"] = ReportDateField(label=_("To"))

    def _check_day(self, day):
        if day is None:
            return day
        if day > self.today:
            raise ValidationError(
                _("%(date)s is in the future: a report can only cover days that have passed."),
                code="future_date",
                params={"date": date_format(day)},
            )
        if day < EARLIEST_DAY:
            raise ValidationError(
                _("Choose a date from %(date)s onwards."),
                code="too_early",
                params={"date": date_format(EARLIEST_DAY)},
            )
        return day

    def clean_from(self):
        return self._check_day(self.cleaned_data.get("from"))

    def clean_to(self):
        return self._check_day(self.cleaned_data.get("to"))

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        start, end = cleaned.get("from"), cleaned.get("to")
        if start is None and end is None:
            start, end = last_full_quarter(self.today)
        elif end is None:
            end = self.today
        elif start is None:
            start = quarter_start(end)
        if start > end:
            raise ValidationError(
                _("The start date (%(start)s) is after the end date (%(end)s)."),
                code="from_after_to",
                params={"start": date_format(start), "end": date_format(end)},
            )
        cleaned["from"], cleaned["to"] = start, end
        return cleaned

    @property
    def period(self):
        """(start, end) once the form is valid."""
        return self.cleaned_data["from"], self.cleaned_data["to"]

    def shown_value(self, name):
        """What a date box shows: the day in force, else what was typed if it is a date
        (a future one, say) so it can be corrected; never text a date box cannot hold."""
        if self.is_valid():
            return self.cleaned_data[name].isoformat()
        typed = (self.data.get(name) or "").strip()[:10]
        try:
            datetime.date.fromisoformat(typed)
        except ValueError:
            return ""
        return typed

    def boxes(self):
        """The two date boxes as the page draws them: id, name, label, value, errors."""
        return [
            {
                "id": f"report-{name}",
                "name": name,
                "label": self.fields[name].label,
                "value": self.shown_value(name),
                "errors": self.errors.get(name, []),
                # Both boxes are at fault when the start falls after the end.
                "out_of_order": bool(self.non_field_errors()),
            }
            for name in ("from", "to")
        ]

    def problems(self):
        """[(field name or None, message)] in the order the form shows its boxes, each
        message saying which box it is about."""
        found = [(None, message) for message in self.non_field_errors()]
        for name in ("from", "to"):
            label = self.fields[name].label
            found += [
                (name, gettext("%(field)s: %(problem)s") % {"field": label, "problem": message})
                for message in self.errors.get(name, [])
            ]
        return found


# -- the comparison -----------------------------------------------------------------------


def _with_overdue(queryset, day, status=STATUS_THEN, overdue=OVERDUE_THEN):
    """Annotate `overdue`: overdue at the end of `day`, judged on the `status` column."""
    return queryset.annotate(
        **{
            overdue: Case(
                When(overdue_condition(day, status=status), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        }
    )


def baseline(start):
    """The day whose end the period starts from: the day before its first day."""
    return start - datetime.timedelta(days=1)


def both_ends(start, end):
    """The published recommendations raised by the end of `end`, each with its status and
    overdue flag at the end (STATUS_THEN, OVERDUE_THEN) and when the period began, at the
    end of the day before `start` (STATUS_START, OVERDUE_START; no status when it was not
    yet raised then): the page and its CSV compare the same two states."""
    day_before = baseline(start)
    at_end = Recommendation.objects.published().standing_on(end)
    with_start = _with_overdue(
        at_end.with_status_on(day_before, STATUS_START),
        day_before,
        status=STATUS_START,
        overdue=OVERDUE_START,
    )
    return _with_overdue(with_start, end)


def slipped_between(start, end):
    """Ids of the recommendations whose target date was moved later while published on a
    day (local time) from `start` to `end`. One query.

    The audit rows up to `end` are read whole and the start of the period applied here:
    narrowing them in SQL before the window would hide the row each slip is compared with.
    """
    rows = target_slips(until=end).values_list("id", "history_date")
    return {pk for pk, moment in rows if timezone.localdate(moment) >= start}


@dataclass
class Figure:
    """One headline measure at the start and the end of the period."""

    label: str
    start: float
    end: float
    percent: bool = False

    @property
    def change(self):
        difference = self.end - self.start
        return round(difference, 1) if self.percent else difference

    @property
    def change_shown(self):
        """The change with its sign: "+3", "−1.5" (a real minus sign), "0"."""
        change = self.change
        if not change:
            return "0"
        return f"+{change}" if change > 0 else f"\u2212{-change}"


class Standing(NamedTuple):
    """Where a recommendation stood at one end of the period."""

    status: str
    overdue: bool


class StandingAtEnd(NamedTuple):
    """Where a recommendation stood at the end of the period, with what its lists show."""

    code: str
    target_date: datetime.date | None
    status: str
    overdue: bool

    @property
    def standing(self):
        return Standing(self.status, self.overdue)


@dataclass
class Entry:
    """One recommendation in a list of the report."""

    recommendation: Recommendation
    status_start: str | None  # None: not yet raised at the start
    status_end: str
    target_date: datetime.date | None

    @property
    def start_label(self):
        return Status(self.status_start).label if self.status_start else None

    @property
    def end_label(self):
        return Status(self.status_end).label


@dataclass
class ChangeList:
    """The recommendations of one area that changed one way, in code order."""

    key: str
    label: str
    ids: list = field(default_factory=list)
    entries: list = field(default_factory=list)  # the first LIST_LIMIT, as Entry

    @property
    def count(self):
        return len(self.ids)

    @property
    def more(self):
        return self.count - len(self.entries)


# The ways a recommendation can have changed, in the order the report lists them.
CHANGE_KINDS = (
    ("implemented", _("Newly implemented")),
    ("started", _("Newly started")),
    ("backwards", _("Moved backwards")),
    ("slipped", _("Target date slipped")),
    ("overdue", _("Newly overdue")),
)


def change_kinds(before, after, slipped):
    """The CHANGE_KINDS keys that apply to a recommendation.

    `before` is the Standing at the start, or None if it was not yet raised; `after` the
    Standing at the end; `slipped` whether its target slipped in the period.
    """
    status_before, overdue_before = before or (None, False)
    status_after, overdue_after = after
    kinds = []
    if status_after == Status.IMPLEMENTED and status_before != Status.IMPLEMENTED:
        kinds.append("implemented")
    if status_after in STARTED and (status_before is None or status_before in NOT_STARTED):
        kinds.append("started")
    if status_before is not None and moves_backwards(status_before, status_after):
        kinds.append("backwards")
    if slipped:
        kinds.append("slipped")
    if overdue_after and not overdue_before:
        kinds.append("overdue")
    return kinds


@dataclass
class AreaChanges:
    """What changed in one policy area (`area` None: recommendations in no area)."""

    area: PolicyArea | None
    lists: list

    @property
    def anchor(self):
        return f"area-{self.area.slug}" if self.area else "area-none"

    @property
    def changed(self):
        return any(change_list.count for change_list in self.lists)

    @property
    def counts(self):
        return [change_list.count for change_list in self.lists]


@dataclass
class BodyStanding:
    """Where one responsible body's published recommendations stood at both ends."""

    body: Organisation
    # How many of its recommendations held each status at the start and at the end.
    statuses_start: Counter = field(default_factory=Counter)
    statuses_end: Counter = field(default_factory=Counter)
    overdue: int = 0  # at the end
    newly_overdue: int = 0
    slipped: int = 0

    @property
    def raised(self):
        return self.statuses_end.total()

    @property
    def share_start(self):
        return completion_share(self.statuses_start)

    @property
    def share_end(self):
        return completion_share(self.statuses_end)


def body_standings(at_start, at_end, slipped):
    """[BodyStanding] of every body published recommendations are addressed to, most
    overdue at the end first. Two queries (who is addressed what, and the bodies)."""
    addressed = ResponsibleBody.objects.filter(recommendation__is_published=True).values_list(
        "recommendation_id", "organisation_id"
    )
    standings = {}
    for recommendation_id, body_id in addressed:
        end = at_end.get(recommendation_id)
        if end is None:
            continue  # not yet raised by the end of the period
        standing = standings.get(body_id)
        if standing is None:
            standing = standings[body_id] = BodyStanding(None)
        standing.statuses_end[end.status] += 1
        before = at_start.get(recommendation_id)
        if before is not None:
            standing.statuses_start[before.status] += 1
        if end.overdue:
            standing.overdue += 1
            if not (before and before.overdue):
                standing.newly_overdue += 1
        if recommendation_id in slipped:
            standing.slipped += 1
    bodies = Organisation.objects.filter(pk__in=list(standings)).only(
        "pk", "name", "name_ja", "short_name", "short_name_ja", "slug"
    )
    for body in bodies:
        standings[body.pk].body = body
    return sorted(
        standings.values(), key=lambda s: (-s.overdue, -s.newly_overdue, s.body.name.lower())
    )


def _new_lists():
    return [ChangeList(key, label) for key, label in CHANGE_KINDS]


@dataclass
class ProgressReport:
    start: datetime.date
    end: datetime.date
    generated: datetime.datetime
    figures: list
    areas: list  # [AreaChanges], in display order, "no area" last when it has changes
    totals: list  # [count] per CHANGE_KINDS, each recommendation once
    updates: list  # the newest UPDATE_LIMIT public updates dated in the period
    update_count: int
    bodies: list = field(default_factory=list)  # [BodyStanding], most overdue first

    @property
    def day_before(self):
        """The day at whose end the start figures were taken."""
        return baseline(self.start)

    @property
    def more_updates(self):
        return self.update_count - len(self.updates)


def _figures(at_start, at_end):
    def measures(states):
        counts = dict.fromkeys(Status.values, 0)
        overdue = 0
        for status, is_overdue in states:
            counts[status] += 1
            overdue += bool(is_overdue)
        return {
            "raised": sum(counts.values()),
            "implemented": counts[Status.IMPLEMENTED],
            "under_way": sum(counts[s] for s in UNDER_WAY),
            "share": completion_share(counts),
            "overdue": overdue,
        }

    before = measures(at_start.values())
    after = measures(end.standing for end in at_end.values())
    labels = (
        ("raised", _("Recommendations raised")),
        ("implemented", _("Implemented")),
        ("under_way", _("In progress (including partially implemented)")),
        ("share", _("Completion share")),
        ("overdue", _("Overdue")),
    )
    return [Figure(label, before[key], after[key], percent=key == "share") for key, label in labels]


def _public_updates(start, end):
    """The newest UPDATE_LIMIT public updates dated in the period, and how many there are.

    One query, and a second to count them only when there are more than are shown.
    """
    updates = (
        StatusUpdate.objects.public()
        .filter(as_of__gte=start, as_of__lte=end)
        .newest_first()
        .select_related("recommendation")
        .only(
            "pk",
            "status",
            "as_of",
            "summary",
            "summary_ja",
            "recommendation__code",
            "recommendation__title",
            "recommendation__title_ja",
        )
    )
    shown = list(updates[: UPDATE_LIMIT + 1])
    if len(shown) > UPDATE_LIMIT:
        # Counted as the period's updates less those on drafts (a few hundred keys, hashed):
        # joined to the published recommendations instead, PostgreSQL looked each of
        # 95,000 up in the log (250 ms at 100,000; this way 100 ms).
        in_period = StatusUpdate.objects.filter(as_of__gte=start, as_of__lte=end)
        drafts = Recommendation.objects.drafts().values("pk")
        return shown[:UPDATE_LIMIT], in_period.exclude(recommendation__in=drafts).count()
    return shown, len(shown)


def compute_report(start, end):
    """The ProgressReport of the days `start` to `end`: from the end of the day before
    `start` to the end of `end`.

    Queries, whatever the data size: the statuses at the start and the end; the areas;
    which published recommendation is in which area; the slips up to the end; the
    recommendations listed (skipped when none is); the period's updates (and their count
    when over UPDATE_LIMIT); which body each recommendation is addressed to, and the bodies.
    """
    # Both days in one pass, in code order: at_end {id: StandingAtEnd}, at_start
    # {id: Standing} for those already raised when the period began.
    at_start, at_end = {}, {}
    for pk, code, target, status, overdue, status_start, overdue_start in (
        both_ends(start, end)
        .order_by("code")
        .values_list(
            "pk", "code", "target_date", STATUS_THEN, OVERDUE_THEN, STATUS_START, OVERDUE_START
        )
    ):
        at_end[pk] = StandingAtEnd(code, target, status, overdue)
        if status_start is not None:
            at_start[pk] = Standing(status_start, overdue_start)
    areas = list(PolicyArea.objects.only("pk", "name", "name_ja", "slug", "order"))
    area_ids = {}
    for recommendation_id, area_id in RecommendationArea.objects.filter(
        recommendation__is_published=True
    ).values_list("recommendation_id", "area_id"):
        area_ids.setdefault(recommendation_id, []).append(area_id)
    slipped = slipped_between(start, end)

    by_area = {area.pk: AreaChanges(area, _new_lists()) for area in areas}
    in_no_area = AreaChanges(None, _new_lists())
    position = {key: index for index, (key, _label) in enumerate(CHANGE_KINDS)}
    totals = [0] * len(CHANGE_KINDS)
    for pk, standing_at_end in at_end.items():
        before, after = at_start.get(pk), standing_at_end.standing
        if before == after and pk not in slipped:
            continue  # standing as it stood: no kind of change applies (most rows)
        kinds = change_kinds(before, after, pk in slipped)
        if not kinds:
            continue
        its_areas = [by_area[a] for a in area_ids.get(pk, ()) if a in by_area] or [in_no_area]
        for kind in kinds:
            totals[position[kind]] += 1
            for area_changes in its_areas:
                area_changes.lists[position[kind]].ids.append(pk)

    groups = [by_area[area.pk] for area in areas] + ([in_no_area] if in_no_area.changed else [])
    shown_ids = {pk for g in groups for change in g.lists for pk in change.ids[:LIST_LIMIT]}
    shown = (
        Recommendation.objects.filter(pk__in=shown_ids).only("pk", "code", "title", "title_ja")
        if shown_ids
        else []
    )
    recommendations = {recommendation.pk: recommendation for recommendation in shown}
    for group in groups:
        for change in group.lists:
            change.entries = [
                Entry(
                    recommendation=recommendations[pk],
                    status_start=at_start[pk].status if pk in at_start else None,
                    status_end=at_end[pk].status,
                    target_date=at_end[pk].target_date,
                )
                for pk in change.ids[:LIST_LIMIT]
            ]

    updates, update_count = _public_updates(start, end)
    return ProgressReport(
        start=start,
        end=end,
        generated=timezone.localtime(),
        figures=_figures(at_start, at_end),
        areas=groups,
        totals=totals,
        updates=updates,
        update_count=update_count,
        bodies=body_standings(at_start, at_end, slipped),
    )
