"""Fill a database with a large, realistic-looking tracker for the benchmark.

Usage (from the repository root):  python -m bench.populate --count 100000
Adds recommendations until there are --count of them; safe to re-run.
"""

import argparse
import copy
import datetime
import os
import random
import sys
import time

import django

BATCH = 5000
AREAS = [
    ("energy-security", "Energy security"),
    ("clean-energy-technology", "Clean energy technology"),
    ("ai-governance", "AI governance"),
    ("critical-minerals", "Critical minerals"),
    ("critical-infrastructure", "Critical-infrastructure protection"),
    ("supply-chains", "Supply chains"),
    ("economic-coercion", "Economic coercion"),
]
# Policy vocabulary, each term rare as in real texts, amid a large filler vocabulary so
# that a search matches a realistic few per cent of recommendations, not all of them.
POLICY_TERMS = (
    "joint framework for critical minerals processing offtake agreements battery supply "
    "chain resilience grid security hydrogen ammonia trade corridor AI model evaluation "
    "standards cyber incident reporting port infrastructure investment screening coercion "
    "response stockpile coordination semiconductor export controls 経済安全保障 重要鉱物 "
    "サプライチェーン 強靭化"
).split()
SYLLABLES = "ka ri to mel dun sa vo ren pli gar tho ne mi lu bes cor an ve ti os".split()
# Japanese text is written without spaces: words of two or three characters from a pool
# of kanji and kana, with the same rare policy terms, so a Japanese search matches a few
# per cent of recommendations as an English one does.
JAPANESE_CHARACTERS = (
    "経済安全保障技術供給網強化協力会議政策分野資源投資規格審査港湾電力通信備蓄輸出管理"
    "かきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもらりるれろ"
)
# As many policy terms as the English vocabulary has, so one term is as rare.
JAPANESE_TERMS = (
    "重要鉱物 経済安全保障 サプライチェーン 強靱化 蓄電池 水素 アンモニア 半導体 備蓄 "
    "輸出管理 投資審査 港湾インフラ 海底ケーブル 電力網 サイバー攻撃 情報共有 人工知能 "
    "安全性評価 国際標準 共同研究 液化天然ガス 緊急融通 炭素回収 レアアース リチウム "
    "ニッケル 加工能力 引取契約 協調融資 認証制度 相互承認 早期警戒 経済的威圧 貿易制限 "
    "外交協調 輸出企業支援 脆弱性評価 重要インフラ 事業者 制御システム"
).split()
# Share of recommendations (and their updates) that also have Japanese text.
JAPANESE_SHARE = 0.6


def filler_words(rng, count=4000):
    return ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(count)]


def sentence(rng, filler, length):
    """`length` words, about one in fifty a policy term."""
    return " ".join(
        rng.choice(POLICY_TERMS) if rng.random() < 0.02 else rng.choice(filler)
        for _ in range(length)
    )


def japanese_words(rng, count=3000):
    return ["".join(rng.choices(JAPANESE_CHARACTERS, k=rng.randint(2, 3))) for _ in range(count)]


def japanese_sentence(rng, words, length):
    """`length` words run together, about one in fifty a policy term, ending with 。"""
    return (
        "".join(
            rng.choice(JAPANESE_TERMS) if rng.random() < 0.02 else rng.choice(words)
            for _ in range(length)
        )
        + "。"
    )


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    django.setup()


def reference_data():
    from recommendations.models import Organisation, PolicyArea, Workshop

    areas = [
        PolicyArea.objects.get_or_create(slug=slug, defaults={"name": name, "order": i})[0]
        for i, (slug, name) in enumerate(AREAS)
    ]
    orgs = [
        Organisation.objects.get_or_create(
            slug=f"bench-org-{i}",
            defaults={
                "name": f"Benchmark organisation {i}",
                "name_ja": f"ベンチマーク機関{i}号",
                "country": "au" if i % 2 else "jp",
                "sector": "government",
            },
        )[0]
        for i in range(40)
    ]
    workshops = [
        Workshop.objects.get_or_create(
            slug=f"bench-meeting-{i}",
            defaults={
                "title": f"Benchmark meeting {i}",
                "title_ja": f"ベンチマーク会合{i}",
                "kind": "workshop",
                "city": "Canberra" if i % 2 else "Tokyo",
                "country": "au" if i % 2 else "jp",
                "start_date": datetime.date(2025, 1, 1) + datetime.timedelta(days=7 * i),
                "end_date": datetime.date(2025, 1, 2) + datetime.timedelta(days=7 * i),
            },
        )[0]
        for i in range(20)
    ]
    return areas, orgs, workshops


