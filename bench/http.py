"""Pages as a user meets them: gunicorn, production settings, real HTTP, measured with wrk.

Usage (from the repository root, with DATABASE_URL naming a populated database):
    python -m bench.http [--seconds 5] [--connections 1 2] [--cold-rounds 3]

The server: gunicorn with 2 workers on a loopback port, production settings (DEBUG off, a
throwaway secret key, no TLS redirect, static files collected), the API's per-address limit
raised so that wrk is not throttled, and two reference views in the same process
(bench/http_urls.py: a constant response, a `SELECT 1`).

For every address of bench/pages.py and the references: requests per second and p50, p95
and p99 latency at each --connections count (wrk, one thread, --seconds each), warm (the
same address again with nothing written in between, the page cache's case; a page slower
than a fifth of --seconds is run for five times its latency, up to a minute); and cold: the
first request after a write (median and worst of --cold-rounds).

For each export: time to first byte, total time, rows per second, and the peak growth of
the serving worker's resident memory (its high-water mark, reset just before). Then the
every-row CSV export's own query through `COPY (…) TO STDOUT` and a `COPY` of the bare
recommendation columns, as rows per second and as multiples of the export's rate (SQLite
has no COPY: the same queries are read through its cursor instead).

Prints a table and writes the "http" section of --results. Exits 1 if any request failed:
a status other than 200, a wrk socket error or timeout, a worker that died.
"""

import argparse
import contextlib
import http.client
import math
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import results
from bench.pages import (
    EVERY_ROW_CSV,
    EXPORT_WARMUP,
    EXPORTS,
    P95_TARGET_MS,
    PAGES,
    REFERENCES,
    XLSX_RSS_TARGET_MIB,
    chosen,
    resolve,
    subjects,
    workbook_rows,
)
from bench.populate import prepare_database

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / "var" / "bench-logs"
WORKERS = 2
# What wrk's own report leaves out (p95) and what is easier read from its summary than
# from its text: every figure of a run on one line. Latencies are in microseconds.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d "
    .. "p50=%d p95=%d p99=%d max=%d\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""
WRK_ERRORS = ("connect", "read", "write", "status", "timeout")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_environment(static_root):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.http_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_READ_DOTENV": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-" + "k" * 50,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": static_root,
        # One client address asks thousands of times a minute: no 429s.
        "API_ANON_RATE": "1000000000/min",
    }
    # What a visitor meets: the page cache at its production default, whatever an
    # in-process run in the same process (bench/quick.py) switched off.
    env.pop("PAGE_CACHE_SECONDS", None)
    return env


def gunicorn_options():
    """gunicorn 25 and later open a control socket at one fixed path per user: two servers
    side by side (bench-quick) would share it. The benchmark needs none."""
    from gunicorn.config import KNOWN_SETTINGS

    return (
        ["--no-control-socket"]
        if any("--no-control-socket" in (setting.cli or []) for setting in KNOWN_SETTINGS)
        else []
    )


def serve(env, port, log):
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tracker.wsgi:application", "-c", "gunicorn.conf.py"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)]
        + ["--access-logfile", "/dev/null", "--error-logfile", "-"]
        + gunicorn_options(),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    health = "no answer"
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited ({process.returncode}); see {log.name}")
        with contextlib.suppress(OSError):
            answer = get(port, "/healthz", body=True)
            health = f"HTTP {answer['status']} {answer['body'][:200]!r}"
            if answer["status"] == 200 and len(worker_pids(process.pid)) == WORKERS:
                return process
        time.sleep(0.2)
    stop(process)
    raise SystemExit(f"gunicorn did not become healthy (/healthz: {health}); see {log.name}")


def stop(process):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def worker_pids(master):
    """gunicorn's workers: the master's child processes."""
    try:
        return [
            int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()
        ]
    except OSError:
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError, ValueError):
                # The parent's pid is the 2nd field after the parenthesised command name.
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                    pids.append(int(stat.parent.name))
        return pids


