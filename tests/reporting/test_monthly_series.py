"""Trend series (reporting.monthly_series) against hand-computed figures, and their charts."""

import datetime

import pytest

from recommendations.choices import Lead, Status
from recommendations.models import Recommendation
from recommendations.reporting.charts import TrendChart
from recommendations.reporting.monthly_series import combined, monthly_series
from recommendations.services import record_status_update
from tests.factories import make_recommendation

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def log():
    """Hand-computed: the status of each recommendation at each month-end, Jan-Apr 2026.

              Jan          Feb          Mar          Apr (to 15th)
    A (au)    proposed     in progress  in progress  implemented
    B (jp)    -            not started  not started  in progress   (two updates in Mar:
                                                                    the later one wins)
    C (jp)    -            -            -            -             (first update 20 Apr)
    """
    a = make_recommendation(lead=Lead.AUSTRALIA, status=Status.PROPOSED, as_of=D(2026, 1, 10))
    record_status_update(recommendation=a, status=Status.IN_PROGRESS, as_of=D(2026, 2, 1))
    record_status_update(recommendation=a, status=Status.IMPLEMENTED, as_of=D(2026, 4, 2))
    b = make_recommendation(lead=Lead.JAPAN, status=Status.NOT_STARTED, as_of=D(2026, 2, 28))
    record_status_update(recommendation=b, status=Status.IN_PROGRESS, as_of=D(2026, 3, 5))
    record_status_update(recommendation=b, status=Status.NOT_STARTED, as_of=D(2026, 3, 25))
    record_status_update(recommendation=b, status=Status.IN_PROGRESS, as_of=D(2026, 4, 15))
    make_recommendation(lead=Lead.JAPAN, status=Status.PROPOSED, as_of=D(2026, 4, 20))
    # A draft counts nowhere.
    make_recommendation(is_published=False, status=Status.IMPLEMENTED, as_of=D(2026, 1, 5))


def nonzero(point):
    return {status: n for status, n in point.counts.items() if n}


def test_each_month_end_holds_the_latest_status_up_to_it(log):
    (points,) = monthly_series(Recommendation.objects.published(), until=D(2026, 4, 15)).values()
    assert [p.day for p in points] == [
        D(2026, 1, 31),
        D(2026, 2, 28),
        D(2026, 3, 31),
        D(2026, 4, 15),
    ]
    assert [nonzero(p) for p in points] == [
        {Status.PROPOSED: 1},
        {Status.IN_PROGRESS: 1, Status.NOT_STARTED: 1},
        {Status.IN_PROGRESS: 1, Status.NOT_STARTED: 1},
        {Status.IMPLEMENTED: 1, Status.IN_PROGRESS: 1},
    ]
    # Completion: implemented 100, in progress 25, the rest 0.
    assert [p.share for p in points] == [0.0, 12.5, 12.5, 62.5]


def test_the_series_runs_to_today_by_default_and_counts_late_raised_ones(log):
    (points,) = monthly_series(Recommendation.objects.published()).values()
    assert points[0].day == D(2026, 1, 31)
    assert points[-1].total == 3
    assert points[-1].counts[Status.PROPOSED] == 1


def test_one_series_per_lead_side_and_their_sum(log):
    series = monthly_series(Recommendation.objects.published(), until=D(2026, 4, 30), by="lead")
    assert set(series) == {Lead.AUSTRALIA, Lead.JAPAN}
    assert [p.total for p in series[Lead.JAPAN]] == [0, 1, 1, 2]
    assert [p.total for p in series[Lead.AUSTRALIA]] == [1, 1, 1, 1]
    assert [p.total for p in combined(series)] == [1, 2, 2, 3]


def test_nothing_recorded_means_no_series(db):
    assert monthly_series(Recommendation.objects.published()) == {}
    assert not TrendChart([], slug="empty")


def test_a_bounded_number_of_queries_whatever_the_log(log, django_assert_num_queries):
    with django_assert_num_queries(1):
        monthly_series(Recommendation.objects.published(), by="lead")


def test_the_chart_draws_every_month_within_its_frame(log):
    (points,) = monthly_series(Recommendation.objects.published(), until=D(2026, 4, 15)).values()
    chart = TrendChart(points, slug="all")
    assert len(chart.columns) == 4
    assert len(chart.share_line.split()) == 4
    for column in chart.columns:
        for _status, y, height in column.segments:
            assert chart.top <= y and y + height <= chart.bottom + 0.5
    # The tallest column (3 recommendations) fits under the highest tick.
    assert chart.highest >= 2
    assert chart.labels[0].text == "January 2026"
    assert chart.labels[-1].text == "April 2026"


def test_the_dashboard_and_area_page_draw_the_trend_as_svg_with_its_table(client, log):
    html = client.get("/").content.decode()
    # Two charts each for everything, Australia and Japan; the joint side has no log yet.
    assert html.count('<svg viewBox="0 0 720 240" role="img"') == 2 * 3
    assert "there is no trend to draw yet" in html
    assert "Completion over time" in html
    assert "<caption>Recommendations by status at the end of each month" in html
    assert "style=" not in html.split("<svg", 1)[1]  # no inline style under the CSP


def test_the_area_page_draws_its_own_trend(client, log):
    from tests.factories import make_area

    area = make_area(slug="minerals")
    Recommendation.objects.get(lead=Lead.AUSTRALIA).policy_areas.add(area)
    response = client.get(area.get_absolute_url())
    assert [p.total for p in response.context["trend"].points][-1] == 1
    assert response.content.decode().count("<svg viewBox") == 2
