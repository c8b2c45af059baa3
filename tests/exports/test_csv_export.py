"""The public CSV export: the list's rows for any query string, streamed, safe to open in Excel."""

import codecs

import pytest
from django.http import QueryDict
from django.urls import reverse

from recommendations.exports.columns import neutralise, restore_cell
from recommendations.models import PolicyArea, Recommendation
from recommendations.public.filters import RecommendationFilter
from tests.downloads import EXPORT_HEADER as HEADER
from tests.downloads import rows_of
from tests.factories import (
    make_area,
    make_bulk_recommendations,
    make_organisation,
    make_recommendation,
    make_workshop,
)

pytestmark = pytest.mark.django_db

URL = reverse("recommendations:recommendation_csv")


def download(client, query=""):
    response = client.get(f"{URL}?{query}" if query else URL)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return response, body


def test_header_bom_and_one_row_per_published_recommendation(client, export_tracker):
    response, body = download(client)
    assert response["Content-Type"].startswith("text/csv")
    rows = rows_of(body)
    assert rows[0] == HEADER
    assert [row[0] for row in rows[1:]] == ["AJ-2025-001", "AJ-2025-002", "AJ-2025-003"]


def test_cells_lists_dates_and_link(client, export_tracker):
    _response, body = download(client)
    first = dict(zip(HEADER, rows_of(body)[1], strict=True))
    assert first == {
        "code": "AJ-2025-001",
        "title": "Joint stockpile of critical minerals",
        "policy areas": "Critical minerals; Energy security",  # in the areas' display order
        "status": "In progress",
        "status as of": "2025-07-01",
        "lead side": "Joint",
        "responsible bodies": "Department of Foreign Affairs and Trade; 経済産業省",
        "priority": "High",
        "target date": "2020-01-01",
        "overdue": "yes",
        "raised at": "Canberra workshop; Tokyo workshop",  # in meeting order
        "latest public update": "Working group formed.",
        "text": first["text"],
        "link": "http://testserver/recommendations/AJ-2025-001/",
    }
    third = dict(zip(HEADER, rows_of(body)[3], strict=True))
    assert third["overdue"] == "no"
    assert third["responsible bodies"] == third["raised at"] == third["status as of"] == ""


def test_japanese_text_survives_utf8_sig(client, export_tracker):
    _response, body = download(client)
    text = body.decode("utf-8-sig")
    assert "重要鉱物のサプライチェーン強靭化" in text
    assert "日本語の本文です。" in text


def test_never_drafts_participants_or_private_notes(client, export_tracker):
    _response, body = download(client, "q=draft&area=critical-minerals")
    text = body.decode("utf-8-sig")
    assert "AJ-2025-099" not in text
    _response, body = download(client)
    text = body.decode("utf-8-sig")
    for secret in ("AJ-2025-099", "A draft", "Secret Attendee", "participant", "PRIVATE NOTE"):
        assert secret not in text


@pytest.mark.parametrize(
    "canary", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tleading tab", "\r=HYPERLINK()"]
)
def test_formula_canaries_are_neutralised(client, canary):
    area = make_area(name=canary, slug="canary")
    make_recommendation(code="AJ-2025-500", title=canary, text=canary, areas=[area])
    _response, body = download(client)
    row = rows_of(body)[1]
    for column in ("title", "policy areas", "text"):
        cell = row[HEADER.index(column)]
        assert cell == "'" + canary
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_neutralise_is_undone_exactly_by_restore_cell():
    for value in ["=x", "'=x", "''", "'", "'abc", "plain", "", "-", "@@", "'\t"]:
        assert restore_cell(neutralise(value)) == value


# Filter combinations across several pages (the list shows 25 a page): the export is the
# FilterSet's queryset, whole and in its order.
FILTER_QUERIES = [
    "",
    "area=critical-minerals",
    "area=critical-minerals&area=energy-security&sort=-code",
    "status=in_progress&lead=joint&sort=target",
    "overdue=1&sort=priority",
    "body=dfat&sort=updated",
    "q=Bulk%201&sort=-target",
    "page=2&sort=-code",
    "workshop=tokyo-2025&priority=high",
    "area=critical-minerals&sort=sideways&page=x",
]


@pytest.mark.parametrize("query", FILTER_QUERIES)
def test_rows_and_order_equal_the_lists_results(client, export_tracker, query):
    area = make_area(slug="bulk-area")
    make_bulk_recommendations(
        60, area=area, body=export_tracker[0].responsible_bodies.first(), workshop=make_workshop()
    )
    expected = list(
        RecommendationFilter(
            QueryDict(query), queryset=Recommendation.objects.published()
        ).qs.values_list("code", flat=True)
    )
    _response, body = download(client, query)
    assert [row[0] for row in rows_of(body)[1:]] == expected


def test_rows_equal_every_page_of_the_list_page(client, export_tracker):
    """Where the list page exists, the export holds its rows from every page, in order."""
    list_url = reverse("recommendations:recommendation_list")
    area = make_area(slug="bulk-area")
    make_bulk_recommendations(
        60, area=area, body=export_tracker[0].responsible_bodies.first(), workshop=make_workshop()
    )
    query = "sort=-code&status=in_progress"
    if client.get(f"{list_url}?{query}").status_code == 404:
        pytest.skip("The list page is not built yet.")
    shown, page = [], 1
    while True:
        response = client.get(f"{list_url}?{query}&page={page}")
        page_shown = response.context["listing"].page  # the list page's own rows
        shown += [r.code for r in page_shown.object_list]
        if not page_shown.has_next():
            break
        page += 1
    _response, body = download(client, query)
    assert [row[0] for row in rows_of(body)[1:]] == shown


