"""The one reader of the public list's query string.

The list page, the area page and the CSV export all build a
`RecommendationFilter` from `request.GET`; nothing else parses those
parameters. Unknown or malformed values never raise: they are dropped and
described in `problems` so the page can say what it ignored.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from recommendations.choices import Lead, Priority, Status
from recommendations.links import DAY_SHOWN
from recommendations.models import (
    Organisation,
    PolicyArea,
    RaisedAt,
    RecommendationArea,
    ResponsibleBody,
    Workshop,
)
from recommendations.public.facets import column_counts, link_counts
from recommendations.querysets import (
    EARLIEST_DAY,
    STATUS_THEN,
    STATUS_THEN_AS_OF,
    overdue_condition,
)

MAX_QUERY_LENGTH = 200
MAX_PAGE = 1_000_000

SORT_CHOICES = [
    ("code", _("Code (A–Z)")),
    ("-code", _("Code (Z–A)")),
    ("target", _("Target date (soonest first)")),
    ("-target", _("Target date (latest first)")),
    ("updated", _("Latest update (newest first)")),
    ("priority", _("Priority (high first)")),
]
SORT_ORDER = {
    "code": [F("code").asc()],
    "-code": [F("code").desc()],
    "target": [F("target_date").asc(nulls_last=True), F("code").asc()],
    "-target": [F("target_date").desc(nulls_last=True), F("code").asc()],
    "updated": [F("status_as_of").desc(nulls_last=True), F("code").asc()],
    # The same on a past date: the date of the status then.
    "updated-then": [F(STATUS_THEN_AS_OF).desc(nulls_last=True), F("code").asc()],
    "priority": [F("priority_rank").asc(), F("code").asc()],
}
DEFAULT_SORT = "code"

# Parameters that narrow the result set (sort and page only arrange it).
FACETS = ("area", "status", "workshop", "lead", "body", "priority", "overdue", "slipped")


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the values it knows and drops the rest, so an old permalink still works."""

    def validate(self, value):
        pass

    def clean(self, value):
        values = self.to_python(value)
        return [v for v in values if self.valid_value(v)]


class LenientMultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


class WholeNumberFilter(django_filters.NumberFilter):
    # Whole numbers only: a decimal such as 1e999999 must never reach int().
    field_class = forms.IntegerField


def _ignore(queryset, name, value):
    return queryset


class PastDateField(forms.DateField):
    """A day in the past (today included) in ISO form, for a view of the tracker as it
    stood then: a later day has no figures yet, an earlier one none at all."""

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%d"], **kwargs)
        self.error_messages["invalid"] = _("Enter the date as YYYY-MM-DD, e.g. 2026-06-30.")

    def validate(self, value):
        super().validate(value)
        if value and value > timezone.localdate():
            raise ValidationError(
                _(
                    "%(date)s is in the future: the tracker can only be shown as it stood on a past date."
                ),
                code="future_date",
                params={"date": date_format(value)},
            )
        if value and value < EARLIEST_DAY:
            raise ValidationError(
                _("Choose a date from %(date)s onwards."),
                code="too_early",
                params={"date": date_format(EARLIEST_DAY)},
            )


class PastDateFilter(django_filters.DateFilter):
    field_class = PastDateField


def _clip(text, length=40):
    printable = "".join(ch for ch in str(text) if ch.isprintable())
    return printable if len(printable) <= length else printable[: length - 1] + "…"


