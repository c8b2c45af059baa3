"""The Excel workbook of any filtered view: the CSV's rows, real dates, links, no formulas."""

import csv
import datetime
import io
import tracemalloc
import zipfile
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from openpyxl.worksheet import _writer as openpyxl_sheet_writer

from recommendations.choices import Priority, Status
from recommendations.exports.columns import restore_cell
from recommendations.exports.csv_rows import REPORT_KEYS
from recommendations.exports.workbook import XLSX_CONTENT_TYPE, write_workbook
from recommendations.models import PolicyArea, Recommendation
from tests.downloads import EXPORT_HEADER as HEADER
from tests.downloads import rows_of, workbook_text
from tests.factories import (
    make_area,
    make_bulk_recommendations,
    make_organisation,
    make_recommendation,
    make_workshop,
)

pytestmark = pytest.mark.django_db

URL = reverse("recommendations:recommendation_xlsx")
CSV_URL = reverse("recommendations:recommendation_csv")
CHANGELIST = reverse("admin:recommendations_recommendation_changelist")
INJECTIONS = ["=1+1", "+SUM(A1)", "-2", "@cmd", '=HYPERLINK("http://x")', "#N/A", "\t=1+1"]


def download(client, query="", url=URL):
    response = client.get(f"{url}?{query}" if query else url)
    assert response.status_code == 200, response.content[:500]
    return response, b"".join(response.streaming_content)


def book_of(body):
    return load_workbook(io.BytesIO(body))


def values(ws):
    return [[cell.value for cell in row] for row in ws.iter_rows()]


def csv_rows(client, query="", prefix=""):
    response = client.get(f"{prefix}{CSV_URL}?{query}")
    return rows_of(b"".join(response.streaming_content))


def as_csv_cell(value):
    """A workbook cell as the CSV writes it (dates as ISO text, nothing as "")."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return "" if value is None else value


def about_of(body):
    """The About sheet as {label: [values]} (a label's later rows have no label)."""
    ws = book_of(body).worksheets[1]
    entries, label = {}, None
    for first, second in ws.iter_rows(max_col=2, values_only=True):
        label = first or label
        if label is not None and second is not None:
            entries.setdefault(label, []).append(second)
    return entries


def bulk_recommendations(count, **links):
    """make_bulk_recommendations with the priorities in turn and target dates over 12 years."""
    return make_bulk_recommendations(
        count,
        priority=lambda i: (Priority.HIGH, Priority.MEDIUM, Priority.LOW)[i % 3],
        target_date=lambda i: datetime.date(2020 + i % 12, 1, 1),
        **links,
    )


# -- the file ---------------------------------------------------------------------------------


def test_a_workbook_named_like_the_csv(client, export_tracker):
    response, body = download(client, "area=critical-minerals&overdue=1")
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["X-Content-Type-Options"] == "nosniff"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="recommendations-critical-minerals-overdue-{today}.xlsx"'
    )
    assert zipfile.is_zipfile(io.BytesIO(body))
    assert [ws.title for ws in book_of(body).worksheets] == ["Recommendations", "About"]


