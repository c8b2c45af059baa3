from django.urls import path, re_path

from . import docs, views
from .not_found import NotFound

app_name = "api"

urlpatterns = [
    path("", views.Index.as_view(), name="index"),
    path("recommendations/", views.RecommendationList.as_view(), name="recommendation-list"),
    path(
        "recommendations/<str:code>/",
        views.RecommendationDetail.as_view(),
        name="recommendation-detail",
    ),
    path("areas/", views.AreaList.as_view(), name="area-list"),
    path("areas/<slug:slug>/", views.AreaDetail.as_view(), name="area-detail"),
    path("bodies/", views.BodyList.as_view(), name="body-list"),
    path("bodies/<slug:slug>/", views.BodyDetail.as_view(), name="body-detail"),
    path("workshops/", views.WorkshopList.as_view(), name="workshop-list"),
    path("workshops/<slug:slug>/", views.WorkshopDetail.as_view(), name="workshop-detail"),
    path("status-updates/", views.StatusUpdateList.as_view(), name="status-update-list"),
    path(
        "status-updates/<int:pk>/",
        views.StatusUpdateDetail.as_view(),
        name="status-update-detail",
    ),
    path("schema/", docs.Schema.as_view(), name="schema"),
    path("docs/", docs.Docs.as_view(), name="docs"),
    # Last: anything else under /api/v1/ is a JSON 404, not the site's HTML page.
    re_path(r"^.*$", NotFound.as_view(), name="not-found"),
]
