"""The benchmark harness (bench/) itself: its addresses exist, its query-per-row check
catches a query per row, its results file keeps every database's figures.

`make bench-quick` runs the whole harness (CI does too); these are the fast parts of it.
"""

import json
import subprocess
from urllib.parse import urlsplit

import pytest
from django.urls import resolve as resolve_url
from django.utils import translation

from bench import http, queries, results
from bench.pages import EXPORT_WARMUP, EXPORTS, PAGES, REFERENCES, resolve
from bench.populate import populate

FILLED = {"code": "BN-0000-001", "body": "bench-org-1", "workshop": "bench-meeting-1"}


def test_every_address_is_filled_and_routed():
    addresses = resolve(PAGES, FILLED) + [(name, path) for name, path, _ in EXPORTS]
    addresses += [(kind, path) for kind, path in EXPORT_WARMUP.items()]
    for name, path in addresses:
        assert "{" not in path, name
        # The Japanese pages are under /ja/ only while Japanese is the active language.
        with translation.override("ja" if path.startswith("/ja/") else "en"):
            match = resolve_url(urlsplit(path).path)
        # The API answers any unknown address under /api/v1/ with its own JSON 404.
        assert match.url_name != "not-found", (name, path)
    for name, path in REFERENCES:
        assert resolve_url(path, urlconf="bench.http_urls"), name
    names = [name for name, _ in PAGES] + [name for name, _, _ in EXPORTS]
    assert len(names) == len(set(names)), "each address needs a name of its own"


def row(queries_, status=200, **extra):
    return {"url": "/x/", "queries": queries_, "status": status, **extra}


def test_compare_flags_growth_pairs_and_failures():
    small = {"list": row(11), "area": row(10), "empty then full": row(8), "gone": row(3, 404)}
    large = {
        "list": row(11 + queries.GROWTH_LIMIT),
        "area": row(10),
        "empty then full": row(8 + queries.GROWTH_LIMIT - 1),
        "gone": row(3),
        "broken": row(5, 500),
        "detail: 5 updates": row(6, pair="detail", side="few"),
        "detail: 15 updates": row(16, pair="detail", side="many"),
        "api: page_size=1": row(9, pair="api", side="few"),
        "api: page_size=100": row(9, pair="api", side="many"),
    }
    problems = queries.compare(small, large)
    assert len(problems) == 4, problems
    assert [p.split(" (")[0].split(":")[0] for p in problems] == [
        "list",
        "gone",
        "broken",
        "detail",
    ]


@pytest.mark.django_db(transaction=False)
def test_a_query_per_row_is_caught(monkeypatch, capsys):
    """The check on a real (small) tracker: honest, the list page costs the same at both
    sizes; with a query added per row shown, the growth fails the check."""
    from recommendations.models import PolicyArea, Recommendation

    monkeypatch.setattr(queries, "PAGES", [("list", "/recommendations/")])
    monkeypatch.setattr(queries, "EXPORTS", [])
    monkeypatch.setattr(queries, "DETAIL_PAIRS", [])
    monkeypatch.setattr(queries, "PAGE_SIZE_PAIRS", [])
    honest_url = Recommendation.get_absolute_url

    def chatty_url(self):
        PolicyArea.objects.exists()
        return honest_url(self)

    def both():
        honest = queries.count_all()
        monkeypatch.setattr(Recommendation, "get_absolute_url", chatty_url)
        chatty = queries.count_all()
        monkeypatch.setattr(Recommendation, "get_absolute_url", honest_url)
        return honest, chatty

    populate(queries.SMALL)
    honest_small, chatty_small = both()
    populate(40)
    honest_large, chatty_large = both()
    capsys.readouterr()

    assert queries.compare(honest_small, honest_large) == []
    problems = queries.compare(chatty_small, chatty_large)
    assert len(problems) == 1 and problems[0].startswith("list (/recommendations/)"), problems


def test_results_keep_every_database_and_section(tmp_path):
    path = tmp_path / "results.json"
    results.save(path, "http", {"database": {"kind": "postgresql"}, "pages": [1]})
    results.save(path, "in_process", {"database": {"kind": "postgresql"}, "pages": [2]})
    results.save(path, "http", {"database": {"kind": "sqlite"}, "pages": [3]})
    results.save(path, "http", {"database": {"kind": "postgresql"}, "pages": [4]})
    saved = json.loads(path.read_text())
    assert saved["postgresql"]["http"]["pages"] == [4]
    assert saved["postgresql"]["in_process"]["pages"] == [2]
    assert saved["sqlite"]["http"]["pages"] == [3]
    assert "about" in saved


def test_wrk_figures_are_read_from_its_summary(monkeypatch):
    line = (
        "BENCH requests=1200 duration_us=2000000 connect=0 read=0 write=0 status=3 timeout=1 "
        "p50=1500 p95=4200 p99=9100 max=20000\n"
    )

    def fake_run(command, **kwargs):
        assert command[:4] == ["wrk", "-t1", "-c2", "-d2s"]
        return subprocess.CompletedProcess(command, 0, stdout="Running 2s test\n" + line, stderr="")

    monkeypatch.setattr(http.subprocess, "run", fake_run)
    figures = http.wrk("http://127.0.0.1:1/", 2, 2, "script.lua")
    assert figures["rps"] == 600.0
    assert (figures["p50_ms"], figures["p95_ms"], figures["p99_ms"]) == (1.5, 4.2, 9.1)
    assert figures["errors"] == {"status": 3, "timeout": 1}


def test_server_log_failures_and_warnings(tmp_path, monkeypatch):
    monkeypatch.setattr(http, "ROOT", tmp_path)
    log = tmp_path / "gunicorn.log"
    log.write_text(
        "[2026-11-28 18:59:06 +1100] [1] [INFO] Booting worker with pid: 2\n"
        "Internal Server Error: /recommendations/\n"
        "[2026-11-28 18:59:09 +1100] [1] [CRITICAL] WORKER TIMEOUT (pid:2)\n"
        "Exception ignored in: <generator object cursor_iter at 0x7f>\n"
        "sqlite3.ProgrammingError: Cannot operate on a closed database.\n"
    )
    assert len(http.server_errors(log)) == 2
    assert len(http.server_warnings(log)) == 2