def test_header_bold_frozen_filtered_and_columns_sized(client, export_tracker):
    _response, body = download(client)
    ws = book_of(body).worksheets[0]
    rows = values(ws)
    assert rows[0] == HEADER
    assert all(cell.font.b for cell in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:N4"  # the header and the three published rows
    widths = {letter: ws.column_dimensions[letter].width for letter in "ABCDEFGHIJKLMN"}
    assert all(width and width >= 10 for width in widths.values()), widths
    assert widths["M"] > widths["A"]  # the text is wider than the code


def test_every_cell_is_the_csvs_with_real_dates(client, export_tracker):
    _response, body = download(client)
    rows = values(book_of(body).worksheets[0])
    expected = csv_rows(client)
    assert [[as_csv_cell(value) for value in row] for row in rows] == expected
    first = dict(zip(HEADER, rows[1], strict=True))
    assert first["status as of"] == datetime.datetime(2025, 7, 1)
    assert first["target date"] == datetime.datetime(2020, 1, 1)
    assert first["overdue"] == "yes"
    assert first["policy areas"] == "Critical minerals; Energy security"


def test_dates_are_dates_with_a_date_format(client, export_tracker):
    _response, body = download(client)
    ws = book_of(body).worksheets[0]
    for column in ("status as of", "target date"):
        cell = ws.cell(row=2, column=HEADER.index(column) + 1)
        assert isinstance(cell.value, datetime.datetime)
        assert cell.is_date and cell.number_format == "yyyy-mm-dd"
    # No date, no cell: the third recommendation has no status date.
    assert ws.cell(row=4, column=HEADER.index("status as of") + 1).value is None


def test_each_code_links_to_its_page(client, export_tracker):
    _response, body = download(client)
    ws = book_of(body).worksheets[0]
    for row in ws.iter_rows(min_row=2):
        code, link = row[0], row[HEADER.index("link")]
        assert code.hyperlink.target == f"http://testserver/recommendations/{code.value}/"
        assert link.value == code.hyperlink.target
        assert link.hyperlink is None
        assert code.font.u == "single"


@pytest.mark.parametrize("injection", INJECTIONS)
def test_formula_injection_stays_text(client, injection):
    area = make_area(name=injection, slug="canary")
    make_recommendation(
        code="AJ-2025-500",
        title=injection,
        text=injection,
        areas=[area],
        status=Status.IN_PROGRESS,
        summary=injection,
    )
    _response, body = download(client)
    ws = book_of(body).worksheets[0]
    for column in ("title", "policy areas", "latest public update", "text"):
        cell = ws.cell(row=2, column=HEADER.index(column) + 1)
        assert (cell.value, cell.data_type) == (injection, "s"), column
    # No formula anywhere in the file, nor a quote added as in the CSV.
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    # The About sheet echoes the chosen area's name: as text too.
    _response, body = download(client, "area=canary")
    about = book_of(body).worksheets[1]
    cells = [cell for row in about.iter_rows() for cell in row if cell.value is not None]
    (echoed,) = [cell for cell in cells if cell.value == f"Policy area: {injection}"]
    assert echoed.data_type == "s"


def test_characters_a_worksheet_cannot_hold_are_dropped_not_fatal(client):
    # (No NUL: PostgreSQL refuses it in any text column, so no row can hold one.)
    make_recommendation(code="AJ-2025-501", title="Pasted\x0bfrom\x01Word\x1b", text="ok")
    _response, body = download(client)
    assert values(book_of(body).worksheets[0])[1][1] == "PastedfromWord"


# -- the same rows as the CSV -----------------------------------------------------------------

FILTER_QUERIES = [
    "",
    "area=critical-minerals",
    "area=critical-minerals&area=energy-security&sort=-code",
    "status=in_progress&lead=joint&sort=target",
    "status=implemented",
    "overdue=1&sort=priority",
    "overdue=1&area=bulk-area&sort=-target",
    "q=bulk&sort=-target",
    "q=minerals",
    "as_of=2025-06-15",
    "as_of=2025-06-15&overdue=1&sort=updated",
    "as_of=2025-05-15&status=implemented",
    "workshop=tokyo-2025&priority=high",
    "body=dfat&sort=updated",
    "page=2&sort=-code",
]


@pytest.mark.parametrize("query", FILTER_QUERIES)
def test_same_codes_in_the_same_order_as_the_csv(client, export_tracker, query):
    area = make_area(slug="bulk-area")
    bulk_recommendations(
        40, area=area, body=export_tracker[0].responsible_bodies.first(), workshop=make_workshop()
    )
    expected = csv_rows(client, query)
    _response, body = download(client, query)
    rows = values(book_of(body).worksheets[0])
    assert [row[0] for row in rows] == [row[0] for row in expected]
    assert [[as_csv_cell(value) for value in row] for row in rows] == expected
    assert len(rows) > 1  # every query finds something: the comparison means something


def test_a_past_date_is_the_tracker_as_it_stood(client, export_tracker):
    _response, body = download(client, "as_of=2025-06-15")
    first = dict(zip(HEADER, values(book_of(body).worksheets[0])[1], strict=True))
    # On 15 June 2025 the latest update was the one of 1 June, not the one of 1 July.
    assert (first["code"], first["status as of"]) == ("AJ-2025-001", datetime.datetime(2025, 6, 1))
    assert first["latest public update"] == "Talks have started."


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("q=" + "x" * 201, "longer than 200 characters"),
        ("area=critical-minerals&area=nonsense", "Unknown policy area ignored: nonsense"),
        ("overdue=yes", "overdue value was not understood"),
        ("status=bogus", "Unknown status ignored: bogus"),
        ("as_of=2999-01-01", "in the future"),
    ],
)
def test_a_filter_that_cannot_be_applied_is_refused_never_widened(
    client, export_tracker, query, says
):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert says in response.content.decode()
    assert client.get(f"{CSV_URL}?{query}").status_code == 400  # exactly as the CSV


def test_bad_arrangement_parameters_are_ignored(client, export_tracker):
    for query in ["page=-1", "page=x", "sort=%00", "sort=sideways"]:
        _response, body = download(client, query)
        assert len(values(book_of(body).worksheets[0])) == 4


