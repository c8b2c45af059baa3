"""`make bench-quick`: the whole benchmark, small, on each database, as a check for CI.

Usage (from the repository root):
    python -m bench.quick --database postgresql://postgres@127.0.0.1:5432/tracker_bench_quick \\
                          --database sqlite:///var/bench-quick.sqlite3

For each database, side by side (one process each, output kept until both are done):
  1. empties it (its name must contain "quick": this step deletes everything in it),
     migrates it and fills it with bench.queries.SMALL recommendations;
  2. counts the SQL queries of every address (bench/pages.py), fills it up to --count
     (1,000) and counts again: a page whose count grows with the rows it shows asks a
     query per row (bench/queries.py), and fails the run;
  3. runs both modes at that size: in-process (bench/run.py, one request per page) and
     through HTTP (bench/http.py: gunicorn in production settings, wrk for --seconds at
     2 connections, one cold request per page, every export, the COPY references).
Fails (exit 1) on a query per row, or any request answered with other than 200, any wrk
socket error or timeout, or an error in the server's log. The figures go to
var/bench-quick/<database kind>.json (never to bench/results.json: at this size they
describe nothing but that the benchmark still works).
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench-quick"
DEFAULT_DATABASES = [
    "postgresql://postgres@127.0.0.1:5432/tracker_bench_quick",
    "sqlite:///var/bench-quick.sqlite3",
]


def database_name(url):
    return urlsplit(url).path.rsplit("/", 1)[-1]


def reset_database():
    """Delete the configured database, whatever is in it (bench-quick's own only)."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    if "quick" not in Path(str(name)).name:
        raise SystemExit(
            f"bench-quick empties its database first; {name!r} has no 'quick' in its name, "
            "so it is left alone. Name a database of its own, e.g. tracker_bench_quick."
        )
    if connection.vendor == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{name}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    params = connection.get_connection_params()
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def one(url, count, seconds, out):
    """Everything for the database at `url`, in this process. Returns the exit status."""
    os.environ["DATABASE_URL"] = url
    from bench import http, queries, results, run
    from bench.populate import populate, prepare_database

    started = time.perf_counter()

    def stage(what):
        print(f"[{time.perf_counter() - started:5.1f} s] {what}", flush=True)

    run.configure()  # page cache off and API limit lifted for the in-process counts
    reset_database()
    prepare_database()
    with open(os.devnull, "w") as quiet:
        stdout, sys.stdout = sys.stdout, quiet
        try:
            populate(queries.SMALL)
        finally:
            sys.stdout = stdout
    stage(f"emptied, migrated, filled with {queries.SMALL} recommendations")
    small = queries.count_all()
    stage("queries counted")
    populate(count)
    stage(f"filled up to {count}")
    large = queries.count_all()
    stage("queries counted")
    problems = queries.compare(small, large)
    print()
    queries.report(small, large)
    info = results.database()
    path = out / f"{info['kind']}.json"
    path.unlink(missing_ok=True)
    results.save(
        path,
        "queries",
        {
            "date": results.now(),
            "database": info,
            "sizes": [queries.SMALL, info["recommendations"]],
            "growth_limit": queries.GROWTH_LIMIT,
            "small": small,
            "full": large,
            "errors": problems,
        },
    )
    print()
    in_process = run.run(repeats=1)
    results.save(path, "in_process", in_process)
    stage("in-process run done")
    print()
    args = http.parse(
        ["--seconds", str(seconds), "--connections", "2", "--cold-rounds", "1"]
        + ["--warmup-seconds", "0"]
    )
    over_http = http.run(args)
    results.save(path, "http", over_http)
    stage("HTTP run done")
    errors = problems + in_process["errors"] + over_http["errors"]
    print()
    print(f"results: {path.relative_to(ROOT)}")
    for problem in problems:
        print(f"ERROR: {problem}")
    print(
        f"bench-quick on {info['kind']}: {'FAILED' if errors else 'passed'}, "
        f"{len(errors)} problem(s), {time.perf_counter() - started:.0f} s"
    )
    return 1 if errors else 0


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", action="append", help="a database URL (repeatable)")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=1, help="wrk's run per page")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    databases = args.database or DEFAULT_DATABASES
    OUT.mkdir(parents=True, exist_ok=True)
    if args.one:
        return one(databases[0], args.count, args.seconds, OUT)

    started = time.perf_counter()
    running = []
    for url in databases:
        log = OUT / f"{urlsplit(url).scheme}-{Path(database_name(url)).stem}.log"
        command = [sys.executable, "-m", "bench.quick", "--one", "--database", url]
        command += ["--count", str(args.count), "--seconds", str(args.seconds)]
        with open(log, "w") as output:
            process = subprocess.Popen(
                command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, env=os.environ
            )
        running.append((url, log, process))
    failed = []
    for url, log, process in running:
        status = process.wait()
        print(f"\n---- {url} (exit {status}) ----", flush=True)
        print(log.read_text(), flush=True)
        if status:
            failed.append(url)
    took = time.perf_counter() - started
    if failed:
        print(f"bench-quick FAILED on {', '.join(failed)} ({took:.0f} s)")
        return 1
    print(f"bench-quick passed on {len(databases)} database(s) in {took:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
