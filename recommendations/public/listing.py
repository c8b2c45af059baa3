"""The filterable recommendation list as one component, shared by the list and area pages.

Everything the page shows about the query string comes from RecommendationFilter;
this module only arranges it: facet groups with counts, removable chips,
pagination links that keep the filters, and the matching CSV and Excel links.
"""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from recommendations.links import DAY_SHOWN
from recommendations.models import Recommendation
from recommendations.public.filters import SORT_CHOICES, RecommendationFilter
from recommendations.querysets import STATUS_THEN, STATUS_THEN_AS_OF

PAGE_SIZE = 25
# Checkbox groups of the filter panel, in the order they appear.
CHOICE_GROUPS = ("area", "status", "lead", "priority", "workshop", "body")
# A checkbox group with more choices than this starts folded (a <details>, no script).
COLLAPSE_OVER = 8
# Page links either side of the current one.
PAGE_WINDOW = 2


def _query(params, *, without=(), **changes):
    """`?a=1&b=2` from a QueryDict copy with the parameters named in `without` left out and
    `changes` set."""
    params = params.copy()
    params.pop("page", None)
    for key in without:
        params.pop(key, None)
    for key, value in changes.items():
        params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


def show_as_it_stood(recommendations, day):
    """Make loaded rows of a point-in-time queryset read as they stood on `day`: the status
    then in place of the current one, and overdue judged against that day."""
    for recommendation in recommendations:
        recommendation.status = getattr(recommendation, STATUS_THEN)
        recommendation.status_as_of = getattr(recommendation, STATUS_THEN_AS_OF)
        recommendation.day_shown = day


class Listing:
    """One page of filtered, published recommendations and everything around it.

    `params` is the query string the visitor sent (links are built from it);
    `fixed` names parameters the URL path already decides, e.g. {"area": slug}
    on an area page: they are forced into the filter and left out of the panel.
    """

    def __init__(self, params, *, path, fixed=None, page_size=None):
        self.params = params
        self.path = path
        self.fixed = fixed or {}
        data = params.copy()
        for name, value in self.fixed.items():
            data.setlist(name, [value])
        self.data = data
        self.filterset = RecommendationFilter(data, queryset=Recommendation.objects.published())
        # The panel leaves the fixed parameters out: their choices are not counted.
        self.facet_counts = self.filterset.facet_counts(skip=tuple(self.fixed))
        self.paginator = Paginator(
            self.filterset.qs.with_public_relations(), page_size or PAGE_SIZE
        )
        # The facet query already counted the results: spare the paginator its COUNT(*).
        self.paginator.count = self.filterset.total_count
        requested = self.filterset.page_number
        self.page = self.paginator.get_page(requested)
        self.day = self.filterset.day
        if self.day:
            show_as_it_stood(self.page.object_list, self.day)
        self.notices = list(self.filterset.problems)
        if requested > self.paginator.num_pages:
            self.notices.append(
                _("There is no page %(asked)s; showing page %(shown)s, the last one.")
                % {"asked": requested, "shown": self.page.number}
            )
        self.cleaned = self.filterset.form.cleaned_data

    # -- the filter panel -----------------------------------------------------

    @property
    def groups(self):
        counts = self.facet_counts
        groups = []
        for name in CHOICE_GROUPS:
            if name in self.fixed:
                continue
            selected = set(self.cleaned.get(name) or [])
            choices = [
                {
                    "value": value,
                    "label": label,
                    "count": counts[name].get(value, 0),
                    "checked": value in selected,
                    "id": f"f-{name}-{index}",
                }
                for index, (value, label) in enumerate(self.filterset.form.fields[name].choices)
            ]
            groups.append(
                {
                    "name": name,
                    "label": self.filterset.filters[name].label,
                    "choices": choices,
                    # Long lists start folded away unless one of their boxes is ticked.
                    "collapsed": len(choices) > COLLAPSE_OVER and not selected,
                }
            )
        return groups

    @cached_property
    def overdue(self):
        return {
            "checked": self.cleaned.get("overdue") == "1",
            "count": self.facet_counts["overdue"]["1"],
        }

    @cached_property
    def slipped(self):
        return {
            "checked": self.cleaned.get("slipped") == "1",
            "count": self.facet_counts["slipped"]["1"],
        }

    @property
    def day_shown_value(self):
        """What the date box shows: the date in force, else what was typed (to correct it)."""
        if self.day:
            return self.day.isoformat()
        typed = self.params.get(DAY_SHOWN) or ""
        return typed[:10] if DAY_SHOWN in self.filterset.form.errors else ""

    @property
    def today_url(self):
        """This view as the tracker stands today."""
        return self.path + _query(self.params, without=(DAY_SHOWN,))

    @property
    def q(self):
        return self.cleaned.get("q") or ""

    @property
    def sort(self):
        return self.filterset.sort_key

    sort_choices = SORT_CHOICES

    # -- chips and links --------------------------------------------------------

    @cached_property
    def chips(self):
        chips = []
        for name, value, label in self.filterset.active():
            if name in self.fixed:
                continue
            if name in ("q", "overdue", "slipped"):
                url = self.path + _query(self.params, without=(name,))
            else:
                remaining = self.params.copy()
                remaining.setlist(name, [v for v in remaining.getlist(name) if v != value])
                url = self.path + _query(remaining)
            chips.append({"name": self.filterset.filters[name].label, "label": label, "url": url})
        return chips

    @property
    def clear_url(self):
        return self.path

    @property
    def query(self):
        """The query string choosing these results (any page), for other formats of them."""
        return _query(self.data)

    @property
    def feed_url(self):
        # The feed is always today's newest updates: no date, no sort.
        return reverse("recommendations:updates_feed") + _query(
            self.data, without=(DAY_SHOWN, "sort")
        )

    @property
    def csv_url(self):
        return reverse("recommendations:recommendation_csv") + _query(self.data)

    @property
    def xlsx_url(self):
        return reverse("recommendations:recommendation_xlsx") + _query(self.data)

    @property
    def ics_url(self):
        # A subscribed calendar is always today's (exports.calendar_feed refuses a past day), and
        # holds every result in date order: the date and the sort stay out of its address.
        return reverse("recommendations:deadlines_ics") + _query(
            self.data, without=(DAY_SHOWN, "sort")
        )

    @property
    def follow_query(self):
        """The filters of this view as a query string, for following it by email: which
        recommendations, not how they are paged, sorted or dated."""
        return _query(self.params, without=(DAY_SHOWN, "sort")).lstrip("?")

    def page_url(self, number):
        return self.path + _query(self.params, page=str(number))

    @property
    def page_links(self):
        """[(number or None for a gap, url)] around the current page."""
        current, last = self.page.number, self.paginator.num_pages
        wanted = {1, last, *range(current - PAGE_WINDOW, current + PAGE_WINDOW + 1)}
        numbers = sorted(n for n in wanted if 1 <= n <= last)
        links, previous = [], 0
        for n in numbers:
            if n - previous > 1:
                links.append((None, None))
            links.append((n, self.page_url(n)))
            previous = n
        return links

    @property
    def previous_url(self):
        return self.page_url(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self):
        return self.page_url(self.page.next_page_number()) if self.page.has_next() else ""