def test_bad_arrangement_parameters_are_ignored(client, export_tracker):
    for query in ["page=-1", "page=x", "sort=%00", "sort=sideways"]:
        response = client.get(f"{URL}?{query}")
        assert response.status_code == 200
        assert len(rows_of(b"".join(response.streaming_content))) == 4


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("q=" + "x" * 201, "longer than 200 characters"),
        ("q=" + "x" * 5000 + "&area=critical-minerals", "longer than 200 characters"),
        ("area=%FF%FE", "Unknown policy area ignored"),
        ("area=critical-minerals&area=nonsense", "Unknown policy area ignored: nonsense"),
        ("area=%22%3B%0Aevil", "Unknown policy area ignored"),  # never echoed into a header
        ("overdue=yes", "overdue value was not understood"),
        ("status=bogus", "Unknown status ignored: bogus"),
    ],
)
def test_a_filter_that_cannot_be_applied_is_refused_never_widened(
    client, export_tracker, query, says
):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert says in body and "http://testserver/recommendations/" in body


def test_the_refusal_is_in_the_addresss_language(client, export_tracker):
    response = client.get("/ja/recommendations/export.csv?q=" + "x" * 201)
    assert response.status_code == 400
    assert "ファイルは作成していません" in response.content.decode()


def test_query_count_does_not_grow_with_rows(client, django_assert_num_queries):
    area, body, workshop = make_area(), make_organisation(), make_workshop()
    for added, total in ((10, 10), (990, 1000)):
        make_bulk_recommendations(
            added, area=area, body=body, workshop=workshop, start=total - added
        )
        # The FilterSet's vocabularies (areas, workshops, bodies), then one query for the rows
        # with their areas, bodies, meetings and latest update as correlated subqueries
        # (PostgreSQL: a server-side cursor, fetched 2,000 rows at a time).
        with django_assert_num_queries(4):
            _response, body_bytes = download(client, "sort=priority")
        assert len(rows_of(body_bytes)) - 1 == total


def test_streams(client, export_tracker):
    response = client.get(URL)
    assert response.streaming
    first = next(iter(response.streaming_content))
    assert first.startswith(codecs.BOM_UTF8 + b"code,title,")


@pytest.mark.parametrize(
    ("query", "what"),
    [
        ("", "all"),
        ("area=critical-minerals", "critical-minerals"),
        ("area=critical-minerals&area=energy-security", "critical-minerals-energy-security"),
        ("overdue=1", "overdue"),
        ("area=energy-security&overdue=1", "energy-security-overdue"),
        ("status=implemented", "filtered"),
        ("area=critical-minerals&lead=jp", "critical-minerals-filtered"),
        ("sort=-code&page=3", "all"),
    ],
)
def test_filename_says_what_and_when(client, export_tracker, query, what):
    response, _body = download(client, query)
    from django.utils import timezone

    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="recommendations-{what}-{today}.csv"'
    )


def test_the_japanese_export_has_japanese_headers_labels_and_content(client, export_tracker):
    minerals = PolicyArea.objects.get(slug="critical-minerals")
    minerals.name_ja = "重要鉱物"
    minerals.save()
    first = Recommendation.objects.get(code="AJ-2025-001")
    first.title_ja = "重要鉱物の共同備蓄"
    first.save()

    response = client.get("/ja/recommendations/export.csv?area=critical-minerals&overdue=1")
    body = b"".join(response.streaming_content)
    rows = rows_of(body)

    assert response["Content-Language"] == "ja"
    assert rows[0] == [
        "提言番号",
        "件名",
        "政策分野",
        "実施状況",
        "実施状況の時点",
        "主導",
        "担当機関",
        "優先度",
        "目標期日",
        "期限超過",
        "提起された会合",
        "最新の進捗報告",
        "本文",
        "リンク",
    ]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["提言番号"] == "AJ-2025-001"
    assert row["件名"] == "重要鉱物の共同備蓄"
    # Per cell: Japanese where the record has it, English where it has not.
    assert row["政策分野"] == "重要鉱物; Energy security"
    assert (row["実施状況"], row["主導"], row["優先度"], row["期限超過"]) == (
        "実施中",
        "日豪共同",
        "高",
        "はい",
    )
    assert row["実施状況の時点"] == "2025-07-01"  # ISO dates in every language
    assert row["リンク"] == "http://testserver/ja/recommendations/AJ-2025-001/"
    disposition = response["Content-Disposition"]
    assert "filename*=utf-8''" in disposition.lower()
    from urllib.parse import unquote

    assert unquote(disposition.split("''", 1)[1]).startswith("提言-critical-minerals-期限超過-")


def test_the_japanese_export_has_the_same_rows_as_the_english_one(client, export_tracker):
    english = rows_of(download(client, "sort=-code")[1])
    response = client.get("/ja/recommendations/export.csv?sort=-code")
    japanese = rows_of(b"".join(response.streaming_content))
    assert [row[0] for row in japanese][1:] == [row[0] for row in english][1:]
