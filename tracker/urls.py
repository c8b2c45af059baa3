from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from recommendations.public.discovery import robots_txt, sitemap_index, sitemap_section

from .health import healthz

# English at the root, the same paths in Japanese under /ja/: the language of a page comes
# from its address alone, so a shared link always opens in the language it was shared in.
urlpatterns = [
    # For machines, in no language: load balancers and the compose healthcheck.
    path("healthz", healthz, name="healthz"),
    # For crawlers, one of each for the site: the sitemap lists both languages' addresses.
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    *i18n_patterns(
        path("admin/", admin.site.urls),
        path("", include("recommendations.urls")),
        path("api/v1/", include("api.urls")),
        path("data/", include("opendata.urls")),
        path("", include("notifications.urls")),
        prefix_default_language=False,
    ),
]