class PointInTimeFilter(django_filters.FilterSet):
    """The day-shown parameter alone (links.DAY_SHOWN): the pages that show the tracker on
    a past date but filter nothing (the dashboard) read it here; RecommendationFilter adds
    the rest."""

    # Named for its parameter, DAY_SHOWN: a FilterSet reads each filter from its own name.
    as_of = PastDateFilter(label=_("As it stood on"), method=_ignore)

    def settle_day(self, today=None):
        """Read the day shown (the form must be complete): `day` is the past day shown or None
        for today, `today` the day overdue is judged against, `status_field` the column
        holding the status then; the queryset becomes the tracker as it stood."""
        self.errors  # noqa: B018 - validates the form so cleaned_data exists
        self.day = getattr(self.form, "cleaned_data", {}).get(DAY_SHOWN)
        if self.day == timezone.localdate():
            self.day = None  # today's view is the tracker as it stands
        self.today = self.day or today or timezone.localdate()
        self.status_field = STATUS_THEN if self.day else "status"
        if self.day:
            self.queryset = self.queryset.standing_on(self.day)

    def day_problem(self):
        """The note on a day shown that could not be used, or None."""
        if DAY_SHOWN not in self.form.errors:
            return None
        error = self.form.errors.as_data()[DAY_SHOWN][0]
        return _("%(problem)s Showing today's figures.") % {"problem": error.messages[0]}


