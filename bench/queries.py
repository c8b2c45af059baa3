"""Is there a page that asks the database once per row? SQL queries per address, compared
between two sizes of the same tracker.

A page that issues a query per row shown (an N+1) asks more queries when it shows more
rows. So every address of bench/pages.py is asked for once on a small tracker (SMALL
recommendations: lists shorter than a page) and once on the full one, and the counts
compared: a page whose count grows by GROWTH_LIMIT or more fails. (A count may move by a
few queries for honest reasons, e.g. the prefetches Django skips when a list is empty; a
query per row moves it by at least the rows added, thirteen or more.)

Pages whose rows do not grow with the tracker (a recommendation's timeline, a full API
page) are covered by pairs on the full tracker, which must cost the same: the
recommendation with the fewest status updates and the one with the most; an API list at
page_size=1 and at page_size=100.

Used by bench/quick.py (`make bench-quick`), which builds both sizes.
"""

from bench.pages import EXPORTS, PAGES, resolve, subjects

# About half of what a list page (25 rows) or one area's feed (50 entries) holds, so a
# per-row query shows as growth; the meeting and body pages are the busiest ones
# (bench.pages.subjects), so not empty. populate.py is deterministic on an empty database:
# the small tracker is the same on every run.
SMALL = 12
# Honest differences stay below this: a list that is empty on the small tracker skips its
# prefetches (up to 4 queries today). A query per row adds 13 or more (a list page of 25
# against 12 rows; a pair: 10 status updates, 99 API rows).
GROWTH_LIMIT = 6
DETAIL_PAIRS = [
    ("recommendation", "/recommendations/{code}/"),
    ("API: recommendation", "/api/v1/recommendations/{code}/"),
]
PAGE_SIZE_PAIRS = [
    ("API: recommendations", "/api/v1/recommendations/?page_size={rows}"),
    ("API: status updates", "/api/v1/status-updates/?sort=recorded&page_size={rows}"),
]


def count_one(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            for _ in response.streaming_content:
                pass
            response.close()
    return len(captured), response.status_code


def extremes():
    """Codes of the published recommendations with the fewest and the most status updates
    (ties broken by code, so the choice is stable)."""
    from django.db.models import Count

    from recommendations.models import Recommendation

    counted = (
        Recommendation.objects.published()
        .annotate(updates=Count("status_updates"))
        .values_list("code", "updates")
    )
    fewest = counted.order_by("updates", "code").first()
    most = counted.order_by("-updates", "code").first()
    return fewest, most


def pairs():
    """(pair, "few" or "many", label, address): the same view showing few rows and many."""
    (few_code, few), (most_code, most) = extremes()
    found = []
    for pair, url in DETAIL_PAIRS:
        found.append((pair, "few", f"{few} status updates", url.replace("{code}", few_code)))
        found.append((pair, "many", f"{most} status updates", url.replace("{code}", most_code)))
    for pair, url in PAGE_SIZE_PAIRS:
        found.append((pair, "few", "page_size=1", url.replace("{rows}", "1")))
        found.append((pair, "many", "page_size=100", url.replace("{rows}", "100")))
    return found


def count_all():
    """{name: {"url", "queries", "status"}} for every page and export, and the pairs."""
    from django.test import Client

    client = Client()
    counted = {}
    for name, url in resolve(PAGES, subjects()) + [(n, u) for n, u, _ in EXPORTS]:
        queries, status = count_one(client, url)
        counted[name] = {"url": url, "queries": queries, "status": status}
    for pair, side, label, address in pairs():
        queries, status = count_one(client, address)
        counted[f"{pair}: {label}"] = {
            "url": address,
            "queries": queries,
            "status": status,
            "pair": pair,
            "side": side,
        }
    return counted


def compare(small, large):
    """Problems: pages whose count grows with the rows they show, or that fail."""
    problems = []
    for name, row in large.items():
        if row["status"] != 200:
            problems.append(f"{name} ({row['url']}): HTTP {row['status']}")
        if "pair" in row:
            continue
        before = small.get(name)
        if before is None:
            continue
        if before["status"] != 200:
            problems.append(
                f"{name} ({before['url']}) on the small tracker: HTTP {before['status']}"
            )
        elif row["queries"] - before["queries"] >= GROWTH_LIMIT:
            problems.append(
                f"{name} ({row['url']}): {before['queries']} queries with {SMALL} "
                f"recommendations, {row['queries']} with more: a query per row?"
            )
    sides = {}
    for name, row in large.items():
        if "pair" in row:
            sides.setdefault(row["pair"], {})[row["side"]] = (name, row)
    for pair, side in sides.items():
        (few_name, few), (many_name, many) = side["few"], side["many"]
        if many["queries"] - few["queries"] >= GROWTH_LIMIT:
            problems.append(
                f"{pair}: {few['queries']} queries for {few_name} ({few['url']}), "
                f"{many['queries']} for {many_name} ({many['url']}): a query per row?"
            )
    return problems


def report(small, large, say=print):
    say(f"{'SQL queries per address':52} {f'at {SMALL}':>7} {'at full':>8}")
    for name, row in large.items():
        if "pair" in row:
            continue
        before = small.get(name, {}).get("queries", "")
        mark = ""
        if before != "" and row["queries"] != before:
            mark = f"  ({row['queries'] - before:+d})"
        say(f"{name:52} {before!s:>7} {row['queries']:8d}{mark}")
    say("the same view with few rows and with many (at full):")
    for name, row in large.items():
        if "pair" in row:
            say(f"{name:52} {'':>7} {row['queries']:8d}")