def get(port, path, timeout=900, body=False):
    """One GET, its status, size, and timings (and with `body`, the body): never follows a
    redirect."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        first = response.read1(65536)
        first_byte = time.perf_counter() - started
        size, lines = len(first), first.count(b"\n")
        kept = [first] if body else None
        while chunk := response.read1(1 << 20):
            size += len(chunk)
            lines += chunk.count(b"\n")
            if body:
                kept.append(chunk)
        total = time.perf_counter() - started
        return {
            "body": b"".join(kept) if body else None,
            "status": response.status,
            "bytes": size,
            "lines": lines,
            "first_byte_s": first_byte,
            "total_s": total,
        }
    finally:
        connection.close()


def wrk(url, connections, seconds, script):
    """One wrk run: requests per second, p50/p95/p99 in ms, and its errors by kind."""
    done = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s"]
        + ["--latency", "-s", script, url],
        capture_output=True,
        text=True,
    )
    line = re.search(r"^BENCH (.*)$", done.stdout, re.MULTILINE)
    if done.returncode or not line:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr.strip() or done.stdout}")
    figures = {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", line.group(1))}
    requests = figures["requests"]
    errors = {kind: figures[kind] for kind in WRK_ERRORS if figures[kind]}
    if not requests:
        # Not one answer within the run: no latency to report.
        errors["none_finished"] = 1
    return {
        "connections": connections,
        "seconds": seconds,
        "requests": requests,
        "rps": round(requests / (figures["duration_us"] / 1e6), 1),
        **{
            f"{key}_ms": round(figures[key] / 1000, 2) if requests else None
            for key in ("p50", "p95", "p99", "max")
        },
        "errors": errors,
    }


def touch_data():
    """A write that changes nothing visible but, like every write, makes each page cold:
    one audit row (a policy area saved unchanged)."""
    from recommendations.models import PolicyArea

    PolicyArea.objects.order_by("pk").first().save()


def cold(port, path, rounds):
    """The first request after a write, `rounds` times: (times in ms, statuses)."""
    times, statuses = [], set()
    for _ in range(rounds):
        touch_data()
        answer = get(port, path, timeout=300)
        times.append(round(answer["total_s"] * 1000, 1))
        statuses.add(answer["status"])
    return times, statuses


class PeakMemory:
    """Peak growth of any gunicorn worker's resident memory over a `with` block, in MiB.

    Linux keeps each process's high-water mark (VmHWM) and resets it to the current size
    when "5" is written to /proc/PID/clear_refs; where that is not allowed, the workers'
    VmRSS is sampled every 5 ms instead.
    """

    def __init__(self, master):
        self.pids = worker_pids(master)

    @staticmethod
    def field(pid, name):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1]) * 1024
        raise LookupError(name)

    def __enter__(self):
        self.sampling = None
        try:
            for pid in self.pids:
                Path(f"/proc/{pid}/clear_refs").write_text("5")
        except OSError:
            self.peak = dict.fromkeys(self.pids, 0)
            self.sampling = threading.Event()
            threading.Thread(target=self.sample, daemon=True).start()
        self.before = {pid: self.field(pid, "VmRSS") for pid in self.pids}
        return self

    def sample(self):
        while not self.sampling.is_set():
            for pid in self.pids:
                with contextlib.suppress(OSError, LookupError):
                    self.peak[pid] = max(self.peak[pid], self.field(pid, "VmRSS"))
            time.sleep(0.005)

    def __exit__(self, *exc):
        if self.sampling is not None:
            self.sampling.set()
            peak = self.peak
        else:
            peak = {pid: self.field(pid, "VmHWM") for pid in self.pids}
        growth = {pid: peak[pid] - self.before[pid] for pid in self.pids}
        busiest = max(growth, key=growth.get)
        self.growth_mib = round(max(growth[busiest], 0) / 2**20, 1)
        self.before_mib = round(self.before[busiest] / 2**20, 1)
        self.method = "sampled VmRSS" if self.sampling is not None else "VmHWM"


def export_query_sql(path):
    """The SQL the export at `path` runs for its rows, with its parameters inlined, as
    captured when the export (served in this process) writes its first rows.

    The longest statement that reads the recommendations table; a `COPY (…) TO STDOUT`
    (through Django's cursor or psycopg's `copy()`) counts by the query inside it.
    """
    from django.db import connection
    from django.test import Client

    seen = []

    def wrapper(execute, sql, params, many, context):
        seen.append((sql, params))
        return execute(sql, params, many, context)

    patched = []
    if connection.vendor == "postgresql":
        import psycopg

        original = psycopg.Cursor.copy

        def copy(cursor, statement, params=None, **kwargs):
            if not isinstance(statement, str | bytes):
                statement = statement.as_string(cursor)
            seen.append((statement.decode() if isinstance(statement, bytes) else statement, params))
            return original(cursor, statement, params, **kwargs)

        psycopg.Cursor.copy = copy
        patched.append(lambda: setattr(psycopg.Cursor, "copy", original))
    try:
        with connection.execute_wrapper(wrapper):
            response = Client().get(path)
            lines = 0
            for chunk in response.streaming_content:
                lines += chunk.count(b"\n")
                if lines >= 2:
                    break
            response.close()
    finally:
        for undo in patched:
            undo()
    candidates = []
    for sql, params in seen:
        inner = re.match(r"\s*COPY\s*\((.*)\)\s*TO\s+STDOUT", sql, re.IGNORECASE | re.DOTALL)
        query = inner.group(1) if inner else sql
        if re.search(r'FROM\s+"?recommendations_recommendation"?', query):
            candidates.append((query, params))
    if not candidates:
        return None
    sql, params = max(candidates, key=lambda item: len(item[0]))
    if not params:
        return sql
    if connection.vendor == "postgresql":
        return connection.ops.compose_sql(sql, params)
    return (sql, params)


def bare_columns_sql():
    """The published recommendations' own columns, no joins: the floor under any export."""
    from django.db import connection

    from recommendations.models import Recommendation

    queryset = (
        Recommendation.objects.published()
        .order_by("code")
        .values_list(
            "code", "title", "text", "status", "status_as_of", "lead", "priority", "target_date"
        )
    )
    sql, params = queryset.query.sql_with_params()
    if connection.vendor == "postgresql":
        return connection.ops.compose_sql(sql, params)
    return (sql, params)


