from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("follow/", views.follow, name="follow"),
    path("follow/sent/", views.follow_sent, name="follow_sent"),
    path("follow/confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("reminders/stop/<str:token>/", views.stop_reminders, name="stop_reminders"),
]
