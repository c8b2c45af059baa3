"""The sitemap: every public page, in English and in Japanese, each with its hreflang alternates.

/sitemap.xml is an index of one sitemap per section (/sitemap-<section>.xml). A section
larger than one sitemap may hold (Django's limit, the protocol's: 50,000 addresses, that is
25,000 pages in two languages) is split into pages (?p=2, ?p=3), and the index lists every
page of every section.

Only what an anonymous visitor can open: published recommendations, policy areas,
workshops, and the organisations at least one published recommendation is addressed to
(selectors.public_bodies). Never a draft, an organisation whose people only attended or that
only drafts are addressed to, nor anybody who took part. Each section reads its rows once,
in one query, whatever their number, and only the columns an address needs.
"""

from urllib.parse import quote

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language

from recommendations.links import path_around_key
from recommendations.models import PolicyArea, Recommendation, Workshop
from recommendations.selectors import public_bodies


class PublicSitemap(Sitemap):
    """Each page once per language (English at the root, Japanese under /ja/), each entry
    listing both versions and the English one as x-default."""

    i18n = True
    alternates = True
    x_default = True
    # 10,000 addresses a page (5,000 records in two languages): a sitemap page builds in
    # about two seconds, where the protocol's 50,000 would take nine.
    limit = 10_000

    def items(self):
        # The index asks a section for its number of pages and its latest change, the
        # section's own sitemap for its page of addresses: the rows are read once. (The
        # views make a new instance per request, so no request sees another's rows.)
        if not hasattr(self, "_rows"):
            self._rows = list(self.rows())
        return self._rows

    def rows(self):
        return []

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        # x-default is the English page. Django derives it by deleting the first "/en/" of
        # the address: nothing to delete here (English has no prefix), but a slug that is
        # "en" would lose its path segment. The English alternate is the right address.
        for url in urls:
            english = next(
                alternate["location"]
                for alternate in url["alternates"]
                if alternate["lang_code"] == settings.LANGUAGE_CODE
            )
            for alternate in url["alternates"]:
                if alternate["lang_code"] == "x-default":
                    alternate["location"] = english
        return urls


class StaticPagesSitemap(PublicSitemap):
    """The pages that are always there: the dashboard, the list, the indexes, the report."""

    PAGES = (
        "dashboard",
        "recommendation_list",
        "area_list",
        "body_list",
        "workshop_list",
        "report",
    )

    def rows(self):
        return self.PAGES

    def location(self, item):
        return reverse(f"recommendations:{item}")


class DetailPageSitemap(PublicSitemap):
    """One page per row: `url_name` with the row's `key` (its code or slug) as argument."""

    url_name = ""
    key = "slug"

    def __init__(self):
        self._address_parts = {}

    def location(self, item):
        # reverse() once per language, not once per row and language: a page of 25,000
        # rows would otherwise spend much of its time resolving. The key is quoted as
        # reverse() quotes it (codes and slugs need none).
        language = get_language()
        if language not in self._address_parts:
            self._address_parts[language] = path_around_key(self.url_name)
        before, after = self._address_parts[language]
        return before + quote(str(getattr(item, self.key)), safe=RFC3986_SUBDELIMS + "~:@") + after


class RecommendationSitemap(DetailPageSitemap):
    url_name = "recommendations:recommendation_detail"
    key = "code"

    def rows(self):
        return Recommendation.objects.published().only("code", "updated_at").order_by("code")

    def lastmod(self, item):
        # A status update saves its recommendation too (services.record_status_update).
        return item.updated_at


class PolicyAreaSitemap(DetailPageSitemap):
    url_name = "recommendations:area_detail"

    def rows(self):
        return PolicyArea.objects.only("slug").order_by("order", "slug")


class BodySitemap(DetailPageSitemap):
    url_name = "recommendations:body_detail"

    def rows(self):
        return public_bodies().only("slug").order_by("slug")


class WorkshopSitemap(DetailPageSitemap):
    url_name = "recommendations:workshop_detail"

    def rows(self):
        # Only the slug: a meeting's private notes are never read for the public.
        return Workshop.objects.only("slug").order_by("-start_date", "slug")


# Classes, not instances: the sitemap views make a fresh one for each request.
SITEMAPS = {
    "pages": StaticPagesSitemap,
    "recommendations": RecommendationSitemap,
    "areas": PolicyAreaSitemap,
    "bodies": BodySitemap,
    "workshops": WorkshopSitemap,
}
