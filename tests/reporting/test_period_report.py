"""The progress report (/report/): what changed in a period, per policy area, and its CSV.

The fixture is a small tracker on a frozen clock ("today" is 28 Nov 2026, so the default
period is the third quarter, 1 Jul to 30 Sep 2026) whose figures are worked out by hand
(tests.factories.make_report_tracker). The period starts where 30 Jun ends: a change dated 1 Jul belongs to it.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from recommendations.choices import Status
from recommendations.reporting import period_report
from tests.factories import REPORT_DRAFT_TITLE as DRAFT_TITLE
from tests.factories import REPORT_PRIVATE_NOTE as PRIVATE_NOTE
from tests.factories import REPORT_RECORDER as RECORDER
from tests.factories import (
    clock,
    d,
    local,
    make_area,
    make_organisation,
    make_recommendation,
    make_report_tracker,
)

pytestmark = pytest.mark.django_db

REPORT = reverse("recommendations:report")
REPORT_CSV = reverse("recommendations:report_csv")
TODAY = datetime.date(2026, 11, 28)
Q3 = (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
Q3_QUERY = "?from=2026-07-01&to=2026-09-30"


@pytest.fixture
def frozen_today():
    with clock(local(TODAY)):
        yield TODAY


@pytest.fixture
def report_tracker(frozen_today):
    return make_report_tracker()


def lists_by_area(result):
    """{area slug or None: {kind: [codes]}}, empty lists left out."""
    return {
        (group.area.slug if group.area else None): {
            change.key: [entry.recommendation.code for entry in change.entries]
            for change in group.lists
            if change.count
        }
        for group in result.areas
    }


# -- the figures ----------------------------------------------------------------------------


def test_headline_figures(report_tracker):
    result = period_report.compute_report(*Q3)
    figures = {str(f.label): (f.start, f.end, f.change_shown) for f in result.figures}
    assert figures == {
        "Recommendations raised": (11, 12, "+1"),
        "Implemented": (0, 2, "+2"),
        "In progress (including partially implemented)": (8, 8, "0"),
        "Completion share": (18.2, 35.4, "+17.2"),
        "Overdue": (1, 2, "+1"),
    }


def test_each_responsible_body_at_both_ends_most_overdue_first(report_tracker):
    treasury = make_organisation(name="Treasury", slug="treasury")
    report_tracker["START"].responsible_bodies.add(treasury)
    result = period_report.compute_report(*Q3)
    rows = [
        (s.body.slug, s.raised, s.share_start, s.share_end, s.overdue, s.newly_overdue, s.slipped)
        for s in result.bodies
    ]
    # Industry: every published one (12 at the end, 11 at the start), as in the headline.
    assert rows == [
        ("industry", 12, 18.2, 35.4, 2, 1, 1),
        ("treasury", 1, 0.0, 25.0, 0, 0, 0),
    ]


def test_changes_by_area(report_tracker):
    result = period_report.compute_report(*Q3)
    assert lists_by_area(result) == {
        "minerals": {
            "implemented": ["RPT-DONE"],
            "started": ["RPT-NEW", "RPT-START"],
            "overdue": ["RPT-LATE"],
        },
        "energy": {
            "started": ["RPT-BACKDATED", "RPT-NEW"],
            "backwards": ["RPT-BACK"],
            "slipped": ["RPT-SLIP"],
        },
        None: {"implemented": ["RPT-NO-AREA"]},
    }
    # Each recommendation once, whatever its number of areas.
    assert result.totals == [2, 3, 1, 1, 1]


def test_statuses_shown_beside_each_entry(report_tracker):
    result = period_report.compute_report(*Q3)
    energy = next(g for g in result.areas if g.area and g.area.slug == "energy")
    started = {e.recommendation.code: e for e in energy.lists[1].entries}
    assert started["RPT-NEW"].status_start is None  # not yet raised
    assert started["RPT-BACKDATED"].status_start == Status.PROPOSED
    assert started["RPT-BACKDATED"].status_end == Status.PARTIALLY_IMPLEMENTED
    assert started["RPT-NEW"].target_date == d("2027-12-31")


def test_slips_count_only_later_targets_while_published_in_the_period(report_tracker):
    assert period_report.slipped_between(*Q3) == {report_tracker["SLIP"].pk}
    # The slip of 30 Jun 11:30 pm belongs to the quarter before, the one of 2 Oct after.
    assert period_report.slipped_between(d("2026-04-01"), d("2026-06-30")) == {
        report_tracker["OUTSIDE"].pk
    }
    assert period_report.slipped_between(d("2026-10-01"), TODAY) == {report_tracker["OUTSIDE"].pk}


def test_a_change_dated_on_the_first_day_belongs_to_the_period(report_tracker):
    """Back-to-back periods leave no day out: START moved on 1 Jul, so it is in Q3, not Q2."""
    q2 = lists_by_area(period_report.compute_report(d("2026-04-01"), d("2026-06-30")))
    q3 = lists_by_area(period_report.compute_report(*Q3))
    assert "RPT-START" not in q2["minerals"].get("started", [])
    assert "RPT-START" in q3["minerals"]["started"]


def test_a_back_dated_update_counts_on_its_date(report_tracker):
    # As the tracker stood at the end of August, BACKDATED was partially implemented,
    # although the update was typed in November.
    august = period_report.compute_report(d("2026-08-01"), d("2026-08-31"))
    assert "RPT-BACKDATED" in lists_by_area(august)["energy"]["started"]
    assert any(u.recommendation.code == "RPT-BACKDATED" for u in august.updates)
    # ...and not before its date.
    july = period_report.compute_report(d("2026-07-01"), d("2026-07-31"))
    assert "RPT-BACKDATED" not in lists_by_area(july)["energy"].get("started", [])


def test_updates_of_the_period_newest_first_and_public_only(report_tracker):
    result = period_report.compute_report(*Q3)
    assert [(u.recommendation.code, u.as_of.isoformat()) for u in result.updates] == [
        ("RPT-BACK", "2026-09-30"),
        ("RPT-NO-AREA", "2026-09-01"),
        ("RPT-BACKDATED", "2026-08-15"),
        ("RPT-DONE", "2026-08-10"),
        ("RPT-NEW", "2026-07-20"),
        ("RPT-START", "2026-07-01"),
    ]
    assert result.update_count == 6


def test_the_page_shows_the_figures_and_links(client, report_tracker):
    response = client.get(REPORT + Q3_QUERY)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<caption id="area-minerals-implemented">Newly implemented: 1</caption>' in html
    assert '<caption id="area-energy-slipped">Target date slipped: 1</caption>' in html
    assert '<caption id="area-none-implemented">Newly implemented: 1</caption>' in html
    done = report_tracker["DONE"]
    assert f'<a href="{done.get_absolute_url()}"><span class="code">RPT-DONE</span> ' in html
    assert '<a href="#area-energy">Energy security</a>' in html
    assert "Not in any policy area" in html
    assert "<td>18.2%</td><td>35.4%</td><td>+17.2</td>" in html
    assert "6 public status updates are dated in the period." in html
    assert "Back-dated public summary." in html
    assert 'href="/report/export.csv?from=2026-07-01&amp;to=2026-09-30"' in html
    assert 'class="report-running-head"' in html
    assert 'aria-current="page">Progress report</a>' in html  # the navigation


def test_drafts_private_notes_and_later_recommendations_never_appear(client, report_tracker):
    html = client.get(REPORT + Q3_QUERY).content.decode()
    csv_text = b"".join(client.get(REPORT_CSV + Q3_QUERY).streaming_content).decode()
    for text in (html, csv_text):
        assert "RPT-SECRET" not in text and DRAFT_TITLE not in text
        assert PRIVATE_NOTE not in text
        assert "RPT-FUTURE" not in text
        assert RECORDER not in text and "r@example.org" not in text


def test_lists_are_capped_with_the_rest_counted(client, report_tracker, monkeypatch):
    monkeypatch.setattr(period_report, "LIST_LIMIT", 1)
    monkeypatch.setattr(period_report, "UPDATE_LIMIT", 2)
    result = period_report.compute_report(*Q3)
    minerals = next(g for g in result.areas if g.area and g.area.slug == "minerals")
    started = minerals.lists[1]
    assert (started.count, len(started.entries), started.more) == (2, 1, 1)
    assert (len(result.updates), result.update_count, result.more_updates) == (2, 6, 4)
    html = client.get(REPORT + Q3_QUERY).content.decode()
    assert "… and 1 more (every one is in the CSV)." in html
    assert "6 public status updates are dated in the period. The newest 2 are listed." in html


# -- the period ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "today, expected",
    [
        ("2026-11-28", ("2026-07-01", "2026-09-30")),
        ("2026-10-01", ("2026-07-01", "2026-09-30")),
        ("2026-09-30", ("2026-04-01", "2026-06-30")),
        ("2026-01-15", ("2025-10-01", "2025-12-31")),
        ("2026-04-01", ("2026-01-01", "2026-03-31")),
    ],
)
def test_default_period_is_the_last_full_quarter(today, expected):
    assert period_report.last_full_quarter(d(today)) == (d(expected[0]), d(expected[1]))


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, ("2026-07-01", "2026-09-30")),
        ({"from": "", "to": ""}, ("2026-07-01", "2026-09-30")),
        ({"from": "2026-01-01"}, ("2026-01-01", "2026-11-28")),
        ({"to": "2026-05-10"}, ("2026-04-01", "2026-05-10")),
        ({"from": "2026-11-28", "to": "2026-11-28"}, ("2026-11-28", "2026-11-28")),
        ({"from": "2000-01-01", "to": "2000-01-01"}, ("2000-01-01", "2000-01-01")),
    ],
)
def test_missing_dates_take_their_defaults(query, expected):
    form = period_report.ReportPeriodForm(query, today=TODAY)
    assert form.is_valid(), form.errors
    assert form.period == (d(expected[0]), d(expected[1]))


def test_the_page_without_dates_reports_the_last_full_quarter(client, report_tracker):
    response = client.get(REPORT)
    assert response.status_code == 200
    assert (response.context["report"].start, response.context["report"].end) == Q3
    html = response.content.decode()
    assert 'name="from" value="2026-07-01"' in html
    assert 'name="to" value="2026-09-30"' in html


@pytest.mark.parametrize(
    "query, codes",
    [
        ({"from": "yesterday"}, {"from": ["invalid"]}),
        ({"to": "2026-02-30"}, {"to": ["invalid"]}),
        ({"from": "30/09/2026"}, {"from": ["invalid"]}),
        ({"from": "2026-09-01", "to": "2026-11-29"}, {"to": ["future_date"]}),
        ({"from": "2027-01-01"}, {"from": ["future_date"]}),
        ({"from": "1999-12-31", "to": "2000-01-31"}, {"from": ["too_early"]}),
        ({"to": "0001-01-01"}, {"to": ["too_early"]}),
        ({"from": "2026-09-01", "to": "2026-08-01"}, {"__all__": ["from_after_to"]}),
    ],
)
def test_invalid_periods_are_refused_with_a_coded_error(query, codes):
    form = period_report.ReportPeriodForm(query, today=TODAY)
    assert not form.is_valid()
    assert {
        name: [error.code for error in errors] for name, errors in form.errors.as_data().items()
    } == codes


BAD_QUERIES = [
    "?from=yesterday",
    "?from=2026-02-30",
    "?to=2099-01-01",
    "?from=1999-12-31",
    "?from=2026-09-01&to=2026-08-01",
    "?from=%00",
    "?from=" + "9" * 5000,
    "?from=99999-01-01",
    "?from=2026-07-01&from=not-a-date",
    "?to=-2026-01-01",
    "?from=%E3%81%82",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_invalid_parameters_give_a_400_with_the_form_never_a_500(client, report_tracker, query):
    response = client.get(REPORT + query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "The report could not be made:" in html
    assert 'aria-invalid="true"' in html
    assert "Headline figures" not in html  # no figures for a period not asked for
    # A date box never holds what is not a date (invalid HTML, and browsers drop it).
    assert 'value="yesterday"' not in html and 'value="9999' not in html


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_invalid_parameters_give_no_file(client, report_tracker, query):
    response = client.get(REPORT_CSV + query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("No file was made: the period of the report could not be used.")
    assert "http://testserver/report/" in text


def test_a_mistyped_future_date_stays_in_its_box_to_be_corrected(client, report_tracker):
    response = client.get(REPORT + "?from=2026-07-01&to=2027-01-31")
    html = response.content.decode()
    assert 'name="to" value="2027-01-31"' in html
    assert 'aria-describedby="report-to-error"' in html
    assert "To: 31 Jan 2027 is in the future" in html


def test_a_start_after_the_end_marks_both_boxes(client, report_tracker):
    html = client.get(REPORT + "?from=2026-09-01&to=2026-08-01").content.decode()
    assert "The start date (1 Sep 2026) is after the end date (1 Aug 2026)." in html
    assert html.count('aria-invalid="true" aria-describedby="report-problems"') == 2
    assert 'name="from" value="2026-09-01"' in html and 'name="to" value="2026-08-01"' in html


# -- language ------------------------------------------------------------------------------


def test_the_japanese_page(client, report_tracker):
    response = client.get("/ja" + REPORT + Q3_QUERY)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert "重要鉱物" in html and "エネルギー安全保障" in html  # area names in Japanese
    assert "実施済み" in html  # a status label (Implemented)
    assert "ダッシュボード" in html  # the navigation
    # Titles with no Japanese fall back to English, marked as such.
    assert '<span lang="en">Recommendation done</span>' in html
    assert 'href="/ja/report/export.csv?from=2026-07-01&amp;to=2026-09-30"' in html
    assert 'href="/ja/recommendations/RPT-DONE/"' in html


# -- the CSV -------------------------------------------------------------------------------


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_csv_rows_and_header(client, report_tracker):
    response = client.get(REPORT_CSV + Q3_QUERY)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="progress-report-2026-07-01-to-2026-09-30.csv"'
    )
    header, *rows = read_csv(response)
    assert header == [
        "code",
        "title",
        "policy areas",
        "responsible bodies",
        "status at start",
        "status at end",
        "changed",
        "overdue at start",
        "overdue at end",
        "slipped in period",
        "target date",
        "link",
    ]
    by_code = {row[0]: row for row in rows}
    assert list(by_code) == sorted(by_code)  # in code order
    assert len(rows) == 12  # raised by 30 Sep: not FUTURE, never the draft
    assert by_code["RPT-NEW"] == [
        "RPT-NEW",
        "Recommendation new",
        "Critical minerals; Energy security",
        "Department of Industry",
        "not yet raised",
        "In progress",
        "yes",
        "no",
        "no",
        "no",
        "2027-12-31",
        "http://testserver/recommendations/RPT-NEW/",
    ]
    assert by_code["RPT-SLIP"][4:10] == ["In progress", "In progress", "no", "no", "no", "yes"]
    assert by_code["RPT-LATE"][4:10] == ["Not started", "Not started", "no", "no", "yes", "no"]
    assert by_code["RPT-BACK"][4:7] == ["In progress", "Not started", "yes"]
    assert by_code["RPT-NO-AREA"][2] == ""
    assert by_code["RPT-NO-AREA"][10] == ""
    slipped = {code for code, row in by_code.items() if row[9] == "yes"}
    assert slipped == {"RPT-SLIP"}


def test_csv_in_japanese(client, report_tracker):
    response = client.get("/ja" + REPORT_CSV + Q3_QUERY)
    header, *rows = read_csv(response)
    assert header[:4] == ["提言番号", "件名", "政策分野", "担当機関"]
    by_code = {row[0]: row for row in rows}
    assert by_code["RPT-NEW"][2] == "重要鉱物; エネルギー安全保障"
    assert by_code["RPT-DONE"][5] == "実施済み"
    assert by_code["RPT-DONE"][11] == "http://testserver/ja/recommendations/RPT-DONE/"


def test_csv_cells_cannot_run_as_formulas(client, report_tracker):
    make_recommendation(
        code="RPT-FORMULA",
        title='=HYPERLINK("http://evil.example")',
        status=Status.IN_PROGRESS,
        as_of=d("2026-08-01"),
    )
    rows = read_csv(client.get(REPORT_CSV + Q3_QUERY))
    formula = next(row for row in rows if row[0] == "RPT-FORMULA")
    assert formula[1].startswith("'=")


# -- queries -------------------------------------------------------------------------------

# The page's queries, whatever the number of recommendations, areas or updates:
#  1 per published recommendation raised by the end of the period: code, target date,
#    status and overdue at the end, and at the start where it was raised by then
#    (standing_on the last day, with_status_on the day before the first, values_list)
#  2 the policy areas
#  3 which published recommendation is in which area (values_list)
#  4 the target-date slips recorded up to the end (audit rows with a window function)
#  5 code and titles of the recommendations listed (at most LIST_LIMIT per list)
#  6 the newest public updates of the period with their recommendations (one more than
#    UPDATE_LIMIT, so a 9th query counts them only when there are more)
#  7 which published recommendation is addressed to which body (values_list)
#  8 those bodies' names
REPORT_QUERIES = 8
# The CSV's: the slips; the rows with both ends' statuses, their areas and bodies.
CSV_QUERIES = 2


def add_recommendations(count):
    areas = [make_area() for _ in range(4)]
    for n in range(count):
        with clock(local(d("2026-01-15"))):
            make_recommendation(
                areas=areas[: 1 + n % 4],
                target_date=d("2026-08-01") + datetime.timedelta(days=n),
                status=list(Status)[n % 6],
                as_of=d("2026-06-01") + datetime.timedelta(days=3 * n),
            )


@pytest.mark.parametrize("extra", [0, 30])
def test_the_page_runs_a_fixed_number_of_queries(
    client, report_tracker, extra, django_assert_num_queries
):
    add_recommendations(extra)
    with django_assert_num_queries(REPORT_QUERIES):
        response = client.get(REPORT + Q3_QUERY)
    assert response.status_code == 200


def test_counting_updates_beyond_those_listed_is_one_more_query(
    client, report_tracker, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(period_report, "UPDATE_LIMIT", 2)
    with django_assert_num_queries(REPORT_QUERIES + 1):
        client.get(REPORT + Q3_QUERY)


@pytest.mark.parametrize("extra", [0, 30])
def test_the_csv_runs_a_fixed_number_of_queries(
    client, report_tracker, extra, django_assert_num_queries
):
    add_recommendations(extra)
    with django_assert_num_queries(CSV_QUERIES):
        rows = read_csv(client.get(REPORT_CSV + Q3_QUERY))
    assert len(rows) == 1 + 12 + extra


def test_an_invalid_period_runs_no_query(client, frozen_today, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get(REPORT + "?from=nope").status_code == 400
        assert client.get(REPORT_CSV + "?from=nope").status_code == 400


# -- the rules, one at a time -------------------------------------------------------------

IP, NS, PR, PI, IM, NA = (
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.PROPOSED,
    Status.PARTIALLY_IMPLEMENTED,
    Status.IMPLEMENTED,
    Status.NOT_ACCEPTED,
)


@pytest.mark.parametrize(
    "before, after, slipped, kinds",
    [
        (None, (PR, False), False, []),
        (None, (IM, False), False, ["implemented", "started"]),
        ((PR, False), (IP, False), False, ["started"]),
        ((NS, False), (PI, False), False, ["started"]),
        ((IP, False), (IM, False), False, ["implemented"]),
        ((IM, False), (IM, False), False, []),
        ((IM, False), (IP, False), False, ["backwards"]),
        ((IP, False), (NS, False), False, ["backwards"]),
        ((IP, False), (NA, False), False, []),  # not accepted is off the ladder
        ((NA, False), (PR, False), False, []),
        ((IP, False), (IP, True), False, ["overdue"]),
        ((IP, True), (IP, True), False, []),
        ((IP, False), (IP, False), True, ["slipped"]),
    ],
)
def test_change_kinds(before, after, slipped, kinds):
    assert period_report.change_kinds(before, after, slipped) == kinds
