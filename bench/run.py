"""Time every public page and the exports in-process, against a large database.

Usage (from the repository root):
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/tracker_bench python -m bench.run
Run `python -m bench.populate --count 100000` against the same database first
(`make bench` does both). Prints, per address (bench/pages.py): median and worst time over
--repeats requests, SQL queries, response size; for the exports also time to first byte,
rows, and peak Python memory while streaming. Writes the figures to --results (the
"in_process" section). The page cache is off: this is the work of building each page;
bench/http.py measures what a visitor meets, the page cache included. Exits 1 if any
address answers other than 200.
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc

from bench import results
from bench.pages import EXPORTS, PAGES, chosen, resolve, subjects, workbook_rows
from bench.populate import setup


def configure():
    """Django for an in-process run: test client host, no page cache, no API throttling."""
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
    # The work of building each page, every time: the page cache is measured through HTTP
    # (bench.http, warm and cold).
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    # The client asks from one address many times a minute.
    os.environ["API_ANON_RATE"] = "1000000000/min"
    setup()


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def measure_page(client, url, repeats):
    """(timings in s, queries of the last request, bytes, status)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    status, size, queries = None, 0, 0
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            size = len(body_of(response))
            timings.append(time.perf_counter() - started)
        status, queries = response.status_code, len(captured)
        if status != 200:
            break
    return timings, queries, size, status


def measure_export(client, url, trace=True):
    """First byte, total, queries, size and lines of one export; with `trace`, the peak of
    Python's allocations while it streams (tracemalloc, which slows allocation-heavy code
    such as openpyxl's several times over: the workbook's memory is measured through HTTP,
    as the worker's resident size, by bench.http)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if trace:
        tracemalloc.start()
    try:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            if response.status_code != 200:
                return {"status": response.status_code}
            chunks = iter(response.streaming_content)
            first = next(chunks, b"")
            first_byte = time.perf_counter() - started
            size, lines = len(first), first.count(b"\n")
            for chunk in chunks:
                size += len(chunk)
                lines += chunk.count(b"\n")
            total = time.perf_counter() - started
            response.close()
        peak = tracemalloc.get_traced_memory()[1] if trace else None
    finally:
        if trace:
            tracemalloc.stop()
    return {
        "status": 200,
        "first_byte_ms": round(first_byte * 1000, 1),
        "total_s": round(total, 3),
        "queries": len(queries),
        "bytes": size,
        "lines": lines,
        "peak_python_mib": round(peak / 2**20, 2) if trace else None,
    }


def export_rows(exports, measured):
    """Rows in each export: a CSV's lines but its header (the benchmark's texts hold no line
    breaks); a workbook's, counted by the export's own filter (bench.pages.workbook_rows)."""
    for (_name, url, kind), m in zip(exports, measured, strict=True):
        if m.get("status") != 200:
            continue
        m["rows"] = m["lines"] - 1 if kind == "csv" else workbook_rows(url)
        if m.get("rows") and m.get("total_s"):
            m["rows_per_s"] = round(m["rows"] / m["total_s"])


def run(repeats, pages=PAGES, exports=EXPORTS, quiet=False):
    """Measure `pages` and `exports`; returns the "in_process" results section."""
    from django.test import Client

    say = (lambda *a, **k: None) if quiet else print
    filled = subjects()
    info = results.database()
    say(
        f"in-process: {info['kind']}, {info['recommendations']} recommendations "
        f"({info['published']} published), {info['status_updates']} status updates; "
        f"page cache off, {repeats} requests each"
    )
    say(f"{'page':36} {'median ms':>10} {'worst ms':>9} {'queries':>8} {'KiB':>7}")
    client = Client()
    measured_pages, errors = [], []
    for name, url in resolve(pages, filled):
        timings, queries, size, status = measure_page(client, url, repeats)
        row = {"name": name, "url": url, "status": status, "queries": queries, "bytes": size}
        if status == 200:
            row["median_ms"] = round(statistics.median(timings) * 1000, 1)
            row["worst_ms"] = round(max(timings) * 1000, 1)
            say(
                f"{name:36} {row['median_ms']:10.1f} {row['worst_ms']:9.1f}"
                f" {queries:8d} {size / 1024:7.1f}",
                flush=True,
            )
        else:
            errors.append(f"{name} ({url}): HTTP {status}")
            say(f"{name:36} HTTP {status}", flush=True)
        measured_pages.append(row)
    say()
    say(
        f"{'export':36} {'first byte ms':>13} {'total s':>8} {'queries':>8} {'rows':>8}"
        f" {'MiB':>6} {'peak py MiB':>11}"
    )
    measured_exports = []
    for name, url, kind in exports:
        measured = {"name": name, "url": url, **measure_export(client, url, kind == "csv")}
        measured_exports.append(measured)
    export_rows(exports, measured_exports)
    for m in measured_exports:
        if m["status"] != 200:
            errors.append(f"{m['name']} ({m['url']}): HTTP {m['status']}")
            say(f"{m['name']:36} HTTP {m['status']}")
            continue
        say(
            f"{m['name']:36} {m['first_byte_ms']:13.1f} {m['total_s']:8.2f} {m['queries']:8d}"
            f" {m['rows'] if m['rows'] is not None else '?':>8} {m['bytes'] / 2**20:6.1f}"
            f" {m['peak_python_mib'] if m['peak_python_mib'] is not None else '-':>11}"
        )
    slowest = max((p.get("worst_ms", 0) for p in measured_pages), default=0)
    say()
    say(f"slowest page request: {slowest:.0f} ms")
    for error in errors:
        say(f"ERROR: {error}")
    return {
        "date": results.now(),
        "machine": results.machine(),
        "database": info,
        "settings": {"repeats": repeats, "page_cache": "off", "subjects": filled},
        "pages": measured_pages,
        "exports": measured_exports,
        "errors": errors,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--only", nargs="+", metavar="WORD", help="only pages and exports whose name has a WORD"
    )
    parser.add_argument("--results", default=str(results.DEFAULT_PATH), help="JSON file")
    args = parser.parse_args(argv)
    configure()
    section = run(
        args.repeats,
        pages=[page for page in PAGES if chosen(page[0], args.only)],
        exports=[export for export in EXPORTS if chosen(export[0], args.only)],
    )
    section["settings"]["only"] = args.only
    path = results.save(args.results, "in_process", section)
    print(f"results: {path}")
    return 1 if section["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
