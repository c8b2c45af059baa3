"""Reusable, chainable reads of the domain: `Recommendation.objects.published().overdue()`."""

import datetime
import re

from django.apps import apps
from django.db import models
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Lag
from django.utils import timezone

from recommendations.choices import CLOSED_STATUSES, PRIORITY_RANK, Status


# The columns a point-in-time queryset (RecommendationQuerySet.standing_on) adds beside the
# current ones: a filter, count or row reads these instead of status and status_as_of.
def _model(name):
    """One of the app's models. models.py builds its managers from this module, so the
    models are looked up when a query is built rather than imported back."""
    return apps.get_model("recommendations", name)


# No point in time before the dialogue's records begin.
EARLIEST_DAY = datetime.date(2000, 1, 1)

STATUS_THEN = "status_then"
STATUS_THEN_AS_OF = "status_then_as_of"


def overdue_condition(today, status="status"):
    """choices.is_overdue as a WHERE condition, for filters and conditional counts.

    `status` names the column holding the status to judge (STATUS_THEN on a past date).
    """
    return Q(target_date__lt=today) & ~Q(**{f"{status}__in": CLOSED_STATUSES})


class RecommendationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def drafts(self):
        return self.filter(is_published=False)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(overdue_condition(today))

    def standing_on(self, day):
        """The recommendations as the tracker stood at the end of `day`.

        Only those raised by then, a recommendation being raised on the date of its first
        status update (the public log starts when the secretariat records it); each carries
        its status from the log up to that day as `status_then`, dated `status_then_as_of`.
        An update recorded later but dated on or before `day` counts: the log is dated by
        the day a status took effect, not the day somebody typed it.
        """
        return self.with_status_on(day, STATUS_THEN, STATUS_THEN_AS_OF).filter(
            **{f"{STATUS_THEN}__isnull": False}
        )

    def with_status_on(self, day, status, dated=None):
        """Annotate `status` (and `dated`, when named): each recommendation's status at the
        end of `day` and the date that status took effect (its update's as_of), None where
        it was not yet raised then.
        The point-in-time rule of standing_on, for a queryset that also shows another day.
        """
        StatusUpdate = _model("StatusUpdate")

        log = StatusUpdate.objects.filter(
            recommendation=OuterRef("pk"), as_of__lte=day
        ).newest_first()
        # Where the latest update of all is dated by then (status_as_of), the status then is
        # the current one: the log is looked up only for recommendations updated since.
        settled = Q(status_as_of__lte=day)
        columns = {
            status: Case(
                When(settled, then=F("status")), default=Subquery(log.values("status")[:1])
            )
        }
        if dated:
            columns[dated] = Case(
                When(settled, then=F("status_as_of")), default=Subquery(log.values("as_of")[:1])
            )
        return self.annotate(**columns)

    def slipped(self, until=None):
        """Those whose target date was moved later at least once while published (by the
        end of the day `until`, when given)."""
        return self.filter(pk__in=target_slips(until).values("id"))

    def in_area(self, slug):
        return self.filter(policy_areas__slug=slug)

    def search(self, text):
        """Case-insensitive match, in English and Japanese, on code, title, text, public
        update summaries and the names of the responsible bodies."""
        own_text, summaries, bodies = _search_parts(text)
        return self.filter(
            Q(pk__in=own_text.values("pk"))
            | Q(pk__in=summaries.values("recommendation"))
            | Q(pk__in=bodies)
        )

    def search_condition(self, text):
        """A condition on the key that keeps, of this queryset, what search(text) keeps,
        found in three queries whatever the text and cheap to apply again.

        A fragment found in nearly every recommendation ("ka", or a two-character Japanese
        word) gets no help from the trigram indexes, and searching the log's summaries for
        it meant reading a million rows to confirm matches already made. So the own text
        and the bodies' names are searched first; when at most SUMMARY_PROBE_LIMIT
        recommendations are still unmatched, only their logs are read (by index) and the
        condition names the few that stay unmatched; otherwise the summaries are searched
        as a whole (selective text: by index) and the condition names the matches.
        """
        own_text, summaries, bodies = _search_parts(text)
        keys = set(
            self.filter(Q(pk__in=own_text.values("pk")) | Q(pk__in=bodies))
            .order_by()
            .values_list("pk", flat=True)
        )
        unmatched = self.filter(pk__none_of=keys).order_by().values_list("pk", flat=True)
        if len(keys) > SUMMARY_PROBE_LIMIT:
            # Many matched: reading every key (from an index) and setting the matches aside
            # here costs less than sending them all back to be left out.
            every = self.order_by().values_list("pk", flat=True)
            few = [pk for pk in every if pk not in keys][: SUMMARY_PROBE_LIMIT + 1]
        else:
            few = list(unmatched[: SUMMARY_PROBE_LIMIT + 1])
        if len(few) <= SUMMARY_PROBE_LIMIT:
            found = summaries.filter(recommendation__any_of=few).values_list(
                "recommendation_id", flat=True
            )
            return Q(pk__none_of=sorted(set(few) - set(found)))
        found = summaries.filter(recommendation__in=unmatched).order_by()
        keys.update(found.values_list("recommendation_id", flat=True))
        return Q(pk__any_of=sorted(keys))

    def next_free_code(self, after):
        """The first code after `after` ("AJ-2026-014" → "AJ-2026-015", padding kept) that
        no recommendation has, or None when `after` ends in no number. One query."""
        match = re.fullmatch(r"(.*?)(\d+)", after or "")
        if not match:
            return None
        prefix, number = match.group(1), match.group(2)
        candidates = [
            f"{prefix}{n:0{len(number)}d}" for n in range(int(number) + 1, int(number) + 101)
        ]
        taken = set(self.filter(code__in=candidates).values_list("code", flat=True))
        return next((code for code in candidates if code not in taken), None)

    def with_priority_rank(self):
        return self.annotate(
            priority_rank=Case(
                *(When(priority=value, then=Value(rank)) for value, rank in PRIORITY_RANK.items()),
                default=Value(99),
                output_field=IntegerField(),
            )
        )

    def with_public_relations(self):
        """Everything a public list row shows, in one query per relation whatever the page size."""
        Organisation = _model("Organisation")
        PolicyArea = _model("PolicyArea")
        Workshop = _model("Workshop")

        return self.prefetch_related(
            Prefetch("policy_areas", queryset=PolicyArea.objects.order_by("order", "name")),
            Prefetch(
                "responsible_bodies",
                queryset=Organisation.objects.order_by("name").only(
                    "id", "name", "name_ja", "short_name", "short_name_ja", "slug", "country"
                ),
            ),
            Prefetch(
                "workshops",
                queryset=Workshop.objects.order_by("start_date").only(
                    "id", "title", "title_ja", "slug", "kind", "city", "start_date", "end_date"
                ),
            ),
        )

    def status_counts(self):
        """{status: count} for every status on the ladder, zeros included, in one query."""
        counts = dict.fromkeys(Status.values, 0)
        for row in self.order_by().values("status").annotate(n=Count("pk")):
            counts[row["status"]] = row["n"]
        return counts