def read_query(query):
    """Every row of `query`: through COPY … TO STDOUT (CSV) on PostgreSQL, through the
    cursor on SQLite. (rows, seconds, bytes)"""
    from django.db import connection

    with connection.cursor() as cursor:
        started = time.perf_counter()
        if connection.vendor == "postgresql":
            size = rows = 0
            with cursor.cursor.copy(f"COPY ({query}) TO STDOUT WITH (FORMAT csv)") as copy:
                for data in copy:
                    size += len(data)
                    rows += bytes(data).count(b"\n")
        else:
            sql, params = query if isinstance(query, tuple) else (query, ())
            cursor.execute(sql, params)
            size = rows = 0
            while batch := cursor.fetchmany(2000):
                rows += len(batch)
        seconds = time.perf_counter() - started
    return rows, seconds, size


def copy_references(export):
    """The every-row CSV export against reading its own query, and the bare columns."""
    from django.db import connection

    how = (
        "COPY (…) TO STDOUT WITH (FORMAT csv)"
        if connection.vendor == "postgresql"
        else ("the query's rows read through the sqlite3 cursor (SQLite has no COPY)")
    )
    section = {
        "method": how,
        "export": export["name"],
        "export_rows_per_s": export.get("rows_per_s"),
    }
    own = export_query_sql(export["url"])
    for key, query in (("export_query", own), ("bare_columns", bare_columns_sql())):
        if query is None:
            section[key] = {"error": "the export's query was not seen"}
            continue
        rows, seconds, size = read_query(query)
        section[key] = {
            "rows": rows,
            "seconds": round(seconds, 3),
            "rows_per_s": round(rows / seconds) if seconds else None,
            "bytes": size,
        }
        if isinstance(query, str):
            section[key]["sql"] = query
        else:
            section[key]["sql"], section[key]["params"] = query[0], list(map(str, query[1]))
        if export.get("rows_per_s") and section[key]["rows_per_s"]:
            # How many times faster the database hands over the same rows than the export.
            section[key]["times_the_export"] = round(
                section[key]["rows_per_s"] / export["rows_per_s"], 2
            )
    section["ratios"] = {
        "export_query_over_export": section["export_query"].get("times_the_export"),
        "bare_columns_over_export": section["bare_columns"].get("times_the_export"),
    }
    return section


