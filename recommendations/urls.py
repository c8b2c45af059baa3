from django.urls import path

from . import exports, feeds, views

app_name = "recommendations"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("updates.atom", feeds.LatestUpdatesFeed(), name="updates_feed"),
    path("recommendations/", views.recommendation_list, name="recommendation_list"),
    path("recommendations/export.csv", exports.recommendation_csv, name="recommendation_csv"),
    path("recommendations/<str:code>/", views.recommendation_detail, name="recommendation_detail"),
    path("areas/", views.area_list, name="area_list"),
    path("areas/<slug:slug>/", views.area_detail, name="area_detail"),
    path("workshops/", views.workshop_list, name="workshop_list"),
    path("workshops/<slug:slug>/", views.workshop_detail, name="workshop_detail"),
]
