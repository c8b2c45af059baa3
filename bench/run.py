"""Time every public page and the CSV export against a large database.

Usage (from the repository root):
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/tracker_bench python -m bench.run
Run `python -m bench.populate --count 100000` against the same database first
(`make bench` does both). Prints, per URL: median and worst time over a few
requests, SQL queries, response size; for the export also time to first byte,
rows streamed and peak Python memory while streaming.
"""

import argparse
import os
import statistics
import time
import tracemalloc

from bench.populate import setup

PAGES = [
    ("dashboard", "/"),
    ("list", "/recommendations/"),
    ("list, page 200", "/recommendations/?page=200"),
    ("list, area+status", "/recommendations/?area=critical-minerals&status=in_progress"),
    ("list, overdue, by priority", "/recommendations/?overdue=1&sort=priority"),
    ("list, text search", "/recommendations/?q=stockpile"),
    ("list, search matching most rows", "/recommendations/?q=ka"),
    ("list, Japanese search", "/recommendations/?q=%E9%87%8D%E8%A6%81%E9%89%B1%E7%89%A9"),
    ("list, body-name search", "/recommendations/?q=Benchmark+organisation+17"),
    ("list, Japanese body name", "/recommendations/?q=%E6%A9%9F%E9%96%A217%E5%8F%B7"),
    ("ja: dashboard", "/ja/"),
    ("ja: list", "/ja/recommendations/"),
    ("ja: list, Japanese search", "/ja/recommendations/?q=%E8%93%84%E9%9B%BB%E6%B1%A0"),
    ("list, latest update sort", "/recommendations/?sort=updated&lead=jp"),
    ("areas", "/areas/"),
    ("area", "/areas/critical-minerals/"),
    ("area, filtered", "/areas/supply-chains/?status=implemented&priority=high"),
    ("detail", None),
    ("workshops", "/workshops/"),
    ("workshop", "/workshops/bench-meeting-3/"),
    ("dashboard as of 30 Jun 2026", "/?as_of=2026-06-30"),
    ("list as of 30 Jun 2026", "/recommendations/?as_of=2026-06-30"),
    ("list, slipped", "/recommendations/?slipped=1"),
    ("area as of", "/areas/critical-minerals/?as_of=2026-06-30"),
    ("bodies", "/bodies/"),
    ("body", "/bodies/bench-org-1/"),
    ("progress report", "/report/?from=2026-04-01&to=2026-06-30"),
    ("feed", "/updates.atom"),
    ("feed, area", "/updates.atom?area=ai-governance"),
]
EXPORTS = [
    ("export, one area", "/recommendations/export.csv?area=critical-minerals"),
    ("export, everything", "/recommendations/export.csv"),
    ("export, everything, Japanese", "/ja/recommendations/export.csv"),
]


def measure_page(client, url, repeats):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return timings, len(queries), len(response.content)


def measure_export(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    tracemalloc.start()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        chunks = iter(response.streaming_content)
        first = next(chunks)
        first_byte = time.perf_counter() - started
        size, lines = len(first), first.count(b"\n")
        for chunk in chunks:
            size += len(chunk)
            lines += chunk.count(b"\n")
        total = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return first_byte, total, len(queries), size, lines, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
    # The work of building each page, every time: the page cache is measured through HTTP
    # (bench.http, warm and cold).
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    setup()
    from django.db import connection
    from django.test import Client

    from recommendations.models import Recommendation

    total = Recommendation.objects.count()
    published = Recommendation.objects.published().count()
    code = Recommendation.objects.published().order_by("code")[total // 3].code
    print(f"database: {connection.vendor}, {total} recommendations ({published} published)")
    print(f"{'page':32} {'median ms':>10} {'worst ms':>9} {'queries':>8} {'KiB':>7}")
    client = Client()
    worst_overall = 0.0
    for name, url in PAGES:
        url = url or f"/recommendations/{code}/"
        timings, queries, size = measure_page(client, url, args.repeats)
        worst_overall = max(worst_overall, max(timings))
        print(
            f"{name:32} {statistics.median(timings) * 1000:10.1f} {max(timings) * 1000:9.1f}"
            f" {queries:8d} {size / 1024:7.1f}"
        )
    print()
    print(
        f"{'export':32} {'first byte ms':>13} {'total s':>8} {'queries':>8} {'rows':>7}"
        f" {'MiB':>6} {'peak py MiB':>11}"
    )
    for name, url in EXPORTS:
        first_byte, total_s, queries, size, lines, peak = measure_export(client, url)
        print(
            f"{name:32} {first_byte * 1000:13.1f} {total_s:8.2f} {queries:8d} {lines - 1:7d}"
            f" {size / 2**20:6.1f} {peak / 2**20:11.2f}"
        )
    print()
    print(f"slowest page request: {worst_overall * 1000:.0f} ms")


if __name__ == "__main__":
    main()