def measure_pages(port, pages, args, script, say):
    """Warm (wrk) and cold figures for each (name, address, is_reference)."""
    measured, errors = [], []
    for name, path, reference in pages:
        url = f"http://127.0.0.1:{port}{path}"
        row = {"name": name, "url": path, "reference": reference}
        first = get(port, path)
        row.update(status=first["status"], bytes=first["bytes"])
        if first["status"] != 200:
            errors.append(f"{name} ({path}): HTTP {first['status']}")
            say(f"{name:36} HTTP {first['status']}", flush=True)
            measured.append(row)
            continue
        # Every worker warmed (each keeps its own templates and connections); the page
        # cache, in the database, is shared.
        if args.warmup_seconds:
            wrk(url, 2, args.warmup_seconds, script)
        warm = get(port, path)["total_s"]
        # A page slower than a fifth of the run gets a longer run (up to a minute), so
        # that its percentiles rest on a few requests at least.
        seconds = max(args.seconds, min(60, math.ceil(5 * warm)))
        row["warm"] = {}
        cells = ""
        for connections in args.connections:
            figures = wrk(url, connections, seconds, script)
            row["warm"][f"c{connections}"] = figures
            if figures["errors"]:
                errors.append(f"{name} ({path}), {connections} connections: {figures['errors']}")
            if not figures["requests"]:
                cells += f" {0:8d} {'-':>6} {'-':>6} {'-':>6} |"
                continue
            cells += (
                f" {figures['rps']:8.0f} {figures['p50_ms']:6.1f} {figures['p95_ms']:6.1f}"
                f" {figures['p99_ms']:6.1f} |"
            )
        if not reference and args.cold_rounds:
            times, statuses = cold(port, path, args.cold_rounds)
            row["cold"] = {
                "rounds": len(times),
                "p50_ms": round(statistics.median(times), 1),
                "worst_ms": max(times),
                "times_ms": times,
            }
            if statuses != {200}:
                errors.append(f"{name} ({path}), first request after a write: {sorted(statuses)}")
            cells += f" {row['cold']['p50_ms']:8.1f} {row['cold']['worst_ms']:8.1f}"
        say(f"{name:36}{cells}", flush=True)
        measured.append(row)
    return measured, errors


def measure_exports(port, master, exports, say):
    measured, errors = [], []
    for name, path, kind in exports:
        warmup = get(port, EXPORT_WARMUP[kind])
        if warmup["status"] != 200:
            errors.append(f"export warm-up {EXPORT_WARMUP[kind]}: HTTP {warmup['status']}")
        with PeakMemory(master) as memory:
            answer = get(port, path)
        row = {"name": name, "url": path, "format": kind, "status": answer["status"]}
        if answer["status"] != 200:
            errors.append(f"{name} ({path}): HTTP {answer['status']}")
            say(f"{name:36} HTTP {answer['status']}")
            measured.append(row)
            continue
        row.update(
            ttfb_ms=round(answer["first_byte_s"] * 1000, 1),
            total_s=round(answer["total_s"], 3),
            bytes=answer["bytes"],
            worker_rss_growth_mib=memory.growth_mib,
            worker_rss_before_mib=memory.before_mib,
            memory_method=memory.method,
        )
        # The benchmark's texts hold no line breaks: a CSV's rows are its lines but the
        # header; a workbook's are counted by the export's own filter.
        row["rows"] = answer["lines"] - 1 if kind == "csv" else workbook_rows(path)
        if row["rows"]:
            row["rows_per_s"] = round(row["rows"] / answer["total_s"])
        measured.append(row)
        say(
            f"{name:36} {row['ttfb_ms']:9.1f} {row['total_s']:8.2f} {row['rows'] or 0:8d}"
            f" {row.get('rows_per_s', 0):8d} {row['bytes'] / 2**20:7.1f}"
            f" {row['worker_rss_growth_mib']:10.1f}",
            flush=True,
        )
    return measured, errors