def test_never_drafts_participants_or_private_notes(client, export_tracker):
    for query in ("", "area=critical-minerals", "q=draft", "as_of=2025-12-31"):
        _response, body = download(client, query)
        text = workbook_text(body)
        for secret in ("AJ-2025-099", "A draft", "Secret Attendee", "PRIVATE NOTE"):
            assert secret not in text, (query, secret)


# -- in Japanese ------------------------------------------------------------------------------


def test_japanese_under_ja_exactly_as_the_csv(client, export_tracker):
    minerals = PolicyArea.objects.get(slug="critical-minerals")
    minerals.name_ja = "重要鉱物"
    minerals.save()
    query = "area=critical-minerals&overdue=1"
    response = client.get(f"/ja{URL}?{query}")
    assert response.status_code == 200
    assert response["Content-Language"] == "ja"
    body = b"".join(response.streaming_content)
    rows = values(book_of(body).worksheets[0])
    expected = csv_rows(client, query, prefix="/ja")
    assert rows[0][:3] == ["提言番号", "件名", "政策分野"]
    assert [[as_csv_cell(value) for value in row] for row in rows] == expected
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["政策分野"] == "重要鉱物; Energy security"
    assert row["期限超過"] == "はい"
    assert row["リンク"] == "http://testserver/ja/recommendations/AJ-2025-001/"
    assert book_of(body).worksheets[0]["A2"].hyperlink.target == row["リンク"]
    disposition = response["Content-Disposition"]
    name = unquote(disposition.split("''", 1)[1])
    assert name.startswith("提言-critical-minerals-期限超過-") and name.endswith(".xlsx")
    # The column descriptions name the Japanese headers.
    assert "提言番号" in about_of(body)


# -- the About sheet --------------------------------------------------------------------------


def test_the_about_sheet_says_what_when_which_filters_how_many(client, export_tracker):
    before = timezone.localtime().replace(tzinfo=None, second=0, microsecond=0)
    _response, body = download(client, "area=critical-minerals&status=in_progress&sort=-code")
    about = about_of(body)
    assert "published recommendations" in about["What this is"][0]
    made = next(value for label, value in about.items() if label.startswith("Made ("))[0]
    assert isinstance(made, datetime.datetime) and made >= before
    assert about["Filters"] == ["Policy area: Critical minerals", "Status: In progress"]
    assert about["Sorted by"] == ["Code (Z–A)"]
    assert about["Recommendations in this file"] == [1]
    assert about["The same view on the tracker"] == [
        "http://testserver/recommendations/?area=critical-minerals&status=in_progress&sort=-code"
    ]
    # One row per column, with what it holds.
    for column in HEADER:
        assert about[column] and about[column][0], column


def test_the_about_sheet_names_the_past_date_and_no_filters(client, export_tracker):
    _response, body = download(client, "as_of=2025-06-15&overdue=1")
    about = about_of(body)
    assert about["Filters"] == ["As it stood on: 2025-06-15", "Overdue: Overdue only"]
    assert about["Status and overdue as of"] == [datetime.datetime(2025, 6, 15)]
    _response, body = download(client)
    about = about_of(body)
    assert about["Filters"] == ["None: every published recommendation."]
    assert about["Recommendations in this file"] == [3]


# -- on the pages -----------------------------------------------------------------------------


def test_the_list_area_and_body_pages_link_to_the_workbook(client, export_tracker):
    list_url = reverse("recommendations:recommendation_list")
    pages = [
        (f"{list_url}?status=in_progress&page=1&sort=-code", {"status", "sort"}),
        (
            reverse("recommendations:area_detail", args=["energy-security"]) + "?lead=jp",
            {"lead", "area"},
        ),
        (reverse("recommendations:body_detail", args=["dfat"]), {"body"}),
    ]
    for page, keys in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        listing = response.context["listing"]
        assert listing.xlsx_url.startswith(URL)
        assert set(parse_qs(urlsplit(listing.xlsx_url).query)) == keys
        assert urlsplit(listing.xlsx_url).query == urlsplit(listing.csv_url).query
        html = response.content.decode()
        assert "Download Excel" in html and listing.xlsx_url.replace("&", "&amp;") in html


# -- cost -------------------------------------------------------------------------------------


def test_query_count_is_the_csvs_and_does_not_grow(client, django_assert_num_queries):
    area, body, workshop = make_area(), make_organisation(), make_workshop()
    for added, total in ((10, 10), (490, 500)):
        bulk_recommendations(added, area=area, body=body, workshop=workshop, start=total - added)
        # As the CSV: the FilterSet's vocabularies (areas, workshops, bodies), then one query
        # for the rows with their areas, bodies, meetings and latest update as correlated
        # subqueries. The About sheet needs none: its filter names come from the
        # vocabularies, its row count from the rows written.
        with django_assert_num_queries(4):
            _response, body_bytes = download(client, "sort=priority")
        with django_assert_num_queries(4):
            download(client, "sort=priority", url=CSV_URL)
        assert len(values(book_of(body_bytes).worksheets[0])) - 1 == total


