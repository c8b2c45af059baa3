"""What the benchmark asks for: every public page, the exports, and the reference views.

One list for both modes (bench/run.py in-process, bench/http.py through gunicorn and wrk),
so the two always measure the same addresses. Placeholders, filled by `subjects()` the
same way in both: `{code}`, one published recommendation (a third of the way through the
codes); `{workshop}` and `{body}`, the meeting and the responsible body with the most
published recommendations (never an empty page, at any size of the tracker).
"""

import urllib.parse

JA_SEARCH = urllib.parse.quote("重要鉱物")
JA_SEARCH_JA_PAGE = urllib.parse.quote("蓄電池")
JA_BODY = urllib.parse.quote("機関17号")

# (name, address): pages answered whole, measured for latency and throughput.
PAGES = [
    ("dashboard", "/"),
    ("list", "/recommendations/"),
    ("list, page 200", "/recommendations/?page=200"),
    ("list, area+status", "/recommendations/?area=critical-minerals&status=in_progress"),
    ("list, overdue, by priority", "/recommendations/?overdue=1&sort=priority"),
    ("list, text search", "/recommendations/?q=stockpile"),
    ("list, search matching most rows", "/recommendations/?q=ka"),
    ("list, Japanese search", f"/recommendations/?q={JA_SEARCH}"),
    ("list, body-name search", "/recommendations/?q=Benchmark+organisation+17"),
    ("list, Japanese body name", f"/recommendations/?q={JA_BODY}"),
    ("list, latest update sort", "/recommendations/?sort=updated&lead=jp"),
    ("list, slipped", "/recommendations/?slipped=1"),
    ("list as of 30 Jun 2026", "/recommendations/?as_of=2026-06-30"),
    (
        "list as of, area+status",
        "/recommendations/?as_of=2026-06-30&area=critical-minerals&status=in_progress",
    ),
    ("ja: dashboard", "/ja/"),
    ("ja: list", "/ja/recommendations/"),
    ("ja: list, Japanese search", f"/ja/recommendations/?q={JA_SEARCH_JA_PAGE}"),
    ("dashboard as of 30 Jun 2026", "/?as_of=2026-06-30"),
    ("areas", "/areas/"),
    ("area", "/areas/critical-minerals/"),
    ("area, filtered", "/areas/supply-chains/?status=implemented&priority=high"),
    ("area as of", "/areas/critical-minerals/?as_of=2026-06-30"),
    ("recommendation", "/recommendations/{code}/"),
    ("ja: recommendation", "/ja/recommendations/{code}/"),
    ("workshops", "/workshops/"),
    ("workshop", "/workshops/{workshop}/"),
    ("bodies", "/bodies/"),
    ("body", "/bodies/{body}/"),
    ("body as of", "/bodies/{body}/?as_of=2026-06-30"),
    ("progress report", "/report/?from=2026-04-01&to=2026-06-30"),
    ("ja: progress report", "/ja/report/?from=2026-04-01&to=2026-06-30"),
    ("feed", "/updates.atom"),
    ("feed, area", "/updates.atom?area=ai-governance"),
    ("calendar, area", "/deadlines.ics?area=critical-minerals"),
    ("API: recommendations", "/api/v1/recommendations/"),
    (
        "API: recommendations, area+status",
        "/api/v1/recommendations/?area=critical-minerals&status=in_progress",
    ),
    ("API ja: recommendations", "/ja/api/v1/recommendations/"),
    ("API: recommendation", "/api/v1/recommendations/{code}/"),
    (
        "API: status updates since 2026",
        "/api/v1/status-updates/?sort=recorded&recorded_from=2026-01-01T00:00:00Z",
    ),
    ("open data", "/data/"),
    ("data package", "/data/datapackage.json"),
    ("healthz", "/healthz"),
]

# (name, address, format): files of every row (or many), streamed or spooled; measured for
# time to first byte, total time, rows per second and the serving process's memory.
EXPORTS = [
    ("CSV, one area", "/recommendations/export.csv?area=critical-minerals", "csv"),
    ("CSV, every row", "/recommendations/export.csv", "csv"),
    ("CSV, every row, Japanese", "/ja/recommendations/export.csv", "csv"),
    ("Excel, every row", "/recommendations/export.xlsx", "xlsx"),
    ("open data: status updates", "/data/status-updates.csv", "csv"),
]
# The export that the COPY references are compared with.
EVERY_ROW_CSV = "CSV, every row"
# A few rows of each export format: asked for before the measured export, so the worker
# has loaded everything the format needs (openpyxl, templates) and the measurement shows
# what the rows cost, not the first use of a module.
EXPORT_WARMUP = {
    "csv": "/recommendations/export.csv?q=BN-0000-001",
    "xlsx": "/recommendations/export.xlsx?q=BN-0000-001",
}

# Served by the same gunicorn in the same run (bench/http_urls.py): the framework's
# ceiling on this machine, so every figure also reads as a multiple of it.
REFERENCES = [
    ("reference: constant", "/bench/constant"),
    ("reference: SELECT 1", "/bench/select-1"),
]

# Warm p95 goal per page, by database (the performance issue): reported, not enforced.
P95_TARGET_MS = {"postgresql": 100, "sqlite": 300}
# Peak growth of the serving worker's resident memory during the Excel export of every row.
XLSX_RSS_TARGET_MIB = 50


def subjects():
    """{placeholder: value} for the addresses of PAGES (see the module's docstring)."""
    from django.db.models import Count, Q

    from recommendations.models import Organisation, Recommendation, Workshop

    published = Recommendation.objects.published().order_by("code")
    count = published.count()
    if not count:
        raise SystemExit("The benchmark database has no published recommendation.")
    busiest = {}
    for placeholder, model in (("body", Organisation), ("workshop", Workshop)):
        busiest[placeholder] = (
            model.objects.annotate(
                published=Count("recommendations", filter=Q(recommendations__is_published=True))
            )
            .order_by("-published", "slug")
            .values_list("slug", flat=True)
            .first()
        )
    return {"code": published.values_list("code", flat=True)[count // 3], **busiest}


def workbook_rows(path):
    """Rows in the workbook at `path`: the recommendations its query string selects, counted
    by the filter the export view itself applies."""
    from django.http import QueryDict

    from recommendations.models import Recommendation
    from recommendations.public.filters import RecommendationFilter

    query = QueryDict(urllib.parse.urlsplit(path).query)
    return RecommendationFilter(query, queryset=Recommendation.objects.published()).qs.count()


def chosen(name, only):
    """Is the page or export called `name` picked by --only (a list of words; None: all)?"""
    return not only or any(word.lower() in name.lower() for word in only)


def resolve(pages, filled):
    """`pages` with their placeholders filled from `filled` (see `subjects()`)."""
    resolved = []
    for name, path in pages:
        for placeholder, value in filled.items():
            path = path.replace("{" + placeholder + "}", str(value))
        resolved.append((name, path))
    return resolved