# In the server's log: a request that failed (Django logs a 500 with its traceback), a
# worker that gunicorn killed or lost.
SERVER_ERRORS = re.compile(r"Internal Server Error|WORKER TIMEOUT|\[CRITICAL\]|\[ERROR\]")
# Not a failed request, but worth a look: Python reporting an exception it could not raise
# (e.g. a streamed response's cursor closed after its connection, when wrk hangs up in the
# middle of a stream at the end of its run).
SERVER_WARNINGS = re.compile(r"^Exception ignored in|^\w+(\.\w+)*(Error|Warning): ")


def server_errors(log_path):
    lines = log_path.read_text(errors="replace").splitlines()
    found = [line.strip() for line in lines if SERVER_ERRORS.search(line)]
    where = log_path.relative_to(ROOT)
    return [f"the server logged: {line} (see {where})" for line in dict.fromkeys(found)]


def server_warnings(log_path):
    lines = log_path.read_text(errors="replace").splitlines()
    found = [
        re.sub(r"0x[0-9a-f]+", "0x…", line.strip())
        for line in lines
        if SERVER_WARNINGS.search(line)
    ]
    where = log_path.relative_to(ROOT)
    counted = {line: found.count(line) for line in dict.fromkeys(found)}
    return [f"the server logged {n}x: {line} (see {where})" for line, n in counted.items()]


