from django.urls import path

from recommendations.exports import atom_feed, calendar_feed, csv_views
from recommendations.exports.report_csv import progress_report_csv
from recommendations.exports.workbook import recommendation_xlsx
from recommendations.page_cache import cached_public_page
from recommendations.public import views
from recommendations.public.body_views import body_detail, body_list
from recommendations.public.report_views import progress_report

app_name = "recommendations"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # Feed readers poll: kept in the page cache between writes like the pages.
    path("updates.atom", cached_public_page(atom_feed.LatestUpdatesFeed()), name="updates_feed"),
    path("deadlines.ics", calendar_feed.deadlines_ics, name="deadlines_ics"),
    path("recommendations/", views.recommendation_list, name="recommendation_list"),
    path("recommendations/export.csv", csv_views.recommendation_csv, name="recommendation_csv"),
    path("recommendations/export.xlsx", recommendation_xlsx, name="recommendation_xlsx"),
    path("recommendations/<str:code>/", views.recommendation_detail, name="recommendation_detail"),
    path("areas/", views.area_list, name="area_list"),
    path("areas/<slug:slug>/", views.area_detail, name="area_detail"),
    path("bodies/", body_list, name="body_list"),
    path("bodies/<slug:slug>/", body_detail, name="body_detail"),
    path("workshops/", views.workshop_list, name="workshop_list"),
    path("workshops/<slug:slug>/", views.workshop_detail, name="workshop_detail"),
    path("report/", progress_report, name="report"),
    path("report/export.csv", progress_report_csv, name="report_csv"),
]