def populate(count):
    from django.db import transaction

    from recommendations.choices import Lead, Priority, Status
    from recommendations.models import (
        RaisedAt,
        Recommendation,
        RecommendationArea,
        ResponsibleBody,
        StatusUpdate,
    )

    areas, orgs, workshops = reference_data()
    existing = Recommendation.objects.count()
    rng = random.Random(existing)
    filler = filler_words(random.Random(0))
    words_ja = japanese_words(random.Random(1))
    ladder = list(Status.values)
    start = datetime.date(2025, 7, 1)
    made = 0
    while existing + made < count:
        size = min(BATCH, count - existing - made)
        with transaction.atomic():
            recs = []
            histories = []
            for i in range(existing + made, existing + made + size):
                # About ten updates each: 1,000,000 in the log at 100,000 recommendations.
                steps = rng.randint(5, 15)
                history = []
                day = start
                for _ in range(steps):
                    day += datetime.timedelta(days=rng.randint(5, 50))
                    history.append((rng.choice(ladder), min(day, datetime.date(2026, 11, 1))))
                status, as_of = history[-1]
                in_japanese = rng.random() < JAPANESE_SHARE
                recs.append(
                    Recommendation(
                        code=f"BN-{i // 1000:04d}-{i % 1000:03d}",
                        title=sentence(rng, filler, 8).capitalize(),
                        text=sentence(rng, filler, 60),
                        rationale=sentence(rng, filler, 30),
                        title_ja=japanese_sentence(rng, words_ja, 8) if in_japanese else "",
                        text_ja=japanese_sentence(rng, words_ja, 60) if in_japanese else "",
                        lead=rng.choice(Lead.values),
                        priority=rng.choice(Priority.values),
                        target_date=datetime.date(2025, 6, 1)
                        + datetime.timedelta(days=rng.randint(0, 900)),
                        is_published=rng.random() > 0.05,
                        status=status,
                        status_as_of=as_of,
                    )
                )
                histories.append((history, in_japanese))
            Recommendation.objects.bulk_create(recs, batch_size=1000)
            # bulk_create returns primary keys on both SQLite and PostgreSQL.
            RecommendationArea.objects.bulk_create(
                [
                    RecommendationArea(recommendation=r, area=a)
                    for r in recs
                    for a in rng.sample(areas, rng.randint(1, 3))
                ],
                batch_size=2000,
            )
            ResponsibleBody.objects.bulk_create(
                [
                    ResponsibleBody(recommendation=r, organisation=o)
                    for r in recs
                    for o in rng.sample(orgs, rng.randint(1, 2))
                ],
                batch_size=2000,
            )
            RaisedAt.objects.bulk_create(
                [RaisedAt(recommendation=r, workshop=rng.choice(workshops)) for r in recs],
                batch_size=2000,
            )
            StatusUpdate.objects.bulk_create(
                [
                    StatusUpdate(
                        recommendation=r,
                        status=status,
                        as_of=as_of,
                        summary=sentence(rng, filler, 20),
                        summary_ja=japanese_sentence(rng, words_ja, 20) if in_japanese else "",
                        private_note="bench private note",
                    )
                    for r, (history, in_japanese) in zip(recs, histories, strict=True)
                    for status, as_of in history
                ],
                batch_size=2000,
            )
            record_slips(rng, recs)
        made += size
        print(f"  {existing + made:>7} recommendations", flush=True)
    rebuild_trends(made)
    return made


def rebuild_trends(made):
    """The kept monthly trend figures (recommendations/reporting/trend_steps.py) from the status log.

    The bulk inserts above go around the audit trail, which is how the figures otherwise
    learn of writes: after them the figures are rebuilt (`manage.py sync_trends --rebuild`),
    as they are when nothing was added but they were never built, so that no page of the
    benchmark pays for building them on its first request.
    """
    try:
        from recommendations.models import TrendSync
        from recommendations.reporting import trend_steps
    except ImportError:  # a tracker from before the kept figures
        return
    state = TrendSync.objects.first()
    if made or state is None or not state.seen:
        started = time.perf_counter()
        trend_steps.rebuild()
        print(f"  trend figures rebuilt in {time.perf_counter() - started:.1f} s", flush=True)


def record_slips(rng, recs):
    """Audit rows for one published recommendation in twenty: first entered with an earlier
    target, later moved to its current one (the public slip log and the `slipped` filter)."""
    from django.utils import timezone

    from recommendations.audit import record_history
    from recommendations.models import Recommendation

    slipping = [r for r in recs if r.is_published and r.target_date and rng.random() < 0.05]
    first = []
    for recommendation in slipping:
        earlier = copy.copy(recommendation)
        earlier.target_date -= datetime.timedelta(days=rng.randint(30, 180))
        first.append(earlier)
    entered, moved = (
        timezone.make_aware(datetime.datetime(2025, 8, 1, 9)),
        timezone.make_aware(datetime.datetime(2026, 3, 2, 9)),
    )
    record_history(Recommendation, first, "+", date=entered)
    record_history(Recommendation, slipping, "~", date=moved)


def ensure_database():
    """Create the PostgreSQL benchmark database when it does not exist yet."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    import psycopg

    params = connection.get_connection_params()
    name = params.pop("dbname")
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def prepare_database():
    """Django set up, the benchmark database created if missing, and migrated."""
    setup()
    ensure_database()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    prepare_database()
    started = time.perf_counter()
    made = populate(args.count)
    from django.db import connection

    if connection.vendor == "postgresql":
        # Fresh bulk loads have no planner statistics or visibility map yet; without
        # them PostgreSQL picks poor plans and cannot use index-only scans.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"added {made} recommendations in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
