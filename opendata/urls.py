from django.urls import path

from . import exports, package, views

app_name = "opendata"

# The recommendations file of the package is the public export itself
# (recommendations:recommendation_csv); the other files are written here.
urlpatterns = [
    path("", views.index, name="index"),
    path("datapackage.json", package.datapackage, name="datapackage"),
    path("status-updates.csv", exports.status_updates_csv, name="status_updates_csv"),
    path("policy-areas.csv", exports.policy_areas_csv, name="policy_areas_csv"),
    path("bodies.csv", exports.bodies_csv, name="bodies_csv"),
    path("workshops.csv", exports.workshops_csv, name="workshops_csv"),
    path(
        "recommendation-areas.csv",
        exports.recommendation_areas_csv,
        name="recommendation_areas_csv",
    ),
    path(
        "recommendation-bodies.csv",
        exports.recommendation_bodies_csv,
        name="recommendation_bodies_csv",
    ),
    path(
        "recommendation-workshops.csv",
        exports.recommendation_workshops_csv,
        name="recommendation_workshops_csv",
    ),
]
