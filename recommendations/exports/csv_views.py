"""The public CSV export: exactly the list page's results for the same query string."""

from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext, pgettext
from django.views.decorators.http import require_safe

from recommendations.exports.columns import csv_chunks_response, csv_response, safe_filename_part
from recommendations.exports.csv_rows import public_header, report
from recommendations.exports.postgres_copy import copy_csv_chunks
from recommendations.models import Recommendation
from recommendations.public.filters import FACETS, RecommendationFilter


def export_filename(filterset, extension="csv"):
    """Say what the file holds: the areas, "overdue", else "all" or "filtered"; and the date."""
    chosen = filterset.form.cleaned_data
    # Slugs are ASCII by construction; the words are ours, in the file's language.
    parts = [safe_filename_part(slug) for slug in chosen.get("area") or []]
    if chosen.get("overdue"):
        parts.append(pgettext("export file name", "overdue"))
    narrowed_otherwise = any(
        chosen.get(name) for name in FACETS + ("q",) if name not in ("area", "overdue")
    )
    if narrowed_otherwise or (not parts and any(chosen.get(name) for name in FACETS + ("q",))):
        parts.append(pgettext("export file name", "filtered"))
    what = "-".join(part for part in parts if part) or pgettext("export file name", "all")
    name = pgettext("export file name", "recommendations")
    # On a past date the file says so: "…-as-of-2026-06-30.csv".
    when = filterset.today.isoformat()
    if filterset.day:
        when = f"{pgettext('export file name', 'as-of')}-{when}"
    return f"{name}-{what}-{when}.{extension}"


def refusal(request, notes):
    """400: a filter the export could not apply would make the file wider than asked for.

    The list shows such a view with a note on the page; a file has no room for the note,
    so the export names what was wrong instead of silently exporting more rows.
    """
    list_url = request.build_absolute_uri(reverse("recommendations:recommendation_list"))
    lines = [
        gettext("No file was made: part of the address could not be used as a filter."),
        *notes,
        gettext("Correct the address, or start again from the list: %(url)s") % {"url": list_url},
    ]
    return HttpResponseBadRequest("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def recommendation_csv(request):
    filterset = RecommendationFilter(request.GET, queryset=Recommendation.objects.published())
    if notes := filterset.narrowing_problems():
        return refusal(request, notes)
    # On PostgreSQL the database writes the file (postgres_copy.py); the generic writer
    # below is the reference it matches byte for byte, and the one used on SQLite.
    chunks = copy_csv_chunks(request, filterset, public_header())
    if chunks is not None:
        return csv_chunks_response(export_filename(filterset), chunks)
    header, lines = report(request, filterset.qs, filterset.today, day=filterset.day)
    return csv_response(export_filename(filterset), header, lines)