def collect_static(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def run(args, say=print):
    """Serve, measure, stop; returns the "http" results section."""
    from django.db import connection

    filled = subjects()
    info = results.database()
    static = tempfile.mkdtemp(prefix="tracker-bench-static-")
    env = server_environment(static)
    collect_static(env)
    LOGS.mkdir(parents=True, exist_ok=True)
    # One log per database, so runs on different databases side by side keep their own.
    log_path = LOGS / f"gunicorn-{connection.vendor}-{Path(info['name']).stem}.log"
    script = Path(tempfile.mkdtemp(prefix="tracker-bench-wrk-")) / "figures.lua"
    script.write_text(WRK_SCRIPT)
    port = free_port()
    say(
        f"http: {info['kind']} {info['version']}, {info['recommendations']} recommendations "
        f"({info['published']} published), {info['status_updates']} status updates"
    )
    say(
        f"gunicorn, {WORKERS} workers, production settings, 127.0.0.1:{port}; "
        f"wrk -t1 -d{args.seconds}s at {', '.join(map(str, args.connections))} connections"
    )
    say("warm: the same address again with no write in between (the page cache's case);")
    say(f"cold: the first request after a write (median and worst of {args.cold_rounds})")
    heading = "".join(f" c={c}: req/s    p50    p95    p99 |" for c in args.connections)
    say(f"{'page (times in ms)':36}{heading} cold p50    worst")
    pages = [(n, p, True) for n, p in REFERENCES] + [
        (n, p, False) for n, p in resolve(PAGES, filled) if chosen(n, args.only)
    ]
    exports = [e for e in EXPORTS if chosen(e[0], args.only)]
    with open(log_path, "w") as log:
        server = serve(env, port, log)
        try:
            measured_pages, errors = measure_pages(port, pages, args, script, say)
            say()
            say(
                f"{'export':36} {'TTFB ms':>9} {'total s':>8} {'rows':>8} {'rows/s':>8}"
                f" {'MiB':>7} {'worker RSS':>10}"
            )
            measured_exports, export_errors = measure_exports(port, server.pid, exports, say)
            errors += export_errors
            if server.poll() is not None or len(worker_pids(server.pid)) != WORKERS:
                errors.append("a gunicorn worker or the server died during the run")
        finally:
            stop(server)
    errors += server_errors(log_path)
    warnings = server_warnings(log_path)

    every_row = next((m for m in measured_exports if m["name"] == EVERY_ROW_CSV), None)
    copy = copy_references(every_row) if every_row and every_row.get("rows_per_s") else None
    if copy:
        say()
        say(f"the every-row CSV export against its rows read by the database ({copy['method']}):")
        say(f"  {'export through HTTP':34} {copy['export_rows_per_s']:>9} rows/s")
        for key, label in (
            ("export_query", "the export's own query"),
            ("bare_columns", "the bare columns"),
        ):
            ref = copy[key]
            if "error" in ref:
                say(f"  {label:34} {ref['error']}")
                continue
            say(
                f"  {label:34} {ref['rows_per_s']:>9} rows/s  ({ref['rows']} rows in"
                f" {ref['seconds']:.2f} s): {ref.get('times_the_export', '?')}x the export"
            )

    targets = summarise(measured_pages, measured_exports, info["kind"], say)
    for warning in warnings:
        say(f"warning: {warning}")
    for error in errors:
        say(f"ERROR: {error}")
    return {
        "date": results.now(),
        "machine": {**results.machine(), "wrk": results.wrk_version()},
        "database": info,
        "server": {
            "gunicorn_workers": WORKERS,
            "settings": "production: DJANGO_DEBUG=0, throwaway DJANGO_SECRET_KEY, "
            "DJANGO_SECURE_SSL_REDIRECT=0, collectstatic, API_ANON_RATE=1000000000/min, "
            "page cache on (PAGE_CACHE_SECONDS default)",
            "settings_module": "bench.http_settings",
        },
        "wrk": {
            "threads": 1,
            "seconds": args.seconds,
            "connections": args.connections,
            "warmup_seconds": args.warmup_seconds,
            "cold_rounds": args.cold_rounds,
            "only": args.only,
        },
        "subjects": filled,
        "pages": measured_pages,
        "exports": measured_exports,
        "copy": copy,
        "targets": targets,
        "errors": errors,
        "warnings": warnings,
    }


def summarise(pages, exports, kind, say):
    """The references' figures, each page as a multiple of SELECT 1, and the goals."""
    by_name = {p["name"]: p for p in pages}
    select_one = by_name.get("reference: SELECT 1", {}).get("warm", {})
    for page in pages:
        for key, figures in page.get("warm", {}).items():
            base = select_one.get(key)
            if base and base["p50_ms"] and figures["p50_ms"] is not None:
                figures["p50_over_select_1"] = round(figures["p50_ms"] / base["p50_ms"], 1)
    goal = P95_TARGET_MS.get(kind)
    over = [
        f"{p['name']} (c={figures['connections']}: {figures['p95_ms']} ms)"
        for p in pages
        if not p["reference"]
        for figures in p.get("warm", {}).values()
        if goal and (figures["p95_ms"] is None or figures["p95_ms"] > goal)
    ]
    xlsx = [e for e in exports if e["format"] == "xlsx" and "worker_rss_growth_mib" in e]
    xlsx_over = [e["name"] for e in xlsx if e["worker_rss_growth_mib"] > XLSX_RSS_TARGET_MIB]
    say()
    if goal:
        say(
            f"warm p95 goal on {kind}: {goal} ms; "
            + (f"over it: {'; '.join(over)}" if over else "every page measured meets it")
        )
    say(
        f"Excel export worker memory goal: {XLSX_RSS_TARGET_MIB} MiB growth; "
        + (f"over it: {', '.join(xlsx_over)}" if xlsx_over else "met" if xlsx else "not measured")
    )
    return {
        "warm_p95_ms": goal,
        "pages_over_warm_p95": over,
        "xlsx_worker_rss_growth_mib": XLSX_RSS_TARGET_MIB,
        "exports_over_rss_goal": xlsx_over,
    }


def parse(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--seconds", type=int, default=5, help="wrk's run per page and connection count"
    )
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--cold-rounds", type=int, default=3)
    parser.add_argument(
        "--warmup-seconds", type=int, default=3, help="wrk at 2 connections first (0: two requests)"
    )
    parser.add_argument(
        "--only", nargs="+", metavar="WORD", help="only pages and exports whose name has a WORD"
    )
    parser.add_argument("--results", default=str(results.DEFAULT_PATH), help="JSON file")
    return parser.parse_args(argv)


def configure():
    # The export's query is captured through Django's test client in this process.
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    prepare_database()


def main(argv=None):
    args = parse(argv)
    configure()
    section = run(args)
    path = results.save(args.results, "http", section)
    print(f"results: {path}")
    return 1 if section["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
