"""The calendar of target dates: `/deadlines.ics` (and `/ja/deadlines.ics`).

The list's results for the same query string, as an iCalendar (RFC 5545) file a calendar
application subscribes to: one all-day event on each published recommendation's target
date, with its code and title, its status today, the bodies it is addressed to, whether it
is overdue and a link to its page. Recommendations without a target date have no day to
show and are left out; drafts never appear.

The query string means what it means on the list (`RecommendationFilter`): area, status,
workshop, lead, body, priority, overdue, slipped and q, repeatable for "any of". As with
the CSV, a filter value that cannot be applied is refused with 400 rather than silently
giving a wider calendar; `sort` and `page` only arrange the list and are ignored here (a
calendar holds every page, in date order).

`as_of` naming a past day is refused too (400): a subscribed calendar is fetched again
every few hours and must show the tracker as it stands, so it can never be "the tracker as
it stood on a past day"; ignoring the date instead would quietly judge `status` and
`overdue` against a different day than the address asks for. An empty `as_of`, or today's
date, is today's view and is accepted. The list page's subscribe link leaves `as_of` out.

Each event's UID is the recommendation's code and the site's host name, the same in both
languages and on every request, so a calendar application updates an event in place when
its date, status or title changes instead of adding another.

The file streams: the calendar's header, then one event per row of a single query, read
in chunks, so tens of thousands of events take flat memory and a constant number of
queries. icalendar writes every property (escaping, line folding, dates).
"""

import datetime
import itertools
import re

from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import StreamingHttpResponse
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event, vCategory, vDuration, vText

from recommendations.bilingual import localized_expression
from recommendations.choices import Status, is_overdue
from recommendations.exports.columns import LIST_SEPARATOR, joined, safe_filename_part
from recommendations.exports.csv_views import refusal
from recommendations.links import public_link_parts
from recommendations.models import Recommendation, RecommendationArea, ResponsibleBody
from recommendations.page_cache import cached_public_page
from recommendations.public.filters import FACETS, RecommendationFilter

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//Track 1.5 Recommendations Tracker//Target dates//EN"
# How often a subscribed client should fetch the calendar again: statuses move with status
# updates, target dates rarely; twice a day keeps a calendar current without hammering us.
REFRESH = datetime.timedelta(hours=12)
# A calendar application shows the name in a narrow sidebar.
NAME_LENGTH = 120
ROWS_PER_FETCH = 2000

# C0 controls other than tab and line breaks, and DEL: RFC 5545 forbids them in TEXT.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _Text(vText):
    """A TEXT value escaped as RFC 5545 (3.3.11) says, by icalendar.

    icalendar's vText first turns a backslash followed by "N" in the value into a line
    break (a convenience for authors writing "\\N" in Python), so a title holding that
    pair would come back from the calendar with a line break in it. Each stretch between
    such pairs is escaped by vText, and each pair written as an escaped backslash and an "N".
    """

    def to_ical(self):
        return b"\\\\N".join(vText(part).to_ical() for part in str(self).split("\\N"))


class _Categories(vCategory):
    """CATEGORIES whose names are escaped like `_Text`."""

    def to_ical(self):
        return b",".join(_Text(name).to_ical() for name in self)


def ical_text(value):
    """`value` as a TEXT value: without the control characters a calendar may not hold."""
    return _Text(_CONTROL.sub("", str(value or "")))


def _clip(value, length):
    return value if len(value) <= length else value[: length - 1] + "…"


def _canonical_query(filterset):
    """The filters in force, rebuilt from the cleaned values (never the raw query string)."""
    cleaned = filterset.form.cleaned_data
    pairs = []
    for name in FACETS + ("q",):
        value = cleaned.get(name)
        for one in value if isinstance(value, list) else [value] if value else []:
            pairs.append((name, one))
    return urlencode(pairs)


def calendar_filename(filterset):
    """Say what the calendar holds (areas, "overdue", else "all" or "filtered"), in the
    export's words; unlike the export's names, no date: a subscription is always today's."""
    chosen = filterset.form.cleaned_data
    parts = [safe_filename_part(slug) for slug in chosen.get("area") or []]
    if chosen.get("overdue"):
        parts.append(pgettext("export file name", "overdue"))
    narrowing = [name for name in FACETS + ("q",) if chosen.get(name)]
    if any(name not in ("area", "overdue") for name in narrowing):
        parts.append(pgettext("export file name", "filtered"))
    what = "-".join(part for part in parts if part) or pgettext("export file name", "all")
    return f"{pgettext('calendar file name', 'target-dates')}-{what}.ics"


def calendar_name(filterset):
    """The name a calendar application shows: the tracker's target dates and the filters."""
    name = gettext("Track 1.5 target dates")
    chosen = []
    for parameter, value, label in filterset.active():
        if parameter == "q":
            label = pgettext("calendar name", "“%(text)s”") % {"text": value}
        chosen.append(label)
    if not chosen:
        return name
    shown = pgettext("calendar name", "%(name)s: %(filters)s") % {
        "name": name,
        "filters": ", ".join(chosen),
    }
    return _clip(shown, NAME_LENGTH)


def calendar_description(filterset, list_url):
    """What the calendar holds, which filters made it, and the same view on the tracker."""
    filters = [
        f"{filterset.filters[name].label}: {label}" for name, _value, label in filterset.active()
    ]
    return "\n".join(
        [
            gettext(
                "The target dates of the published recommendations of the Australia–Japan "
                "Track 1.5 dialogue that match the filters below, each with its status today."
            ),
            f"{gettext('Filters')}: "
            + ("; ".join(filters) if filters else gettext("None: every published recommendation.")),
            list_url,
        ]
    )


