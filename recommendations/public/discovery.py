"""For search engines: /robots.txt and the sitemap (/sitemap.xml, see sitemaps.py).

Both live outside the language prefixes, like /healthz: one of each for the whole site, its
addresses in both languages. Absolute addresses are built from the request (scheme and
host, which ALLOWED_HOSTS has vetted), so the same code serves any host the site is
deployed on.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from recommendations.public.sitemaps import SITEMAPS

# The secretariat's workplace, in both languages, is no place for a crawler (it would
# only find the sign-in page). Everything else is public: pages, the feed and the CSV.
DISALLOWED = ("/admin/", "/ja/admin/")


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in DISALLOWED),
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_index(request):
    """One entry per page of each section's sitemap."""
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")


@require_safe
def sitemap_section(request, section):
    """One section's addresses (?p=2 and on: its further pages); 404 for no such section."""
    return sitemap_views.sitemap(request, SITEMAPS, section=section)
