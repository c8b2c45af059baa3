"""Atom feed of public status updates, optionally narrowed like the list (e.g. ?area=slug)."""

import datetime
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from recommendations.models import Recommendation
from recommendations.public.filters import RecommendationFilter
from recommendations.selectors import latest_updates

FEED_LENGTH = 50


class PlainTextSummaryAtomFeed(Atom1Feed):
    """Atom whose entry summaries are `type="text"`: stored text is never markup to a reader.

    Django writes `type="html"`, which tells a feed reader to render the (escaped) text as
    HTML: a summary holding `<img onerror=…>` would then run in a reader that does not
    sanitise. As text, every reader shows it literally.
    """

    def add_item_elements(self, handler, item):
        summary = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})


def _areas(filterset):
    filterset.errors  # noqa: B018 - validates the form so cleaned_data exists
    return filterset.form.cleaned_data.get("area") or []


class LatestUpdatesFeed(Feed):
    feed_type = PlainTextSummaryAtomFeed
    title = gettext_lazy("Track 1.5 recommendations: latest status updates")
    subtitle = gettext_lazy(
        "Public implementation updates on the published recommendations of the "
        "Australia–Japan Track 1.5 dialogue."
    )

    def get_object(self, request, *args, **kwargs):
        # The list's FilterSet reads the query string: same vocabulary, same validation,
        # unknown values dropped, so a feed URL means what the list URL with it means.
        return RecommendationFilter(request.GET, queryset=Recommendation.objects.published())

    def link(self, filterset):
        areas = _areas(filterset)
        if len(areas) == 1:
            return reverse("recommendations:area_detail", args=[areas[0]])
        return reverse("recommendations:dashboard")

    def feed_url(self, filterset):
        # Rebuilt from the cleaned areas, never echoed from the raw query string.
        query = urlencode([("area", slug) for slug in _areas(filterset)])
        return reverse("recommendations:updates_feed") + (f"?{query}" if query else "")

    def items(self, filterset):
        return latest_updates(FEED_LENGTH, recommendations=filterset.qs)

    def item_title(self, item):
        return _("%(code)s: %(status)s") % {
            "code": item.recommendation.code,
            "status": item.get_status_display(),
        }

    def item_description(self, item):
        # In the feed's language where written, else the other one (the feed says which it is in).
        return item.localized.summary or item.recommendation.localized.title

    def item_link(self, item):
        return f"{item.recommendation.get_absolute_url()}#update-{item.pk}"

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.as_of, datetime.time()))

    def item_updateddate(self, item):
        return item.recorded_at