def test_no_temporary_file_is_left_behind(client, export_tracker):
    # openpyxl writes each sheet to a temporary file first; the workbook removes them.
    before = list(openpyxl_sheet_writer.ALL_TEMP_FILES)
    download(client)
    left_behind = [path for path in openpyxl_sheet_writer.ALL_TEMP_FILES if path not in before]
    assert left_behind == []


def typical_rows(count):
    """Rows shaped like typed_report's, each a different code, title, link and text."""
    for i in range(count):
        yield [
            f"BK-{i:05d}",
            f"Bulk recommendation {i} on critical minerals supply chains",
            "Critical minerals; Energy security",
            "In progress",
            datetime.date(2025, 6, 1),
            "Joint",
            "Department of Foreign Affairs and Trade; 経済産業省",
            "High",
            datetime.date(2026, 1, 1),
            "no",
            "Canberra workshop; Tokyo workshop",
            f"Update {i}: a working group was formed and met twice.",
            f"Recommendation {i}: the two governments should meet twice a year. " * 4,
            f"http://testserver/recommendations/BK-{i:05d}/",
        ]


def peak_memory(count, target):
    tracemalloc.start()
    try:
        write_workbook(
            target, list(REPORT_KEYS), REPORT_KEYS, typical_rows(count), lambda n: [("n", n)]
        )
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_as_rows_grow(tmp_path):
    """Write-only sheets, inline strings and hyperlinks kept on disk: ten times the rows,
    about the same peak (openpyxl's own hyperlinks alone would add some 2 MB here)."""
    peak_memory(20, io.BytesIO())  # the first use imports and caches: not measured
    with open(tmp_path / "few.xlsx", "w+b") as target:
        few = peak_memory(200, target)
    with open(tmp_path / "many.xlsx", "w+b") as target:
        many = peak_memory(2000, target)
    assert many - few < 1024 * 1024, (few, many)
    ws = load_workbook(tmp_path / "many.xlsx").worksheets[0]
    assert ws.max_row == 2001
    assert ws["A2001"].hyperlink.target == "http://testserver/recommendations/BK-01999/"


# -- the secretariat's workbook ---------------------------------------------------------------


def test_the_admin_action_downloads_the_selected_drafts_included(officer_client, export_tracker):
    pks = list(Recommendation.objects.values_list("pk", flat=True))
    response = officer_client.post(
        CHANGELIST,
        {"action": "export_recommendations_workbook", "_selected_action": [str(pk) for pk in pks]},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="recommendations-report-{today}.xlsx"'
    )
    body = b"".join(response.streaming_content)
    ws = book_of(body).worksheets[0]
    rows = values(ws)
    assert rows[0] == [*HEADER, "published"]
    assert [row[0] for row in rows[1:]] == [
        "AJ-2025-001",
        "AJ-2025-002",
        "AJ-2025-003",
        "AJ-2025-099",
    ]
    by_code = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    draft = Recommendation.objects.get(code="AJ-2025-099")
    assert by_code["AJ-2025-099"]["published"] == "no"
    assert by_code["AJ-2025-001"]["published"] == "yes"
    admin_link = f"http://testserver/admin/recommendations/recommendation/{draft.pk}/change/"
    assert by_code["AJ-2025-099"]["link"] == admin_link
    assert ws["A5"].hyperlink.target == admin_link
    assert ws["A2"].hyperlink.target == "http://testserver/recommendations/AJ-2025-001/"
    assert ws.auto_filter.ref == "A1:O5" and ws.freeze_panes == "A2"
    # The same rows as the CSV report action, cell for cell.
    csv_response = officer_client.post(
        CHANGELIST,
        {"action": "export_recommendations_report", "_selected_action": [str(pk) for pk in pks]},
    )
    csv_body = b"".join(csv_response.streaming_content).decode("utf-8-sig")
    expected = [[restore_cell(cell) for cell in row] for row in csv.reader(io.StringIO(csv_body))]
    assert [[as_csv_cell(value) for value in row] for row in rows] == expected
    about = about_of(body)
    assert "drafts included" in about["What this is"][0]
    assert about["Recommendations in this file"] == [4]
    assert "admin" in about["link"][0] and about["published"]


def test_the_admin_action_sits_beside_the_csv_report(officer_client, export_tracker):
    page = officer_client.get(CHANGELIST).content.decode()
    assert "Download the selected as an Excel workbook" in page
    assert page.index("export_recommendations_report") < page.index(
        "export_recommendations_workbook"
    )
