"""The spreadsheet import service: validate and preview, then commit all or nothing."""

import codecs
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.choices import Lead, Priority, Status
from recommendations.exports.columns import JAPANESE_IMPORT_HEADERS
from recommendations.importer import ImportRefused, commit_import, plan_import
from recommendations.models import Recommendation, StatusUpdate
from tests.factories import IMPORT_HEADER, make_organisation, make_recommendation
from tests.factories import import_csv as csv_bytes
from tests.factories import import_row as row

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything an import could write, to prove nothing was."""
    return (
        list(Recommendation.objects.order_by("pk").values()),
        list(StatusUpdate.objects.order_by("pk").values()),
        sorted(Recommendation.policy_areas.through.objects.values_list("recommendation", "area")),
        sorted(Recommendation.workshops.through.objects.values_list("recommendation", "workshop")),
        sorted(
            Recommendation.responsible_bodies.through.objects.values_list(
                "recommendation", "organisation"
            )
        ),
    )


def problems_of(data):
    return [(p.row, p.column) for p in plan_import(data).problems]


def test_valid_file_is_previewed_then_committed(csv_vocabulary, officer):
    data = csv_bytes(
        [
            row(),
            row(
                code="AJ-2026-002",
                policy_areas="Energy security; critical-minerals",
                responsible_bodies="METI; Department of Foreign Affairs and Trade",
                raised_at="canberra-2025; tokyo-2025",
                lead="Japan",
                priority="",
                published="no",
                status="",
                status_as_of="",
                status_summary="",
                target_date="2027/03/31",
            ),
        ]
    )
    before = snapshot()
    plan = plan_import(data)
    assert plan.problems == [] and plan.can_commit
    assert [r.code for r in plan.creates] == ["AJ-2026-001", "AJ-2026-002"]
    assert [r.code for r in plan.status_updates] == ["AJ-2026-001"]
    assert snapshot() == before  # the preview writes nothing

    summary = commit_import(data, user=officer)
    assert len(summary.created) == 2 and summary.status_updates == 1

    first = Recommendation.objects.get(code="AJ-2026-001")
    assert (first.status, first.status_as_of) == (Status.IN_PROGRESS, datetime.date(2025, 8, 1))
    assert first.is_published and first.lead == Lead.JOINT and first.priority == Priority.HIGH
    update = first.status_updates.get()
    assert update.recorded_by == officer and update.summary == "Officials have met."

    second = Recommendation.objects.get(code="AJ-2026-002")
    assert set(second.policy_areas.values_list("slug", flat=True)) == {
        "critical-minerals",
        "energy-security",
    }
    assert set(second.responsible_bodies.values_list("slug", flat=True)) == {"dfat", "meti"}
    assert set(second.workshops.values_list("slug", flat=True)) == {"canberra-2025", "tokyo-2025"}
    assert (second.lead, second.priority, second.is_published) == (Lead.JAPAN, "medium", False)
    assert second.target_date == datetime.date(2027, 3, 31)
    assert (second.status, second.status_updates.count()) == (Status.PROPOSED, 0)


def test_same_file_twice_changes_nothing(csv_vocabulary, officer):
    data = csv_bytes([row(), row(code="AJ-2026-002", status="implemented")])
    commit_import(data, user=officer)
    before = snapshot()
    plan = plan_import(data)
    assert (plan.creates, plan.updates, plan.status_updates) == ([], [], [])
    assert len(plan.unchanged) == 2
    summary = commit_import(data, user=officer)
    assert (summary.created, summary.updated, summary.status_updates) == ([], [], 0)
    assert snapshot() == before


def test_status_change_appends_exactly_one_update(csv_vocabulary, officer):
    commit_import(csv_bytes([row()]), user=officer)
    changed = csv_bytes([row(status="Implemented", status_as_of="2025-10-01")])
    plan = plan_import(changed)
    assert plan.updates == [] and [r.code for r in plan.status_updates] == ["AJ-2026-001"]
    commit_import(changed, user=officer)
    commit_import(changed, user=officer)
    recommendation = Recommendation.objects.get(code="AJ-2026-001")
    assert list(recommendation.status_updates.values_list("status", flat=True)) == [
        Status.IMPLEMENTED,
        Status.IN_PROGRESS,
    ]
    assert recommendation.status == Status.IMPLEMENTED


def test_new_as_of_date_with_same_status_appends_an_update(csv_vocabulary, officer):
    commit_import(csv_bytes([row()]), user=officer)
    commit_import(csv_bytes([row(status_as_of="2025-09-01")]), user=officer)
    recommendation = Recommendation.objects.get(code="AJ-2026-001")
    assert recommendation.status_updates.count() == 2
    assert recommendation.status_as_of == datetime.date(2025, 9, 1)


def test_update_shows_each_field_old_and_new_and_replaces_lists(csv_vocabulary, officer):
    existing = make_recommendation(
        code="AJ-2026-001",
        title="Old title",
        text="Both governments should coordinate their reserves.",
        areas=[csv_vocabulary["minerals"]],
        workshops=[csv_vocabulary["canberra"]],
        bodies=[csv_vocabulary["dfat"]],
        lead=Lead.JOINT,
        priority=Priority.HIGH,
        target_date=datetime.date(2026, 12, 31),
        status=Status.IN_PROGRESS,
        as_of=datetime.date(2025, 8, 1),
        summary="Officials have met.",
    )
    data = csv_bytes([row(title="New title", responsible_bodies="dfat; meti")])
    plan = plan_import(data)
    (planned,) = plan.updates
    assert [(c.column, c.old, c.new) for c in planned.changes] == [
        ("title", "Old title", "New title"),
        # Bodies by the names officers know them by, not their slugs.
        ("responsible bodies", "DFAT", "DFAT; METI"),
    ]
    assert plan.status_updates == []
    commit_import(data, user=officer)
    existing.refresh_from_db()
    assert existing.title == "New title"
    assert set(existing.responsible_bodies.values_list("slug", flat=True)) == {"dfat", "meti"}
    assert existing.status_updates.count() == 1


def test_changed_text_of_a_recorded_update_is_a_note_not_an_edit(csv_vocabulary, officer):
    commit_import(csv_bytes([row()]), user=officer)
    plan = plan_import(csv_bytes([row(status_summary="Rewritten history")]))
    assert plan.can_commit and plan.status_updates == []
    assert [(n.row, n.column) for n in plan.notes] == [(2, "status summary")]


def test_back_dated_update_is_appended_once_and_leaves_current_status(csv_vocabulary, officer):
    commit_import(csv_bytes([row(status="implemented", status_as_of="2025-09-01")]), user=None)
    older = csv_bytes([row(status="not_started", status_as_of="2025-02-01")])
    plan = plan_import(older)
    assert plan.status_updates and not plan.status_updates[0].status_update.becomes_current
    commit_import(older, user=officer)
    commit_import(older, user=officer)
    recommendation = Recommendation.objects.get(code="AJ-2026-001")
    assert recommendation.status == Status.IMPLEMENTED
    assert recommendation.status_updates.count() == 2


# Each bad cell is reported at its spreadsheet row (header = row 1) and column; nothing is written.
ERROR_CASES = [
    ("unknown area", {"policy_areas": "critical-minerals; outer-space"}, "policy areas"),
    ("unknown workshop", {"raised_at": "atlantis-2025"}, "raised at"),
    ("unknown body", {"responsible_bodies": "Ministry of Magic"}, "responsible bodies"),
    ("bad target date", {"target_date": "31/12/2026"}, "target date"),
    ("impossible date", {"target_date": "2026-02-30"}, "target date"),
    ("bad as-of date", {"status_as_of": "soon"}, "status as of"),
    ("future as-of date", {"status_as_of": "2999-01-01"}, "status as of"),
    ("unknown status", {"status": "finished-ish"}, "status"),
    ("status change without as-of", {"status": "implemented", "status_as_of": ""}, "status as of"),
    ("as-of without status", {"status": ""}, "status"),
    ("unknown lead", {"lead": "france"}, "lead"),
    ("empty lead", {"lead": ""}, "lead"),
    ("unknown priority", {"priority": "urgent!"}, "priority"),
    ("bad published flag", {"published": "maybe"}, "published"),
    ("empty title", {"title": ""}, "title"),
    ("empty text", {"text": "  "}, "text"),
    ("empty code", {"code": ""}, "code"),
    ("invalid code", {"code": "aj 2026/1"}, "code"),
    ("over-long title", {"title": "x" * 301}, "title"),
    ("over-long code", {"code": "AJ-" + "1" * 40}, "code"),
]


@pytest.mark.parametrize(
    ("case", "cells", "column"), ERROR_CASES, ids=[case[0] for case in ERROR_CASES]
)
def test_each_error_is_reported_with_row_and_column_and_nothing_written(
    csv_vocabulary, officer, case, cells, column
):
    data = csv_bytes([row(code="AJ-2026-010"), row(code="AJ-2026-011"), row(**cells)])
    assert (4, column) in problems_of(data)
    before = snapshot()
    with pytest.raises(ImportRefused):
        commit_import(data, user=officer)
    assert snapshot() == before


def test_ambiguous_short_name_is_an_error(csv_vocabulary):
    make_organisation(name="Another body", short_name="DFAT", slug="another")
    assert problems_of(csv_bytes([row(responsible_bodies="DFAT")])) == [(2, "responsible bodies")]


def test_duplicate_code_within_the_file(csv_vocabulary):
    data = csv_bytes([row(), row(code="AJ-2026-002"), row()])
    problems = plan_import(data).problems
    assert [(p.row, p.column) for p in problems] == [(4, "code")]
    assert "row 2" in problems[0].message


def test_missing_required_and_unknown_extra_columns(csv_vocabulary):
    header = [c for c in IMPORT_HEADER if c not in ("title", "lead")] + ["colour", "Status As Of"]
    data = csv_bytes([["AJ-2026-001"] + [""] * (len(header) - 1)], header=header)
    problems = problems_of(data)
    assert (1, "colour") in problems
    assert (1, "status as of") in problems  # given twice
    assert (1, "title") in problems and (1, "lead") in problems


def test_header_names_are_forgiving_about_case_spaces_and_underscores(csv_vocabulary):
    header = [c.upper().replace(" ", "_") for c in IMPORT_HEADER]
    assert plan_import(csv_bytes([row()], header=header)).problems == []


def test_row_numbers_count_multiline_cells_as_one_row_and_skip_blank_rows(csv_vocabulary):
    data = csv_bytes(
        [row(text="line one\nline two"), [""] * len(IMPORT_HEADER), row(code="bad code")]
    )
    assert problems_of(data) == [(4, "code")]


def test_row_with_more_cells_than_header(csv_vocabulary):
    assert problems_of(csv_bytes([row() + ["surplus"]])) == [(2, "")]


def test_shift_jis_file(csv_vocabulary, officer):
    data = csv_bytes(
        [row(title="重要鉱物の備蓄に関する協力", lead="日本", status="実施済み")], encoding="cp932"
    )
    plan = plan_import(data)
    assert plan.encoding == "Shift_JIS"
    assert plan.problems == []
    commit_import(data, user=officer)
    recommendation = Recommendation.objects.get()
    assert recommendation.title == "重要鉱物の備蓄に関する協力"
    assert (recommendation.lead, recommendation.status) == (Lead.JAPAN, Status.IMPLEMENTED)


def test_utf8_with_and_without_bom(csv_vocabulary):
    for encoding in ("utf-8", "utf-8-sig"):
        plan = plan_import(csv_bytes([row(title="経済安全保障")], encoding=encoding))
        assert plan.problems == [] and plan.encoding == "UTF-8"
        assert plan.creates[0].fields["title"] == "経済安全保障"


def test_semicolon_separated_file(csv_vocabulary, officer):
    data = csv_bytes([row(policy_areas="critical-minerals; energy-security")], delimiter=";")
    plan = plan_import(data)
    assert plan.delimiter == ";" and plan.problems == []
    commit_import(data, user=officer)
    assert Recommendation.objects.get().policy_areas.count() == 2


@pytest.mark.parametrize(
    "data",
    [
        "code,title\n".encode("utf-16"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"code,title,text,lead\n\xff\xfe\xfa,x,y,z\n",
    ],
    ids=["utf-16", "binary", "neither-utf8-nor-sjis"],
)
def test_other_encodings_and_binary_are_refused(csv_vocabulary, data):
    problems = plan_import(data).problems
    assert len(problems) == 1 and problems[0].row is None
    assert "UTF-8" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Département Général",  # accents inside words: each would read as one kanji
        "Émile Zola; Ørsted",  # an accented capital reads as half-width katakana
        "Politique énergétique",
        "café crème",  # an accent before a space is not Shift_JIS at all
    ],
)
def test_a_western_european_file_is_refused_not_misread_as_shift_jis(csv_vocabulary, text):
    data = csv_bytes([row(title=text)], encoding="cp1252")
    plan = plan_import(data)
    assert not plan.encoding and plan.rows == []
    (problem,) = plan.problems
    assert "Windows-1252" in problem.message and "CSV UTF-8" in problem.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_named_and_refused(csv_vocabulary, encoding):
    plan = plan_import(csv_bytes([row(title="経済安全保障")], encoding=encoding))
    (problem,) = plan.problems
    assert "UTF-16" in problem.message and "CSV UTF-8" in problem.message


@pytest.mark.parametrize(
    "title",
    [
        "重要鉱物備蓄協力",  # kanji only
        "Excelで作成したCSVの取り込み",  # Latin, kana and kanji mixed
        "AIガバナンスとG7広島プロセス",
        "ｶﾀｶﾅ半角",  # half-width katakana, away from Latin letters
    ],
)
def test_real_shift_jis_text_is_read(csv_vocabulary, title):
    plan = plan_import(csv_bytes([row(title=title)], encoding="cp932"))
    assert plan.encoding == "Shift_JIS" and plan.problems == []
    assert plan.creates[0].fields["title"] == title


def test_the_preview_of_an_unreadable_file_names_no_empty_encoding(client, csv_vocabulary, officer):
    import io

    from django.urls import reverse

    client.force_login(officer)
    upload = io.BytesIO("code,title\n".encode("utf-16"))
    upload.name = "outcomes.csv"
    response = client.post(reverse("admin:recommendations_recommendation_import"), {"file": upload})
    page = response.content.decode()
    assert "UTF-16" in page
    assert "()" not in page


def test_empty_file_and_header_only(csv_vocabulary):
    assert problems_of(b"") == [(1, "")]
    assert problems_of(csv_bytes([])) == [(None, "")]


def test_size_and_row_limits_are_refused_up_front(csv_vocabulary, settings):
    settings.IMPORT_MAX_BYTES = 200
    problems = plan_import(csv_bytes([row(), row(code="AJ-2026-002")])).problems
    assert len(problems) == 1 and "bytes" in problems[0].message
    settings.IMPORT_MAX_BYTES = 5 * 1024 * 1024
    settings.IMPORT_MAX_ROWS = 1
    problems = plan_import(csv_bytes([row(), row(code="AJ-2026-002")])).problems
    assert len(problems) == 1 and "rows" in problems[0].message


def test_error_in_last_row_of_1000_leaves_database_untouched(csv_vocabulary, officer):
    make_recommendation(code="AJ-2026-0005", title="Existing", areas=[csv_vocabulary["energy"]])
    rows = [row(code=f"AJ-2026-{n:04d}", status_as_of="2025-07-01") for n in range(999)]
    rows.append(row(code="AJ-2026-9999", policy_areas="no-such-area"))
    data = csv_bytes(rows)
    before = snapshot()
    assert problems_of(data) == [(1001, "policy areas")]
    with pytest.raises(ImportRefused):
        commit_import(data, user=officer)
    assert snapshot() == before


def test_preview_query_count_does_not_grow_with_rows(csv_vocabulary):
    def queries(count):
        data = csv_bytes([row(code=f"AJ-2026-{n:04d}") for n in range(count)])
        with CaptureQueriesContext(connection) as captured:
            assert plan_import(data).can_commit
        return len(captured)

    # areas, workshops, organisations (twice: all, then those with a short name),
    # existing recommendations, their areas, meetings, bodies and status updates.
    assert queries(5) == queries(300)


def test_formula_quote_added_by_our_export_is_removed(csv_vocabulary, officer):
    commit_import(csv_bytes([row(title="'=SUM(A1)", rationale="''quoted")]), user=None)
    recommendation = Recommendation.objects.get()
    assert recommendation.title == "=SUM(A1)"
    assert recommendation.rationale == "'quoted"


def test_bom_is_not_part_of_the_first_column_name(csv_vocabulary):
    data = codecs.BOM_UTF8 + csv_bytes([row()], encoding="utf-8")
    assert plan_import(data).problems == []


def test_import_is_attributed_in_the_audit_history(csv_vocabulary, officer):
    commit_import(csv_bytes([row()]), user=officer)
    created = Recommendation.history.get(history_type="+")
    assert created.history_user == officer
    assert created.history_change_reason.startswith("CSV import [change set ")


JAPANESE_HEADER = [JAPANESE_IMPORT_HEADERS[column] for column in IMPORT_HEADER] + [
    "件名（日本語）",
    "本文（日本語）",
    "進捗報告（日本語）",
]


def japanese_row(**cells):
    return row(**cells) + [
        "重要鉱物備蓄の調整",
        "両政府は備蓄を調整すべきである。",
        "協議を開始した。",
    ]


def test_japanese_headers_words_and_names(csv_vocabulary, officer):
    csv_vocabulary["meti"].name_ja = "経済産業省"
    csv_vocabulary["meti"].save()
    csv_vocabulary["minerals"].name_ja = "重要鉱物"
    csv_vocabulary["minerals"].save()
    cells = japanese_row(
        policy_areas="重要鉱物；critical-minerals",  # full-width separator, both names
        responsible_bodies="経済産業省; ＤＦＡＴ",  # Japanese name; full-width short name
        lead="日豪共同",
        priority="高",
        published="公開",
        status="実施中",
    )
    plan = plan_import(csv_bytes([cells], header=JAPANESE_HEADER))
    assert plan.problems == []

    commit_import(csv_bytes([cells], header=JAPANESE_HEADER), user=officer)
    recommendation = Recommendation.objects.get()
    assert (recommendation.title_ja, recommendation.text_ja) == (
        "重要鉱物備蓄の調整",
        "両政府は備蓄を調整すべきである。",
    )
    assert (recommendation.lead, recommendation.priority, recommendation.is_published) == (
        Lead.JOINT,
        Priority.HIGH,
        True,
    )
    assert recommendation.status == Status.IN_PROGRESS
    assert recommendation.status_updates.get().summary_ja == "協議を開始した。"
    assert list(recommendation.policy_areas.all()) == [csv_vocabulary["minerals"]]
    assert set(recommendation.responsible_bodies.all()) == {
        csv_vocabulary["meti"],
        csv_vocabulary["dfat"],
    }


def test_japanese_problems_are_reported_in_japanese(csv_vocabulary):
    from django.utils import translation

    with translation.override("ja"):
        plan = plan_import(csv_bytes([row(lead="どこか")]))
        messages = [str(problem) for problem in plan.problems]
    assert messages == [
        "2行目、「主導」列：「どこか」は不明な値です。次のいずれかを使用してください："
        "au（オーストラリア）、joint（日豪共同）、jp（日本）。"
    ]


def test_commit_refuses_when_a_previewed_row_would_now_do_something_else(csv_vocabulary, officer):
    from recommendations.importer import PlanChanged

    existing = make_recommendation(code="AJ-2026-001", title="Old title", lead=Lead.JOINT)
    data = csv_bytes([row(title="New title"), row(code="AJ-2026-002")])
    previewed = plan_import(data).fingerprints()
    # Someone edits the same recommendation between preview and commit.
    existing.title = "Edited meanwhile"
    existing.save()

    with pytest.raises(PlanChanged) as refused:
        commit_import(data, user=officer, expected=previewed)

    assert [r.code for r in refused.value.rows] == ["AJ-2026-001"]
    assert Recommendation.objects.get(code="AJ-2026-001").title == "Edited meanwhile"
    assert not Recommendation.objects.filter(code="AJ-2026-002").exists()
    # Committing what the fresh plan shows goes through.
    commit_import(data, user=officer, expected=refused.value.plan.fingerprints())
    assert Recommendation.objects.get(code="AJ-2026-001").title == "New title"


def demo_shaped_rows(count):
    """Rows like a meeting's outcomes: two areas, one meeting, two bodies, a status each."""
    return [
        row(
            code=f"AJ-2026-{n:04d}",
            policy_areas="critical-minerals; energy-security",
            responsible_bodies="dfat; meti",
        )
        for n in range(count)
    ]


