"""Pages as a user meets them: gunicorn, production settings, real HTTP, measured with wrk.

Usage (from the repository root, with DATABASE_URL naming a populated database):
    python -m bench.http [--seconds 5] [--connections 1 2]
Each page is asked for once to warm it, then for --seconds per connection count; the two
reference pages (a constant response, a `SELECT 1`) run in the same server and the same
run, so every figure also reads as a multiple of the framework's ceiling on this machine.
"""

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.populate import prepare_database

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ("reference: constant", "/bench/constant"),
    ("reference: SELECT 1", "/bench/select-1"),
    ("dashboard", "/"),
    ("ja: dashboard", "/ja/"),
    ("list", "/recommendations/"),
    ("ja: list", "/ja/recommendations/"),
    ("list, English search", "/recommendations/?q=stockpile"),
    ("list, Japanese search", "/recommendations/?q=%E9%87%8D%E8%A6%81%E9%89%B1%E7%89%A9"),
    ("ja: list, Japanese search", "/ja/recommendations/?q=%E8%93%84%E9%9B%BB%E6%B1%A0"),
    ("list, body-name search", "/recommendations/?q=Benchmark+organisation+17"),
    ("list, Japanese body name", "/recommendations/?q=%E6%A9%9F%E9%96%A217%E5%8F%B7"),
    ("list, slipped", "/recommendations/?slipped=1"),
    ("dashboard as of 30 Jun 2026", "/?as_of=2026-06-30"),
    ("list as of 30 Jun 2026", "/recommendations/?as_of=2026-06-30"),
    (
        "list as of, area + status",
        "/recommendations/?as_of=2026-06-30&area=critical-minerals&status=in_progress",
    ),
    ("area page", "/areas/critical-minerals/"),
    ("area page as of", "/areas/critical-minerals/?as_of=2026-06-30"),
    ("responsible bodies", "/bodies/"),
    ("body page", "/bodies/bench-org-1/"),
    ("body page as of", "/bodies/bench-org-1/?as_of=2026-06-30"),
    ("progress report", "/report/?from=2026-04-01&to=2026-06-30"),
    ("ja: progress report", "/ja/report/?from=2026-04-01&to=2026-06-30"),
    ("healthz", "/healthz"),
]
# wrk prints p50/p75/p90/p99 only: this script prints the p95 too.
P95 = """
done = function(summary, latency, requests)
  io.write(string.format("P95 %.3f\\n", latency:percentile(95) / 1000))
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(env, port):
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tracker.wsgi:application", "-c", "gunicorn.conf.py"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    os.killpg(process.pid, signal.SIGTERM)
    raise SystemExit("gunicorn did not start")


def measure(url, connections, seconds, script):
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    p95 = float(re.search(r"P95 ([\d.]+)", output).group(1))
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p50.group(2)]
    return requests, float(p50.group(1)) * scale, p95


def touch_data():
    """A write that changes nothing visible but, like every write, makes each page cold:
    one audit row (a policy area saved unchanged)."""
    from recommendations.models import PolicyArea

    PolicyArea.objects.order_by("pk").first().save()


def cold(url, rounds):
    """Milliseconds of the first request after a write, `rounds` times: (median, worst)."""
    times = []
    for _ in range(rounds):
        touch_data()
        started = time.perf_counter()
        urllib.request.urlopen(url, timeout=120).read()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2], times[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--cold-rounds", type=int, default=3)
    args = parser.parse_args()
    prepare_database()
    from django.db import connection

    static = tempfile.mkdtemp(prefix="tracker-bench-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.http_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_READ_DOTENV": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-" + "k" * 50,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": static,
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    port = free_port()
    server = serve(env, port)
    script = Path(tempfile.mkdtemp()) / "p95.lua"
    script.write_text(P95)
    print(f"database: {connection.vendor}; gunicorn, 2 workers, production settings; wrk")
    columns = "".join(f"  c={c}: req/s   p50 ms   p95 ms" for c in args.connections)
    print("warm: the same address again with no write in between (the page cache's case);")
    print("cold: the first request after a write (median and worst of --cold-rounds)")
    print(f"{'page':28}{columns}   cold p50    worst")
    try:
        for name, path in PAGES:
            url = f"http://127.0.0.1:{port}{path}"
            urllib.request.urlopen(url, timeout=120).read()
            # Warm every worker (each keeps its own pages): two connections for a while.
            measure(url, 2, 3, script)
            cells = ""
            for connections in args.connections:
                rps, p50, p95 = measure(url, connections, args.seconds, script)
                cells += f"  {rps:13.0f} {p50:8.1f} {p95:8.1f}"
            cold_p50, cold_worst = cold(url, args.cold_rounds)
            print(f"{name:28}{cells} {cold_p50:10.1f} {cold_worst:8.1f}", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
