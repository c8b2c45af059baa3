"""The benchmark's results file: what was measured, where, on what, and when.

Layout (bench/results.json after `make bench`; var/bench-quick/ for `make bench-quick`):

    {
      "about": "...",
      "postgresql": {                      one entry per database kind measured
        "in_process": {date, machine, database, settings, pages, exports, errors},
        "http":       {date, machine, database, server, pages, exports, copy, errors},
        "queries":    {date, database, sizes, pages, growing, errors}   (bench-quick)
      },
      "sqlite": {...}
    }

Each section is written by the run that measured it, replacing only that section, so
`make bench` on PostgreSQL and then on SQLite leaves both in the one file. Times are in
milliseconds (`_ms`) or seconds (`_s`), memory in MiB (2**20 bytes).
"""

import datetime
import json
import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATH = ROOT / "bench" / "results.json"
ABOUT = (
    "Track 1.5 Recommendations Tracker benchmark (bench/). in_process: Django's test client, "
    "page cache off, median/worst of a few requests and SQL queries per page. http: gunicorn "
    "(2 workers, production settings) driven by wrk; warm = the same address again with no "
    "write in between (the page cache's case), cold = the first request after a write. "
    "Compare figures with the reference views of the same run: the machine is shared."
)


def now():
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib():
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def _version(command):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0] if text else None


def machine():
    import django

    info = {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gib": _memory_gib(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "django": django.get_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    try:
        import gunicorn

        info["gunicorn"] = gunicorn.__version__
    except ImportError:
        pass
    return info


def database():
    """The database measured: kind, server version, name, and how much is in it."""
    from django.db import connection

    from recommendations.models import Recommendation, StatusUpdate

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
    else:
        import sqlite3

        version = sqlite3.sqlite_version
    name = connection.settings_dict["NAME"]
    return {
        "kind": connection.vendor,
        "version": version,
        "name": os.path.relpath(name, ROOT) if connection.vendor == "sqlite" else name,
        "recommendations": Recommendation.objects.count(),
        "published": Recommendation.objects.published().count(),
        "status_updates": StatusUpdate.objects.count(),
    }


def wrk_version():
    return _version(["wrk", "--version"])


def save(path, section, data):
    """Replace `section` ("in_process", "http", "queries") for this database kind in `path`."""
    path = Path(path)
    kind = data["database"]["kind"]
    try:
        results = json.loads(path.read_text())
    except (OSError, ValueError):
        results = {}
    results["about"] = ABOUT
    results.setdefault(kind, {})[section] = data
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return path