class RecommendationFilter(PointInTimeFilter):
    area = LenientMultipleChoiceFilter(label=_("Policy area"), method="filter_area")
    status = LenientMultipleChoiceFilter(
        label=_("Status"), choices=Status.choices, method="filter_status"
    )
    workshop = LenientMultipleChoiceFilter(label=_("Raised at"), method="filter_workshop")
    lead = LenientMultipleChoiceFilter(label=_("Lead side"), choices=Lead.choices)
    body = LenientMultipleChoiceFilter(label=_("Responsible body"), method="filter_body")
    priority = LenientMultipleChoiceFilter(label=_("Priority"), choices=Priority.choices)
    overdue = django_filters.ChoiceFilter(
        label=_("Overdue"), choices=[("1", _("Overdue only"))], method="filter_overdue"
    )
    slipped = django_filters.ChoiceFilter(
        label=_("Slipped"),
        choices=[("1", _("Target date moved later"))],
        method="filter_slipped",
    )
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=MAX_QUERY_LENGTH
    )
    sort = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORT_CHOICES, method=_ignore)
    page = WholeNumberFilter(label=_("Page"), method=_ignore, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data=None, *args, today=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        # One query per vocabulary, loaded once: the facet panel shows their names too.
        self.areas = list(PolicyArea.objects.only("name", "name_ja", "slug", "order"))
        self.workshops = list(
            Workshop.objects.order_by("start_date").only("title", "title_ja", "slug", "start_date")
        )
        # Only bodies that published recommendations are addressed to: the list of
        # organisations must not hint at who attended a meeting.
        # EXISTS per organisation stops at its first published recommendation, where
        # IN (...) would read every responsible-body row.
        self.bodies = list(
            Organisation.objects.filter(
                Exists(
                    ResponsibleBody.objects.filter(
                        organisation=OuterRef("pk"), recommendation__is_published=True
                    )
                )
            ).only("name", "name_ja", "short_name", "short_name_ja", "slug")
        )
        # Labels in the page's language (LocalizedText, so the page can mark a fallback).
        self.filters["area"].extra["choices"] = [(a.slug, a.localized.name) for a in self.areas]
        self.filters["workshop"].extra["choices"] = [
            (w.slug, w.localized.title) for w in self.workshops
        ]
        self.filters["body"].extra["choices"] = [(b.slug, b.localized.name) for b in self.bodies]
        # The form is built on first use: only now, with every choice in place. On a past
        # date (as_of) the status is the one the log held then, and overdue is judged
        # against that day; otherwise everything is as of today.
        self.settle_day(today)

    # -- filtering -------------------------------------------------------------

    def filter_area(self, queryset, name, value):
        return queryset.filter(
            pk__in=RecommendationArea.objects.filter(area__slug__in=value).values("recommendation")
        )

    def filter_workshop(self, queryset, name, value):
        return queryset.filter(
            pk__in=RaisedAt.objects.filter(workshop__slug__in=value).values("recommendation")
        )

    def filter_body(self, queryset, name, value):
        return queryset.filter(
            pk__in=ResponsibleBody.objects.filter(organisation__slug__in=value).values(
                "recommendation"
            )
        )

    def filter_status(self, queryset, name, value):
        return queryset.filter(**{f"{self.status_field}__in": value})

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(overdue_condition(self.today, self.status_field))

    def filter_slipped(self, queryset, name, value):
        # On a past date, only what had slipped by then.
        return queryset.slipped(until=self.day)

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # A text search scans every row's text, and the page runs the filter in several
        # queries (facets, results): scan once and hand the matching keys to the rest.
        if getattr(self, "_search_for", None) != value:
            self._search_matches = self.queryset.search_condition(value)
            self._search_for = value
        return queryset.filter(self._search_matches)

    def narrowed(self, queryset, leave_out=()):
        for name, value in self.form.cleaned_data.items():
            if name not in leave_out:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_queryset(self, queryset):
        queryset = self.narrowed(queryset)
        if self.sort_key == "priority":
            queryset = queryset.with_priority_rank()
        key = f"{self.sort_key}-then" if self.day and self.sort_key == "updated" else self.sort_key
        return queryset.order_by(*SORT_ORDER[key])

    # -- what the page shows ---------------------------------------------------

    @property
    def sort_key(self):
        self.errors  # noqa: B018 - validates the form so cleaned_data exists
        return self.form.cleaned_data.get("sort") or DEFAULT_SORT

    @property
    def page_number(self):
        self.errors  # noqa: B018
        return self.form.cleaned_data.get("page") or 1

    @property
    def problems(self):
        """Human-readable notes on every parameter value that was ignored."""
        return [note for _name, note in self.problem_notes()]

    def narrowing_problems(self):
        """The notes on ignored values of parameters that narrow the results (not sort, page):
        ignoring one of those widens what the visitor asked for."""
        return [note for name, note in self.problem_notes() if name in FACETS + ("q", DAY_SHOWN)]

    def problem_notes(self):
        """[(parameter, note)] for every parameter value that was ignored."""
        if not self.is_bound:
            return []
        self.errors  # noqa: B018
        notes = []
        for name in self.form.fields:
            label = self.filters[name].label
            if name in self.form.errors:
                if name == DAY_SHOWN:
                    notes.append((name, self.day_problem()))
                    continue
                if self.form.errors.as_data()[name][0].code == "max_length":
                    notes.append(
                        (
                            name,
                            _(
                                "The %(label)s text was longer than %(limit)s characters and has been ignored."
                            )
                            % {"label": str(label).lower(), "limit": MAX_QUERY_LENGTH},
                        )
                    )
                    continue
                notes.append(
                    (
                        name,
                        _("The %(label)s value was not understood and has been ignored.")
                        % {"label": str(label).lower()},
                    )
                )
                continue
            field = self.form.fields[name]
            if isinstance(field, LenientMultipleChoiceField):
                given = self.data.getlist(name) if hasattr(self.data, "getlist") else []
                # An empty value is what a form sends for "no choice": not worth a notice.
                unknown = [v for v in given if v and not field.valid_value(v)]
                if unknown:
                    notes.append(
                        (
                            name,
                            _("Unknown %(label)s ignored: %(values)s.")
                            % {
                                "label": str(label).lower(),
                                "values": ", ".join(_clip(v) for v in unknown[:5]),
                            },
                        )
                    )
        return notes

    def active(self):
        """[(name, value, label)] for every filter value in force, for removable chips."""
        self.errors  # noqa: B018
        chips = []
        for name in FACETS + ("q",):
            value = self.form.cleaned_data.get(name)
            if not value:
                continue
            field = self.form.fields[name]
            values = value if isinstance(value, list) else [value]
            choices = dict(field.choices) if hasattr(field, "choices") else {}
            for v in values:
                chips.append((name, v, str(choices.get(v, v))))
        return chips

    def facet_counts(self, skip=()):
        """{facet: {value: count}}: what each choice would give with the other filters kept.

        Two queries whatever the data size: one pass over the recommendations counts every
        status, lead, priority and overdue choice (and the total, kept in `total_count`),
        one statement counts the areas, meetings and bodies. The relations named in `skip`
        are not counted (an area page does not offer other areas); their counts are empty.
        """
        self.errors  # noqa: B018
        counts, self.total_count = column_counts(self)
        counts.update(link_counts(self, skip))
        return counts