@pytest.mark.parametrize(
    ("rows", "queries"),
    [
        # Plan (4): areas, meetings, organisations, recommendations named (locked);
        # then, per table, one INSERT per batch and one for its audit rows; on PostgreSQL a
        # batch is 500 rows: recommendations 2+2, area links 4+4, meeting links 2+2, body
        # links 4+4, status updates 2+2; and the transaction's savepoint pair (2).
        # SQLite binds at most 999 values per statement, so its batches are smaller (about
        # 50 recommendations): more statements, still a fixed number per batch.
        (1000, {"postgresql": 4 + 4 + 8 + 4 + 8 + 4 + 2, "sqlite": 121}),
        # 10 rows: every table's rows fit one statement.
        (10, {"postgresql": 4 + 2 + 2 * 3 + 2 + 2, "sqlite": 16}),
    ],
)
def test_a_commit_runs_a_fixed_number_of_statements_per_batch_not_per_row(
    csv_vocabulary, officer, django_assert_num_queries, settings, rows, queries
):
    data = csv_bytes(demo_shaped_rows(rows))
    with django_assert_num_queries(queries[connection.vendor]):
        summary = commit_import(data, user=officer)
    assert len(summary.created) == rows
    assert StatusUpdate.objects.count() == rows
    assert Recommendation.history.filter(history_type="+").count() == rows
