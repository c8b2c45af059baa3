from django.contrib.admin.apps import AdminConfig


class TrackerAdminConfig(AdminConfig):
    """django.contrib.admin with the tracker's own site (tracker/admin_site.py)."""

    default_site = "tracker.admin_site.TrackerAdminSite"
