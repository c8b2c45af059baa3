from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from .health import healthz

# English at the root, the same paths in Japanese under /ja/: the language of a page comes
# from its address alone, so a shared link always opens in the language it was shared in.
urlpatterns = [
    # For machines, in no language: load balancers and the compose healthcheck.
    path("healthz", healthz, name="healthz"),
    *i18n_patterns(
        path("admin/", admin.site.urls),
        path("", include("recommendations.urls")),
        prefix_default_language=False,
    ),
]
