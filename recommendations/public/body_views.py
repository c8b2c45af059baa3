"""The public pages of the responsible bodies: the organisations recommendations are addressed to.

An organisation is public here only while at least one published recommendation is
addressed to it (ResponsibleBody). One whose people merely attended a meeting
(Participant, Attendance) is never listed, and no page here reads participants or
attendance. Every roll-up is a GROUP BY: a fixed number of queries whatever the number
of bodies or recommendations.
"""

from django.shortcuts import get_object_or_404, render

from recommendations.choices import Status
from recommendations.links import DAY_SHOWN
from recommendations.page_cache import cached_public_page
from recommendations.public.listing import Listing
from recommendations.reporting import monthly_series, trend_steps
from recommendations.reporting.charts import TrendChart
from recommendations.reporting.rollups import Breakdown, list_url, rollup
from recommendations.selectors import public_bodies


def _with_query(url, **params):
    """`url` with `params` appended to its query string."""
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return f"{url}{'&' if '?' in url else '?'}{query}"


def body_breakdowns(bodies, day=None):
    """[Breakdown] for each of `bodies` (organisations), overdue and slipped counts
    included, as the tracker stands today or as it stood at the end of `day`: one query."""
    bodies = list(bodies)
    tallies = rollup("responsible_bodies", [body.pk for body in bodies], day, with_slipped=True)
    return [
        Breakdown.of(
            tallies[body.pk],
            key=body.slug,
            label=body.localized.name,
            obj=body,
            url=list_url(day, body=body.slug),
        )
        for body in bodies
    ]


@cached_public_page
def body_list(request):
    # 2 queries: the public bodies, then every body's counts.
    return render(
        request,
        "recommendations/body_list.html",
        {"section": "bodies", "by_body": body_breakdowns(public_bodies())},
    )


@cached_public_page
def body_detail(request, slug):
    org = get_object_or_404(public_bodies(), slug=slug)
    listing = Listing(request.GET, path=request.path, fixed={"body": org.slug})
    (breakdown,) = body_breakdowns([org], day=listing.day)
    # On the body's page, a status segment or count narrows this page, on the same day.
    breakdown.url = request.path + (
        f"?{DAY_SHOWN}={listing.day.isoformat()}" if listing.day else ""
    )
    series = monthly_series.kept_series(
        {None: trend_steps.body_scope(org.pk)},
        until=listing.day,
        final={None: breakdown.counts} if listing.day else None,
    )
    return render(
        request,
        "recommendations/body_detail.html",
        {
            "section": "bodies",
            "statuses": Status.choices,
            "org": org,
            "progress": breakdown,
            "overdue_url": _with_query(breakdown.url, overdue=1),
            "slipped_url": _with_query(breakdown.url, slipped=1),
            "trend": TrendChart(series.get(None, []), slug=org.slug),
            "listing": listing,
        },
    )
