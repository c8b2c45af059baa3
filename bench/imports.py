"""Time the spreadsheet import: preview and commit of a file shaped like the demo data.

Usage (from the repository root):  python -m bench.imports --rows 10000
Each row creates a recommendation with two policy areas, one meeting, two responsible
bodies and a status (so one status update), as a meeting's outcomes would. The database
named by DATABASE_URL gets a fresh set of codes each run (nothing is deleted); the
preview, the commit and a second, unchanged import are timed, with their query counts.
"""

import argparse
import csv
import io
import time
import uuid

from bench.populate import prepare_database


def vocabulary():
    from recommendations.models import Organisation, PolicyArea, Workshop

    areas = [
        PolicyArea.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})[0]
        for order, (slug, name) in enumerate(
            [
                ("import-bench-minerals", "Import bench minerals"),
                ("import-bench-chains", "Import bench chains"),
            ]
        )
    ]
    bodies = [
        Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "country": country, "sector": "government"}
        )[0]
        for slug, name, country in [
            ("import-bench-disr", "Import bench industry department", "au"),
            ("import-bench-meti", "Import bench trade ministry", "jp"),
        ]
    ]
    meeting = Workshop.objects.get_or_create(
        slug="import-bench-meeting",
        defaults={
            "title": "Import bench meeting",
            "kind": "workshop",
            "city": "Canberra",
            "country": "au",
            "start_date": "2025-02-18",
            "end_date": "2025-02-19",
        },
    )[0]
    return areas, bodies, meeting


def import_file(
    rows, areas, bodies, meeting, *, batch=None, status="in_progress", as_of="2025-11-20"
):
    from recommendations.exports.columns import IMPORT_COLUMNS

    batch = batch or uuid.uuid4().hex[:6].upper()
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(IMPORT_COLUMNS)
    for i in range(rows):
        cells = {
            "code": f"IB-{batch}-{i:05d}",
            "title": f"Imported recommendation {i} on processing finance and offtake",
            "title ja": f"取り込み試験の提言{i}",
            "text": "Both governments should co-finance mid-stream processing. " * 4,
            "rationale": "Processing is the narrowest point of the supply chain.",
            "policy areas": "; ".join(a.slug for a in areas),
            "raised at": meeting.slug,
            "responsible bodies": "; ".join(b.slug for b in bodies),
            "lead": "joint",
            "priority": "high",
            "target date": "2026-12-31",
            "published": "yes",
            "status": status,
            "status as of": as_of,
            "status summary": "Officials agreed terms of reference.",
        }
        writer.writerow([cells.get(column, "") for column in IMPORT_COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def timed(function, *args, **kwargs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = function(*args, **kwargs)
        elapsed = time.perf_counter() - started
    return result, elapsed, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    prepare_database()
    from django.conf import settings
    from django.db import connection

    from recommendations.importer import commit_import, plan_import

    settings.IMPORT_MAX_ROWS = max(settings.IMPORT_MAX_ROWS, args.rows)
    settings.IMPORT_MAX_BYTES = max(settings.IMPORT_MAX_BYTES, 1 << 30)
    batch = uuid.uuid4().hex[:6].upper()
    names = vocabulary()
    data = import_file(args.rows, *names, batch=batch)
    moved_on = import_file(
        args.rows, *names, batch=batch, status="partially_implemented", as_of="2026-01-10"
    )
    print(f"database: {connection.vendor}; file: {args.rows} rows, {len(data) / 2**20:.1f} MiB")
    plan, preview_s, preview_q = timed(plan_import, data)
    assert plan.can_commit, plan.problems[:3]
    summary, commit_s, commit_q = timed(commit_import, data, expected=plan.fingerprints())
    again, again_s, again_q = timed(commit_import, data)
    moved, moved_s, moved_q = timed(commit_import, moved_on)
    print(f"{'step':28} {'seconds':>8} {'queries':>8}")
    print(f"{'preview':28} {preview_s:8.2f} {preview_q:8d}")
    print(f"{'commit':28} {commit_s:8.2f} {commit_q:8d}   ({summary})")
    print(f"{'same file again (no change)':28} {again_s:8.2f} {again_q:8d}   ({again})")
    print(f"{'every status moved on':28} {moved_s:8.2f} {moved_q:8d}   ({moved})")


if __name__ == "__main__":
    main()
