"""The chainable reads every page builds on."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations import querysets
from recommendations.choices import Priority, Status
from recommendations.models import Recommendation, StatusUpdate
from tests.factories import make_area, make_organisation, make_recommendation, make_workshop

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 9, 1)
PAST, FUTURE = datetime.date(2025, 8, 31), datetime.date(2025, 9, 2)


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


def test_published_and_drafts_split_the_set():
    make_recommendation(code="AJ-2025-001", is_published=True)
    make_recommendation(code="AJ-2025-002", is_published=False)
    assert codes(Recommendation.objects.published()) == ["AJ-2025-001"]
    assert codes(Recommendation.objects.drafts()) == ["AJ-2025-002"]


@pytest.mark.parametrize(
    ("target", "status", "overdue"),
    [
        (PAST, None, True),  # proposed, never updated
        (PAST, Status.NOT_STARTED, True),
        (PAST, Status.IN_PROGRESS, True),
        (PAST, Status.PARTIALLY_IMPLEMENTED, True),
        (PAST, Status.IMPLEMENTED, False),
        (PAST, Status.NOT_ACCEPTED, False),
        (None, Status.IN_PROGRESS, False),
        (TODAY, Status.IN_PROGRESS, False),
        (FUTURE, Status.IN_PROGRESS, False),
    ],
)
def test_overdue_means_target_passed_and_still_open(target, status, overdue):
    rec = make_recommendation(target_date=target, status=status)
    assert Recommendation.objects.overdue(TODAY).filter(pk=rec.pk).exists() is overdue
    assert rec.is_overdue(TODAY) is overdue  # the model and the queryset agree


def test_overdue_defaults_to_today():
    make_recommendation(code="AJ-2020-001", target_date=datetime.date(2020, 1, 1))
    make_recommendation(code="AJ-2099-001", target_date=datetime.date(2099, 1, 1))
    assert codes(Recommendation.objects.overdue()) == ["AJ-2020-001"]


def test_in_area():
    minerals, energy = make_area(slug="critical-minerals"), make_area(slug="energy-security")
    make_recommendation(code="AJ-2025-001", areas=[minerals])
    make_recommendation(code="AJ-2025-002", areas=[minerals, energy])
    make_recommendation(code="AJ-2025-003", areas=[energy])
    assert codes(Recommendation.objects.in_area("critical-minerals")) == [
        "AJ-2025-001",
        "AJ-2025-002",
    ]
    assert codes(Recommendation.objects.in_area("no-such-area")) == []


def test_methods_chain():
    minerals = make_area(slug="critical-minerals")
    make_recommendation(code="AJ-2025-001", areas=[minerals], target_date=PAST)
    make_recommendation(code="AJ-2025-002", areas=[minerals], target_date=PAST, is_published=False)
    make_recommendation(code="AJ-2025-003", target_date=PAST)
    chained = Recommendation.objects.published().in_area("critical-minerals").overdue(TODAY)
    assert codes(chained) == ["AJ-2025-001"]


@pytest.fixture
def searchable():
    make_recommendation(code="AJ-2025-101", title="Joint critical minerals reserve")
    make_recommendation(code="AJ-2025-102", text="Share grid outage data within 24 hours.")
    make_recommendation(
        code="AJ-2025-103",
        title="重要鉱物の共同備蓄",
        text="日豪両政府は重要鉱物の備蓄について協議する。",
    )
    make_recommendation(
        code="AJ-2025-104",
        status=Status.IN_PROGRESS,
        summary="The ministers announced a hydrogen shipping trial.",
    )
    make_recommendation(
        code="JP-2025-105", status=Status.IN_PROGRESS, summary="水素の輸送試験を開始"
    )
    meti = make_organisation(
        name="Ministry of Economy, Trade and Industry", short_name="METI", name_ja="経済産業省"
    )
    make_recommendation(
        code="AJ-2025-106",
        title="Battery standards",
        title_ja="蓄電池の規格相互承認",
        text_ja="両国の認証機関は試験結果を相互に受け入れる。",
        bodies=[meti],
    )
    make_recommendation(
        code="AJ-2025-107",
        status=Status.IN_PROGRESS,
        summary="Work began.",
        summary_ja="サイバー演習を実施した。",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AJ-2025-101", ["AJ-2025-101"]),  # code
        ("jp-2025", ["JP-2025-105"]),  # code, any case
        ("MINERALS", ["AJ-2025-101"]),  # title, any case
        ("grid outage", ["AJ-2025-102"]),  # full text
        ("hydrogen", ["AJ-2025-104"]),  # a status update's public summary
        ("重要鉱物", ["AJ-2025-103"]),  # Japanese title and text
        ("備蓄について", ["AJ-2025-103"]),  # Japanese text only
        ("水素", ["JP-2025-105"]),  # Japanese update summary
        ("規格相互承認", ["AJ-2025-106"]),  # the Japanese title field
        ("認証機関", ["AJ-2025-106"]),  # the Japanese text field
        ("サイバー演習", ["AJ-2025-107"]),  # an update's Japanese summary field
        ("経済産業省", ["AJ-2025-106"]),  # a responsible body's Japanese name
        ("METI", ["AJ-2025-106"]),  # its short name
        ("trade and industry", ["AJ-2025-106"]),  # its English name, any case
        ("nothing like this", []),
    ],
)
def test_search(searchable, text, expected):
    assert codes(Recommendation.objects.search(text)) == expected


@pytest.mark.parametrize("probe_limit", [0, 1, 2, 5000])
@pytest.mark.parametrize(
    "text", ["a", "2025", "minerals", "hydrogen", "水素", "サイバー演習", "METI", "e", "nothing"]
)
def test_search_condition_keeps_what_search_keeps_whichever_way_the_summaries_are_read(
    searchable, monkeypatch, django_assert_num_queries, text, probe_limit
):
    # Under the limit, only the unmatched recommendations' logs are read and the condition
    # names those that stay unmatched; past it, every summary is searched and it names the
    # matches: the same rows either way, found in three queries.
    monkeypatch.setattr(querysets, "SUMMARY_PROBE_LIMIT", probe_limit)
    make_recommendation(code="AJ-2025-199", title="A draft about minerals", is_published=False)
    published = Recommendation.objects.published()
    with django_assert_num_queries(3):
        condition = published.search_condition(text)
    expected = codes(published.search(text))
    assert codes(published.filter(condition)) == expected
    # Applied to a narrower queryset too, as the list's other filters do.
    narrower = published.filter(code__startswith="AJ")
    assert codes(narrower.filter(condition)) == [c for c in expected if c.startswith("AJ")]


def test_search_ignores_private_notes_and_returns_each_match_once():
    rec = make_recommendation(code="AJ-2025-201", title="Port security")
    for day in (1, 2):
        StatusUpdate.objects.create(
            recommendation=rec,
            status=Status.IN_PROGRESS,
            as_of=datetime.date(2025, 6, day),
            summary="Port security review under way",
            private_note="confidential-word",
        )
    assert codes(Recommendation.objects.search("port security")) == ["AJ-2025-201"]
    assert codes(Recommendation.objects.search("confidential-word")) == []


def test_with_priority_rank_orders_most_urgent_first():
    for code, priority in [
        ("AJ-2025-001", "low"),
        ("AJ-2025-002", "high"),
        ("AJ-2025-003", "medium"),
    ]:
        make_recommendation(code=code, priority=priority)
    ranked = Recommendation.objects.with_priority_rank().order_by("priority_rank")
    assert [(r.code, r.priority_rank) for r in ranked] == [
        ("AJ-2025-002", 1),
        ("AJ-2025-003", 2),
        ("AJ-2025-001", 3),
    ]
    assert {r.priority for r in ranked} == set(Priority.values)


def test_status_counts_include_every_status_with_zeros():
    make_recommendation(status=Status.IN_PROGRESS)
    make_recommendation(status=Status.IN_PROGRESS)
    make_recommendation(status=Status.IMPLEMENTED)
    make_recommendation()  # proposed
    counts = Recommendation.objects.status_counts()
    assert list(counts) == Status.values  # the ladder's order
    assert counts == {
        Status.PROPOSED: 1,
        Status.NOT_STARTED: 0,
        Status.IN_PROGRESS: 2,
        Status.PARTIALLY_IMPLEMENTED: 0,
        Status.IMPLEMENTED: 1,
        Status.NOT_ACCEPTED: 0,
    }


def test_status_counts_of_an_empty_set_and_of_a_filtered_set_take_one_query(
    django_assert_num_queries,
):
    make_recommendation(status=Status.IMPLEMENTED, is_published=False)
    with django_assert_num_queries(1):
        assert set(Recommendation.objects.published().status_counts().values()) == {0}


def read_every_relation(queryset):
    with CaptureQueriesContext(connection) as queries:
        for rec in queryset:
            list(rec.policy_areas.all())
            list(rec.responsible_bodies.all())
            list(rec.workshops.all())
    return len(queries)


def make_many(count):
    areas = [make_area(), make_area()]
    bodies = [make_organisation(), make_organisation()]
    workshops = [make_workshop(), make_workshop()]
    for _ in range(count):
        make_recommendation(areas=areas, bodies=bodies, workshops=workshops)


def test_with_public_relations_takes_the_same_queries_for_3_or_30_rows():
    make_many(3)
    # 1 recommendations, 2 their policy areas, 3 responsible bodies, 4 workshops.
    assert read_every_relation(Recommendation.objects.with_public_relations()) == 4
    make_many(27)
    assert Recommendation.objects.count() == 30
    assert read_every_relation(Recommendation.objects.with_public_relations()) == 4


def test_with_public_relations_orders_each_relation():
    late, early = make_area(name="Zinc", order=1), make_area(name="Alpha", order=0)
    rec = make_recommendation(areas=[late, early])
    loaded = Recommendation.objects.with_public_relations().get(pk=rec.pk)
    assert list(loaded.policy_areas.all()) == [early, late]


def test_status_update_public_and_newest_first():
    shown = make_recommendation(status=Status.IN_PROGRESS, as_of=datetime.date(2025, 5, 1))
    make_recommendation(status=Status.IN_PROGRESS, is_published=False)
    newer = StatusUpdate.objects.create(
        recommendation=shown, status=Status.IMPLEMENTED, as_of=datetime.date(2025, 8, 1)
    )
    public = StatusUpdate.objects.public()
    assert {update.recommendation_id for update in public} == {shown.pk}
    assert public.order_by("as_of").newest_first().first() == newer
