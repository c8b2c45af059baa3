"""The kept monthly steps (reporting.trend_steps) against the log they summarise.

Whatever is written, and by whichever audited path, the trend read from the steps equals
the trend computed from the whole log (reporting.monthly_series), for every scope and day.
"""

import datetime
import random

import pytest

from recommendations.choices import Lead, Status
from recommendations.models import (
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
    TrendStep,
)
from recommendations.reporting import trend_steps
from recommendations.reporting.monthly_series import kept_series, monthly_series
from recommendations.services import record_status_update
from tests.factories import make_recommendation, make_trend_tracker

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = datetime.date.today()


def published():
    return Recommendation.objects.published()


def scopes_of(areas, bodies):
    """(scope, {key: scope}, the same recommendations as a queryset) for every scope."""
    for lead in Lead.values:
        yield {None: trend_steps.lead_scope(lead)}, published().filter(lead=lead)
    for area in areas:
        yield {None: trend_steps.area_scope(area.pk)}, published().filter(policy_areas=area)
    for body in bodies:
        yield {None: trend_steps.body_scope(body.pk)}, published().filter(responsible_bodies=body)


def counts_on(queryset, day):
    """The page's own figures for `day`: statuses as they stood then."""
    counts = dict.fromkeys(Status.values, 0)
    for status in queryset.standing_on(day).values_list("status_then", flat=True):
        counts[status] += 1
    return counts


DAYS = (None, D(2026, 3, 15), D(2026, 4, 30))


def assert_same_trends(areas, bodies):
    for scope, queryset in scopes_of(areas, bodies):
        for day in DAYS:
            expected = monthly_series(queryset, until=day)
            final = {None: counts_on(queryset, day)} if day else None
            kept = kept_series(scope, until=day, final=final)
            as_lists = {
                key: [(p.day, p.counts) for p in points] for key, points in expected.items()
            }
            assert {key: [(p.day, p.counts) for p in ps] for key, ps in kept.items()} == (
                as_lists
            ), (scope, day)


@pytest.fixture
def trend_tracker():
    return make_trend_tracker()


def test_the_kept_trend_equals_the_trend_from_the_log(trend_tracker):
    assert_same_trends(trend_tracker["areas"], trend_tracker["bodies"])


def test_every_kind_of_write_is_followed(trend_tracker):
    areas, bodies, a, b = (
        trend_tracker["areas"],
        trend_tracker["bodies"],
        trend_tracker["a"],
        trend_tracker["b"],
    )
    assert_same_trends(areas, bodies)
    # A status update, and a back-dated one that slots into the middle of the log.
    record_status_update(recommendation=a, status=Status.IMPLEMENTED, as_of=D(2026, 4, 2))
    record_status_update(recommendation=b, status=Status.NOT_STARTED, as_of=D(2026, 2, 10))
    assert_same_trends(areas, bodies)
    # The lead side changes; an area and a body are added and taken away.
    b.lead = Lead.JOINT
    b.save()
    RecommendationArea.objects.create(recommendation=b, area=areas[0])
    ResponsibleBody.objects.filter(recommendation=a).get().delete()
    ResponsibleBody.objects.create(recommendation=b, organisation=bodies[1])
    assert_same_trends(areas, bodies)
    # Unpublished, then published again.
    a.is_published = False
    a.save()
    assert_same_trends(areas, bodies)
    a.is_published = True
    a.save()
    assert_same_trends(areas, bodies)


def test_a_random_history_of_writes(trend_tracker):
    areas, bodies = trend_tracker["areas"], trend_tracker["bodies"]
    chance = random.Random(20261128)
    for n in range(12):
        recommendation = make_recommendation(
            lead=chance.choice(Lead.values),
            status=chance.choice(Status.values),
            as_of=D(2026, chance.randint(1, 5), chance.randint(1, 28)),
        )
        RecommendationArea.objects.create(recommendation=recommendation, area=chance.choice(areas))
        if n % 2:
            ResponsibleBody.objects.create(
                recommendation=recommendation, organisation=chance.choice(bodies)
            )
        for _ in range(chance.randint(0, 3)):
            record_status_update(
                recommendation=recommendation,
                status=chance.choice(Status.values),
                as_of=D(2026, chance.randint(1, 6), chance.randint(1, 28)),
            )
        if n % 5 == 0:
            assert_same_trends(areas, bodies)
    assert_same_trends(areas, bodies)


def test_a_write_around_the_audit_trail_is_taken_in_by_a_rebuild(trend_tracker):
    areas, bodies, a = trend_tracker["areas"], trend_tracker["bodies"], trend_tracker["a"]
    assert_same_trends(areas, bodies)
    # bulk_create sends no signal and leaves no audit row: the steps cannot know.
    StatusUpdate.objects.bulk_create(
        [StatusUpdate(recommendation=a, status=Status.NOT_ACCEPTED, as_of=D(2026, 3, 3))]
    )
    Recommendation.objects.filter(pk=a.pk).update(
        status=Status.NOT_ACCEPTED, status_as_of=D(2026, 3, 3)
    )
    trend_steps.sync()
    assert kept_series({None: trend_steps.lead_scope(Lead.AUSTRALIA)}) != monthly_series(
        published().filter(lead=Lead.AUSTRALIA)
    )
    trend_steps.rebuild()
    assert_same_trends(areas, bodies)


def test_nothing_changed_costs_two_small_queries(trend_tracker, django_assert_num_queries):
    trend_steps.sync()
    # 1. the audit position (each watched table's highest id)  2. the last position seen
    with django_assert_num_queries(2):
        trend_steps.sync()


def test_steps_are_few_and_none_is_zero(trend_tracker):
    trend_steps.sync()
    assert not TrendStep.objects.filter(delta=0).exists()
    assert TrendStep.objects.count() < 40
