"""The public site: every page is a GET, readable without an account or JavaScript.

Only published recommendations and public fields ever reach these views'
templates: participants, attendance and private notes are never queried.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from recommendations import selectors
from recommendations.choices import Lead, Status
from recommendations.links import DAY_SHOWN
from recommendations.models import PolicyArea, Recommendation, StatusUpdate
from recommendations.page_cache import cached_public_page
from recommendations.public.filters import PointInTimeFilter
from recommendations.public.listing import Listing
from recommendations.public.timeline import public_timeline
from recommendations.reporting import monthly_series, rollups, trend_steps
from recommendations.reporting.charts import TrendChart

WORKSHOP_PREVIEW = 25


@cached_public_page
def dashboard(request):
    point_in_time = PointInTimeFilter(request.GET, queryset=Recommendation.objects.published())
    point_in_time.settle_day()
    day = point_in_time.day
    by_lead = rollups.lead_breakdowns(day=day)
    # Every lead side's trend from the kept steps; the overall one is their sum.
    lead_series = monthly_series.kept_series(
        {lead: trend_steps.lead_scope(lead) for lead in Lead.values},
        until=day,
        final={row.key: row.counts for row in by_lead} if day else None,
    )
    for row in by_lead:
        row.trend = TrendChart(lead_series.get(row.key, []), slug=f"lead-{row.key}")
    return render(
        request,
        "recommendations/dashboard.html",
        {
            "section": "dashboard",
            "statuses": Status.choices,
            "day": day,
            "day_problem": point_in_time.day_problem(),
            "today_url": request.path,
            "overall": rollups.overall(by_lead, day=day),
            "trend": TrendChart(monthly_series.combined(lead_series), slug="all"),
            "by_area": rollups.area_breakdowns(day=day, with_slipped=True),
            "by_lead": by_lead,
            "latest_updates": (selectors.updates_until(day) if day else selectors.latest_updates()),
        },
    )


@cached_public_page
def recommendation_list(request):
    listing = Listing(request.GET, path=request.path)
    return render(
        request,
        "recommendations/recommendation_list.html",
        {"section": "recommendations", "listing": listing},
    )


@cached_public_page
def recommendation_detail(request, code):
    # PostgreSQL refuses NUL in a string: an address holding one names nothing.
    if "\x00" in code:
        raise Http404
    return render_recommendation(request, Recommendation.objects.published(), code=code)


def render_recommendation(request, recommendations, *, preview=False, **lookup):
    """The public page of the one recommendation `lookup` finds among `recommendations`.

    With `preview` (the staff-only preview of a draft in the admin) the same page is shown
    under a banner saying the public cannot see it.
    """
    recommendation = get_object_or_404(
        recommendations.with_public_relations().prefetch_related(
            Prefetch(
                "status_updates",
                queryset=StatusUpdate.objects.newest_first().defer("private_note"),
                to_attr="timeline",
            )
        ),
        **lookup,
    )
    response = render(
        request,
        "recommendations/recommendation_detail.html",
        {
            "section": "recommendations",
            "recommendation": recommendation,
            "timeline": public_timeline(recommendation, recommendation.timeline),
            "today": timezone.localdate(),
            "preview": preview,
        },
    )
    if preview:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@cached_public_page
def area_list(request):
    return render(
        request,
        "recommendations/area_list.html",
        {"section": "areas", "statuses": Status.choices, "by_area": rollups.area_breakdowns()},
    )


@cached_public_page
def area_detail(request, slug):
    area = get_object_or_404(PolicyArea, slug=slug)
    listing = Listing(request.GET, path=request.path, fixed={"area": area.slug})
    (breakdown,) = rollups.area_breakdowns([area], day=listing.day)
    # On the area page, a status segment narrows this page rather than the global list.
    breakdown.url = request.path + (f"?{DAY_SHOWN}={listing.day}" if listing.day else "")
    series = monthly_series.kept_series(
        {None: trend_steps.area_scope(area.pk)},
        until=listing.day,
        final={None: breakdown.counts} if listing.day else None,
    )
    return render(
        request,
        "recommendations/area_detail.html",
        {
            "section": "areas",
            "statuses": Status.choices,
            "area": area,
            "progress": breakdown,
            "trend": TrendChart(series.get(None, []), slug=area.slug),
            "listing": listing,
        },
    )


@cached_public_page
def workshop_list(request):
    return render(
        request,
        "recommendations/workshop_list.html",
        {"section": "workshops", "workshops": selectors.public_workshops()},
    )


@cached_public_page
def workshop_detail(request, slug):
    workshop = get_object_or_404(selectors.public_workshops(), slug=slug)
    # A meeting can have produced thousands: show the first few, link to the full list.
    recommendations = (
        Recommendation.objects.published()
        .filter(workshops=workshop)
        .with_public_relations()
        .order_by("code")[:WORKSHOP_PREVIEW]
    )
    return render(
        request,
        "recommendations/workshop_detail.html",
        {"section": "workshops", "workshop": workshop, "recommendations": recommendations},
    )
