"""The CSV export written by PostgreSQL (recommendations/exports/postgres_copy.py).

On PostgreSQL the public export is produced by `COPY (…) TO STDOUT`; the generic writer
(exports.csv_rows.typed_report through Python's csv module) is the reference, and every
file must be the same bytes from both: every filter alone and combined, each sort, `as_of`,
a search, both languages, and cells made to be awkward (formula triggers, quotes, commas,
line breaks, Japanese, empty texts and lists, missing dates). On SQLite the generic writer
runs.
"""

import codecs
import datetime

import pytest
from django.db import connection, transaction
from django.db.models.functions import Lower
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations.choices import Lead, Priority, Status
from recommendations.exports import csv_rows, csv_views, postgres_copy
from recommendations.models import (
    RaisedAt,
    Recommendation,
    RecommendationArea,
    ResponsibleBody,
    StatusUpdate,
)
from recommendations.public.filters import RecommendationFilter
from recommendations.services import record_status_update
from tests.factories import make_area, make_organisation, make_recommendation, make_workshop

pytestmark = pytest.mark.django_db

POSTGRESQL = connection.vendor == "postgresql"
postgresql_only = pytest.mark.skipif(
    not POSTGRESQL, reason="COPY … TO STDOUT is PostgreSQL's; SQLite runs the generic export"
)
URL = reverse("recommendations:recommendation_csv")
TODAY = datetime.date.today()