# Unmatched recommendations whose logs search_condition reads one by one (by index) rather than
# searching every summary: about ten updates each, so at most some 50,000 index entries.
SUMMARY_PROBE_LIMIT = 5000


def _search_parts(text):
    """(recommendations by own text, status updates by summary, responsible-body links by
    organisation name) matching `text`: the three places RecommendationQuerySet.search
    looks, each a queryset on its own table so that each can use its trigram indexes on
    PostgreSQL (migrations 0006 and 0008)."""
    Organisation = _model("Organisation")
    Recommendation = _model("Recommendation")
    ResponsibleBody = _model("ResponsibleBody")
    StatusUpdate = _model("StatusUpdate")

    own_text = Recommendation.objects.filter(
        Q(code__icontains=text)
        | Q(title__icontains=text)
        | Q(title_ja__icontains=text)
        | Q(text__icontains=text)
        | Q(text_ja__icontains=text)
    )
    summaries = StatusUpdate.objects.filter(
        Q(summary__icontains=text) | Q(summary_ja__icontains=text)
    )
    # Organisations are few: find them first, then their recommendations by index.
    bodies = ResponsibleBody.objects.filter(
        organisation__in=Organisation.objects.filter(
            Q(name__icontains=text)
            | Q(name_ja__icontains=text)
            | Q(short_name__icontains=text)
            | Q(short_name_ja__icontains=text)
        ).values("pk")
    ).values("recommendation")
    return own_text, summaries, bodies


class StatusUpdateQuerySet(models.QuerySet):
    def public(self):
        """Updates on published recommendations: what an anonymous reader may see."""
        return self.filter(recommendation__is_published=True)

    def newest_first(self):
        return self.order_by("-as_of", "-recorded_at", "-pk")


def target_slips(until=None):
    """Audit rows of published recommendations whose target date is later than in the row
    before, that row also published: each is one public slip, dated by its history_date.

    A target moved earlier, set for the first time or cleared is not a slip; nor is a
    change made while the recommendation was a draft (its history row is unpublished).
    With `until` (a date), only changes recorded by the end of that day.
    """
    Recommendation = _model("Recommendation")

    order = [F("history_date").asc(), F("history_id").asc()]
    history = Recommendation.history.all()
    if until is not None:
        # Applied before the window: leaving out later rows changes no earlier row's LAG.
        history = history.filter(history_date__date__lte=until)
    return (
        history.annotate(
            previous_target=Window(Lag("target_date"), partition_by=F("id"), order_by=order),
            previous_published=Window(Lag("is_published"), partition_by=F("id"), order_by=order),
        )
        .filter(
            is_published=True,
            previous_published=True,
            target_date__gt=F("previous_target"),
        )
        .order_by()
    )
