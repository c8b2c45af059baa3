"""The admin site of the tracker: its home lists the dialogue's records in the order of the
work, and the audit trail (the historical tables) in a section of its own below them."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# The records of the dialogue, in the order an officer works through them after a meeting.
WORK_ORDER = (
    "Recommendation",
    "StatusUpdate",
    "Workshop",
    "Participant",
    "Organisation",
    "PolicyArea",
)


class TrackerAdminSite(admin.AdminSite):
    def get_app_list(self, request, app_label=None):
        app_list = []
        for app in super().get_app_list(request, app_label):
            if app["app_label"] != "recommendations":
                app_list.append(app)
                continue
            records = [m for m in app["models"] if not m["object_name"].startswith("Historical")]
            trail = [m for m in app["models"] if m["object_name"].startswith("Historical")]
            records.sort(key=lambda m: _position(m["object_name"]))
            app_list.insert(0, {**app, "models": records})
            if trail:
                app_list.append(
                    {
                        **app,
                        "name": _("Audit trail"),
                        "app_label": "recommendations_audit_trail",
                        "models": trail,
                    }
                )
        return app_list


def _position(object_name):
    return WORK_ORDER.index(object_name) if object_name in WORK_ORDER else len(WORK_ORDER)