def download(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content
    assert response.streaming
    return response, b"".join(response.streaming_content)


def generic_download(client, path, monkeypatch):
    """The same address written by the generic (Python) writer."""
    with monkeypatch.context() as patch:
        patch.setattr(csv_views, "copy_csv_chunks", lambda *args, **kwargs: None)
        return download(client, path)


def copy_download(client, path):
    """The address written through COPY (checked: the COPY ran)."""
    with CaptureQueriesContext(connection) as queries:
        response, body = download(client, path)
    assert any(query["sql"].startswith("COPY (") for query in queries.captured_queries)
    return response, body


def assert_same_file(client, path, monkeypatch):
    copy_response, copied = copy_download(client, path)
    generic_response, generic = generic_download(client, path, monkeypatch)
    assert copied.startswith(codecs.BOM_UTF8)
    for header in ("Content-Type", "Content-Disposition", "X-Content-Type-Options"):
        assert copy_response[header] == generic_response[header]
    if copied != generic:
        copied_lines = copied.split(b"\r\n")
        generic_lines = generic.split(b"\r\n")
        first = next(
            (
                i
                for i, pair in enumerate(zip(copied_lines, generic_lines, strict=False))
                if pair[0] != pair[1]
            ),
            min(len(copied_lines), len(generic_lines)),
        )
        pytest.fail(
            f"{path}: line {first} differs\n COPY:    {copied_lines[first : first + 1]!r}\n"
            f" generic: {generic_lines[first : first + 1]!r}"
        )
    return copied


@pytest.fixture
def tricky():
    """Recommendations whose every cell is awkward for a CSV writer, with a history."""
    # Areas: display order before name, a tie on order, a formula, quotes and a comma,
    # a line break, Japanese names and a Japanese-only fallback.
    formula = make_area(name="=Formula area", slug="formula", order=1)
    energy = make_area(
        name='Energy, "security"', name_ja="エネルギー安全保障", slug="energy", order=2
    )
    zeta = make_area(name="Zeta", slug="zeta", order=2)
    broken = make_area(name="Line\nbreak area", slug="broken", order=0)
    quoted = make_area(name="'=quoted area", slug="quoted", order=9)
    # Bodies: ordered by name; Japanese, a formula sign, a comma.
    meti = make_organisation(name="経済産業省", name_ja="経済産業省", slug="meti", country="jp")
    plus = make_organisation(name="+Plus Agency", slug="plus")
    comma = make_organisation(name="Department of Trade, Industry", name_ja="通商部", slug="dti")
    at = make_organisation(name="@handle office", slug="at")
    # Meetings: ordered by date, then title, then key (two on one day under one title).
    first = make_workshop(title="Same title", slug="same-1", start_date=datetime.date(2025, 5, 1))
    second = make_workshop(title="Same title", slug="same-2", start_date=datetime.date(2025, 5, 1))
    tokyo = make_workshop(
        title="-Tokyo round",
        title_ja="東京会合",
        slug="tokyo",
        start_date=datetime.date(2025, 4, 1),
    )
    later = make_workshop(title="Later", slug="later", start_date=datetime.date(2025, 9, 9))

    past, future = datetime.date(2020, 1, 1), datetime.date(2099, 1, 1)
    specs = [
        # code, title, text, summary, lists, extra fields
        ("AJ-2025-001", "=1+1", "+SUM(A1)", "-2+3", [energy, formula, zeta], {}),
        ("AJ-2025-002", "@cmd", "\tleading tab", "\r=HYPERLINK()", [broken], {}),
        ("AJ-2025-003", "'=already quoted", "''double", "'", [quoted, zeta], {}),
        ("AJ-2025-004", 'He said "hi", then left', "One\nTwo\r\nThree", 'a,b,"c"', [], {}),
        ("AJ-2025-005", "", "", "", [energy], {"title_ja": "件名のみ", "text_ja": "本文のみ"}),
        ("AJ-2025-006", "-", "'", "\t", [], {"title_ja": "日本語の件名"}),
        ("AJ-2025-007", " leading space", "trailing space ", "plain", [formula], {}),
        ("AJ-2025-008", "Comma, only", "x", "", [zeta, energy], {"target_date": past}),
        ("AJ-2025-009", '"', '""', '"quoted"', [], {"target_date": future}),
        ("AJ-2025-010", "重要鉱物の共同備蓄", "日本語の本文です。", "要約", [zeta], {}),
        # A code no form would take: a formula sign, a comma and a quote in it.
        ('=AJ,"X"', "Odd code", "Odd", "odd", [formula], {"target_date": past}),
    ]
    recs = []
    for index, (code, title, text, summary, areas, extra) in enumerate(specs):
        status = [Status.IN_PROGRESS, Status.IMPLEMENTED, Status.NOT_ACCEPTED][index % 3]
        recs.append(
            make_recommendation(
                code=code,
                title=title,
                text=text,
                areas=areas,
                bodies=[[meti, plus], [comma], [at, meti, comma], []][index % 4],
                workshops=[[first, second, tokyo], [], [later], [second]][index % 4],
                lead=[Lead.AUSTRALIA, Lead.JAPAN, Lead.JOINT][index % 3],
                priority=[Priority.HIGH, Priority.MEDIUM, Priority.LOW][index % 3],
                status=status,
                as_of=datetime.date(2025, 7, 1) + datetime.timedelta(days=index),
                summary=summary,
                summary_ja="日本語の要約" if index % 2 else "",
                target_date=extra.pop("target_date", past if index % 2 else None),
                **extra,
            )
        )
    # Later history: updates on one day (the later recorded wins), a back-dated one.
    record_status_update(
        recommendation=recs[0],
        status=Status.IMPLEMENTED,
        as_of=datetime.date(2025, 9, 1),
        summary="First of the day",
    )
    record_status_update(
        recommendation=recs[0],
        status=Status.PARTIALLY_IMPLEMENTED,
        as_of=datetime.date(2025, 9, 1),
        summary="=Second of the day",
    )
    record_status_update(
        recommendation=recs[1],
        status=Status.NOT_STARTED,
        as_of=datetime.date(2025, 6, 1),
        summary="Back-dated",
    )
    record_status_update(
        recommendation=recs[2],
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2026, 2, 1),
        summary="",
        summary_ja="後の更新",
    )
    # No update at all, no lists, no dates.
    make_recommendation(code="AJ-2025-050", title="Nothing recorded", status=None)
    # A target moved later while published: a slip.
    slipping = make_recommendation(
        code="AJ-2025-060",
        title="Slipping",
        target_date=datetime.date(2025, 1, 1),
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2025, 7, 5),
        areas=[formula],
    )
    slipping.target_date = datetime.date(2026, 1, 1)
    slipping.save()
    # Never in a public file.
    make_recommendation(code="AJ-2099-999", title="Draft", is_published=False, areas=[zeta])
    return recs


