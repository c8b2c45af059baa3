"""The progress report as CSV, one row per recommendation: `/report/export.csv?from=…&to=…`."""

from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext, pgettext
from django.views.decorators.http import require_safe

from recommendations.bilingual import localized_expression
from recommendations.choices import Status
from recommendations.exports.columns import csv_response, iso, joined
from recommendations.links import public_link_parts
from recommendations.models import RecommendationArea, ResponsibleBody
from recommendations.querysets import STATUS_THEN
from recommendations.reporting.period_report import (
    OVERDUE_START,
    OVERDUE_THEN,
    STATUS_START,
    ReportPeriodForm,
    both_ends,
    slipped_between,
)


def export_filename(start, end):
    """progress-report-2026-07-01-to-2026-09-30.csv (the words in the page's language)."""
    name = pgettext("export file name", "progress-report")
    to = pgettext("export file name", "to")
    return f"{name}-{start.isoformat()}-{to}-{end.isoformat()}.csv"


def refusal(request, form):
    """400 in plain text: no file for a period that could not be read, and why."""
    report_url = request.build_absolute_uri(reverse("recommendations:report"))
    lines = [
        gettext("No file was made: the period of the report could not be used."),
        *(message for _name, message in form.problems()),
        gettext("Correct the address, or choose the period on the report page: %(url)s")
        % {"url": report_url},
    ]
    return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def csv_header():
    return [
        gettext("code"),
        gettext("title"),
        gettext("policy areas"),
        gettext("responsible bodies"),
        pgettext("progress report column", "status at start"),
        pgettext("progress report column", "status at end"),
        pgettext("progress report column", "changed"),
        pgettext("progress report column", "overdue at start"),
        pgettext("progress report column", "overdue at end"),
        pgettext("progress report column", "slipped in period"),
        gettext("target date"),
        gettext("link"),
    ]


def csv_rows(request, start, end):
    """Every published recommendation raised by the end of `end`, in code order, compared
    with the start. Two queries: the slips now, then the rows (both ends, their areas and
    bodies) while the file streams."""
    slipped = slipped_between(start, end)
    rows = (
        both_ends(start, end)
        .annotate(
            title_shown=localized_expression("title"),
            area_names=joined(
                RecommendationArea,
                localized_expression("area__name"),
                "area__order",
                "area__name",
            ),
            body_names=joined(
                ResponsibleBody, localized_expression("organisation__name"), "organisation__name"
            ),
        )
        .order_by("code")
        .values_list(
            "pk",
            "code",
            "title_shown",
            "area_names",
            "body_names",
            STATUS_THEN,
            OVERDUE_THEN,
            STATUS_START,
            OVERDUE_START,
            "target_date",
        )
    )
    # Everything language- or request-dependent is settled now: the rows are written
    # after the view has returned, while the response streams.
    labels = {value: str(label) for value, label in Status.choices}
    not_raised = pgettext("progress report", "not yet raised")
    yes, no = gettext("yes"), gettext("no")
    link_prefix, link_suffix = public_link_parts(request)

    def lines():
        for (
            pk,
            code,
            title,
            areas,
            bodies,
            status,
            overdue,
            status_before,
            overdue_before,
            target,
        ) in rows.iterator(chunk_size=2000):
            yield [
                code,
                title,
                areas or "",
                bodies or "",
                labels.get(status_before, status_before) if status_before else not_raised,
                labels.get(status, status),
                yes if status != status_before else no,
                yes if overdue_before else no,
                yes if overdue else no,
                yes if pk in slipped else no,
                iso(target),
                f"{link_prefix}{code}{link_suffix}",
            ]

    return lines()


@require_safe
def progress_report_csv(request):
    form = ReportPeriodForm(request.GET)
    if not form.is_valid():
        return refusal(request, form)
    start, end = form.period
    return csv_response(export_filename(start, end), csv_header(), csv_rows(request, start, end))