def calendar_lines(request, filterset):
    """The calendar file, piece by piece: its header, an event per row, its end.

    Not a generator itself: what depends on the request and its language is read here,
    before the view returns; only the rows are read and written while the response streams.
    """
    host = split_domain_port(request.get_host())[0] or request.get_host()
    query = _canonical_query(filterset)
    list_url = request.build_absolute_uri(reverse("recommendations:recommendation_list"))
    list_url = f"{list_url}?{query}" if query else list_url
    source = request.build_absolute_uri(reverse("recommendations:deadlines_ics"))
    source = f"{source}?{query}" if query else source

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = ical_text(calendar_name(filterset))
    description = ical_text(calendar_description(filterset, list_url))
    # RFC 7986's NAME and DESCRIPTION, and the X-WR- names most applications read. icalendar
    # writes an X- property verbatim unless it is told the value is TEXT, and an unescaped
    # line break there would end the property.
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", description)
    calendar.add("url", list_url)
    calendar.add("source", source)
    calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    if not head.endswith(end):  # pragma: no cover - icalendar's own layout
        raise RuntimeError("icalendar wrote a calendar that does not end with END:VCALENDAR.")
    head = head[: -len(end)]

    # Everything locale- or request-dependent is settled now: the events are written after
    # the view has returned, while the response streams.
    statuses = {value: str(label) for value, label in Status.choices}
    area_names = {str(area.pk): str(area.localized.name) for area in filterset.areas}
    labels = {
        "status": gettext("status"),
        "status_as_of": gettext("status as of"),
        "bodies": gettext("responsible bodies"),
        "areas": gettext("policy areas"),
        "target": gettext("target date"),
        "overdue": gettext("overdue"),
    }
    line_format = pgettext("calendar event description", "%(label)s: %(value)s")

    def line(key, value):
        return line_format % {"label": capfirst(labels[key]), "value": value}

    yes, no = gettext("yes"), gettext("no")
    summary_format = pgettext("calendar event", "%(code)s: %(title)s")
    link_prefix, link_suffix = public_link_parts(request)
    today = filterset.today
    # DTSTAMP: when this copy of the calendar was made (RFC 5545 3.8.7.2, with METHOD).
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)

    rows = (
        filterset.qs.filter(target_date__isnull=False)
        .order_by("target_date", "code")
        .annotate(
            title_shown=localized_expression("title"),
            body_names=joined(
                ResponsibleBody, localized_expression("organisation__name"), "organisation__name"
            ),
            # Keys, not names: a name may hold the separator. Named from `filterset.areas`.
            area_ids=joined(
                RecommendationArea, Cast("area_id", CharField()), "area__order", "area__name"
            ),
        )
        .values(
            "code",
            "title_shown",
            "status",
            "status_as_of",
            "target_date",
            "body_names",
            "area_ids",
        )
    )

    def events():
        for r in rows.iterator(chunk_size=ROWS_PER_FETCH):
            link = f"{link_prefix}{r['code']}{link_suffix}"
            status = statuses.get(r["status"], r["status"])
            # An area added since the vocabularies were read is named on the next refresh.
            areas = [
                area_names[key]
                for key in (r["area_ids"] or "").split(LIST_SEPARATOR)
                if key in area_names
            ]
            lines = [line("status", status)]
            if r["status_as_of"]:
                lines.append(line("status_as_of", r["status_as_of"].isoformat()))
            if r["body_names"]:
                lines.append(line("bodies", r["body_names"]))
            if areas:
                lines.append(line("areas", LIST_SEPARATOR.join(areas)))
            lines.append(line("target", r["target_date"].isoformat()))
            overdue = is_overdue(r["target_date"], r["status"], today)
            lines.append(line("overdue", yes if overdue else no))
            lines.append(link)
            event = Event.new(
                uid=f"{r['code']}-target-date@{host}",
                stamp=stamp,
                start=r["target_date"],
                end=r["target_date"] + datetime.timedelta(days=1),
                summary=ical_text(summary_format % {"code": r["code"], "title": r["title_shown"]}),
                description=ical_text("\n".join(lines)),
                url=link,
                status="CONFIRMED",
                # A target date is a reminder, not an appointment: it never blocks the day.
                transparency="TRANSPARENT",
            )
            if areas:
                event.add("categories", _Categories([ical_text(area) for area in areas]))
            yield event.to_ical()

    return itertools.chain([head], events(), [end])


@require_safe
@cached_public_page
def deadlines_ics(request):
    """The list's published recommendations with a target date, as a subscribable calendar."""
    filterset = RecommendationFilter(request.GET, queryset=Recommendation.objects.published())
    notes = filterset.narrowing_problems()
    if filterset.day:
        notes.append(
            gettext(
                "A calendar always shows the tracker as it stands today, so it cannot be made "
                "as the tracker stood on %(date)s: remove as_of from the address."
            )
            % {"date": filterset.day.isoformat()}
        )
    if notes:
        return refusal(request, notes)
    response = StreamingHttpResponse(calendar_lines(request, filterset), content_type=CONTENT_TYPE)
    # Inline: a calendar application subscribes to the address; a browser may still save it.
    response["Content-Disposition"] = content_disposition_header(
        False, calendar_filename(filterset)
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