FILTER_QUERIES = [
    "",
    "sort=-code",
    "sort=target",
    "sort=-target",
    "sort=updated",
    "sort=priority",
    "area=formula",
    "area=energy&area=zeta&sort=-target",
    "status=in_progress",
    "status=implemented&status=not_accepted&sort=updated",
    "lead=jp",
    "priority=high&lead=au",
    "body=meti",
    "body=dti&body=plus&sort=priority",
    "workshop=same-1",
    "workshop=tokyo&area=energy",
    "overdue=1",
    "overdue=1&sort=priority",
    "slipped=1",
    "q=quoted",
    "q=%E6%97%A5%E6%9C%AC%E8%AA%9E",  # 日本語
    "q=Trade",
    "q=nothing-matches-this",
    "as_of=2025-07-05",
    "as_of=2025-09-01&sort=updated",
    "as_of=2025-07-03&status=in_progress",
    "as_of=2025-07-10&overdue=1&area=formula",
    "as_of=2026-03-01&sort=-target",
    "as_of=2025-01-01",
    "area=formula&body=meti&workshop=later&status=in_progress&lead=jp&priority=low",
    "page=2&sort=-code",
]


@postgresql_only
@pytest.mark.parametrize("prefix", ["", "/ja"])
@pytest.mark.parametrize("query", FILTER_QUERIES)
def test_copy_writes_the_generic_files_bytes(client, tricky, monkeypatch, prefix, query):
    path = f"{prefix}{URL}" + (f"?{query}" if query else "")
    assert_same_file(client, path, monkeypatch)


@postgresql_only
def test_the_files_hold_what_was_planted(client, tricky, monkeypatch):
    """Not only equal: the awkward cells are there, neutralised, quoted and in order."""
    body = assert_same_file(client, URL, monkeypatch).decode("utf-8-sig")
    assert "'=1+1" in body and "'+SUM(A1)" in body and "'=Second of the day" in body
    assert "'@cmd" in body and "'\tleading tab" in body and '"\'\r=HYPERLINK()"' in body
    assert "''=already quoted" in body and "'''double" in body
    assert '"He said ""hi"", then left"' in body and '"One\nTwo\r\nThree"' in body
    # Areas in display order, then name; a formula sign at the front neutralised.
    assert '"\'=Formula area; Energy, ""security""; Zeta"' in body
    # Two meetings on one day under one title, then by key; bodies by name.
    assert "-Tokyo round; Same title; Same title" in body
    assert "+Plus Agency; 経済産業省" in body
    assert "件名のみ" in body  # the Japanese title where there is no English one
    assert "AJ-2099-999" not in body


@postgresql_only
def test_many_rows_across_chunks(client, tricky, monkeypatch):
    area, body, meeting = make_area(slug="bulk"), make_organisation(), make_workshop()
    recs = Recommendation.objects.bulk_create(
        Recommendation(
            code=f"BK-{i:05d}",
            title=f"Bulk {i}" if i % 7 else f"=Bulk, {i}",
            text="Text\nwith a break" if i % 5 == 0 else "Text",
            lead=Lead.JOINT,
            is_published=True,
            status=Status.IN_PROGRESS,
            status_as_of=datetime.date(2025, 6, 1),
        )
        for i in range(300)
    )
    RecommendationArea.objects.bulk_create(
        RecommendationArea(recommendation=r, area=area) for r in recs[::2]
    )
    ResponsibleBody.objects.bulk_create(
        ResponsibleBody(recommendation=r, organisation=body) for r in recs[::3]
    )
    RaisedAt.objects.bulk_create(RaisedAt(recommendation=r, workshop=meeting) for r in recs[::5])
    StatusUpdate.objects.bulk_create(
        StatusUpdate(
            recommendation=r,
            status=Status.IN_PROGRESS,
            as_of=datetime.date(2025, 6, 1),
            summary=f"Update {r.code}",
        )
        for r in recs
    )
    monkeypatch.setattr(postgres_copy, "CHUNK_BYTES", 500)
    chunks = list(client.get(URL).streaming_content)
    assert len(chunks) > 20
    assert chunks[0].endswith(b"\r\n") and chunks[-1].endswith(b"\r\n")
    assert_same_file(client, URL + "?sort=updated", monkeypatch)
    assert_same_file(client, "/ja" + URL + "?area=bulk", monkeypatch)


