"""The progress report's page: `/report/?from=…&to=…` (reporting.period_report computes it)."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from recommendations.page_cache import cached_public_page
from recommendations.reporting.period_report import CHANGE_KINDS, ReportPeriodForm, compute_report


def _period_query(start, end):
    return f"?from={start.isoformat()}&to={end.isoformat()}"


@require_safe
@cached_public_page
def progress_report(request):
    form = ReportPeriodForm(request.GET)
    context = {"section": "report", "form": form, "kinds": CHANGE_KINDS}
    if not form.is_valid():
        # No figures for a period other than the one asked for: a report of the wrong
        # quarter could end up in a funder's pack. The form says what to correct.
        context["problems"] = form.problems()
        return render(request, "recommendations/report.html", context, status=400)
    start, end = form.period
    context["report"] = compute_report(start, end)
    context["csv_url"] = reverse("recommendations:report_csv") + _period_query(start, end)
    return render(request, "recommendations/report.html", context)