@postgresql_only
def test_the_slow_splice_writes_the_same(client, tricky, monkeypatch):
    """With a label the fast splice cannot count commas over, every row is rewritten by the
    csv module: still the same file."""
    monkeypatch.setattr(postgres_copy, "_labels_are_plain", lambda: False)
    assert_same_file(client, URL, monkeypatch)
    assert_same_file(client, "/ja" + URL + "?as_of=2025-09-01", monkeypatch)


@postgresql_only
def test_a_label_with_a_comma_is_quoted_as_the_generic_writer_does(client, tricky, monkeypatch):
    """A translation may put a comma or a quote in a label: the fast splice steps aside."""

    class Relabelled:
        choices = [
            (value, 'In progress, "so far"' if value == Status.IN_PROGRESS else label)
            for value, label in Status.choices
        ]

    monkeypatch.setattr(csv_rows, "Status", Relabelled)
    monkeypatch.setattr(postgres_copy, "Status", Relabelled)
    assert not postgres_copy._labels_are_plain()
    body = assert_same_file(client, URL, monkeypatch)
    assert b'"In progress, ""so far"""' in body


@postgresql_only
def test_an_ordering_it_cannot_carry_over_falls_back_to_the_generic_writer(tricky):
    filterset = RecommendationFilter(QueryDict(""), queryset=Recommendation.objects.published())
    filterset.errors  # noqa: B018
    assert postgres_copy._order_terms(filterset.qs) is not None
    assert postgres_copy._order_terms(filterset.qs.order_by(Lower("code"))) is None


@postgresql_only
def test_query_count_is_constant_and_the_generic_ones(client, django_assert_num_queries):
    area, body, meeting = make_area(), make_organisation(), make_workshop()
    for count in (3, 40):
        for i in range(count):
            make_recommendation(
                code=f"QC-{count}-{i:03d}",
                areas=[area],
                bodies=[body],
                workshops=[meeting],
                status=Status.IN_PROGRESS,
                summary="s",
            )
        # The FilterSet's three vocabularies, then the COPY: the rows, their lists, their
        # latest updates and the vocabularies of the list cells in one statement.
        with django_assert_num_queries(4):
            _response, body_bytes = download(client, URL + "?sort=priority")
        assert body_bytes.count(b"\r\n") - 1 == Recommendation.objects.published().count()
        # A search finds its matches first (three queries), as the generic export does.
        with django_assert_num_queries(7):
            download(client, URL + "?q=QC&as_of=2025-08-01")


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_download_abandoned_half_way_leaves_the_connection_usable(client):
    area = make_area()
    for i in range(50):
        make_recommendation(code=f"AB-{i:03d}", areas=[area], status=Status.IN_PROGRESS)
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        before = cursor.fetchone()[0]
    export_copy_chunk_bytes = postgres_copy.CHUNK_BYTES
    postgres_copy.CHUNK_BYTES = 100
    try:
        response = client.get(URL)
        stream = iter(response.streaming_content)
        assert next(stream).startswith(codecs.BOM_UTF8)
        next(stream)  # a first block of rows: the COPY is under way
        response.close()  # the visitor went away
    finally:
        postgres_copy.CHUNK_BYTES = export_copy_chunk_bytes
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM recommendations_recommendation")
        assert cursor.fetchone()[0] == 50
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == before


def test_sqlite_writes_the_file_in_python(client, tricky):
    if POSTGRESQL:
        assert postgres_copy.is_available()
        return
    assert not postgres_copy.is_available()
    filterset = RecommendationFilter(QueryDict(""), queryset=Recommendation.objects.published())
    assert postgres_copy.copy_csv_chunks(None, filterset, []) is None
    with CaptureQueriesContext(connection) as queries:
        _response, body = download(client, URL)
    assert not any("COPY" in query["sql"] for query in queries.captured_queries)
    assert body.startswith(codecs.BOM_UTF8 + b"code,title,")
    assert b"'=1+1" in body and b"AJ-2099-999" not in body
