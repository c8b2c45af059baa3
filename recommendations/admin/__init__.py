"""The secretariat's workplace: every model of the tracker, edited in the Django admin.

Who may do what is decided by permissions alone (the Secretariat group, created by
migration 0002); a staff account outside the group sees nothing. One module per admin;
importing each registers it.
"""

from django.contrib import admin
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from recommendations.admin import (  # noqa: F401 - each registers its admin
    organisation,
    participant,
    policy_area,
    recommendation,
    status_update,
    workshop,
)

# Officers should see whose workplace this is, not the framework's name.
admin.site.site_header = _("Track 1.5 Recommendations Tracker")
admin.site.site_title = _("Track 1.5 Tracker admin")
admin.site.index_title = _("Secretariat workplace")
# "View site" opens the public site in the admin's language (/ja/ from /ja/admin/).
admin.site.site_url = reverse_lazy("recommendations:dashboard")
# The navigation sidebar squeezed every list between itself and the filters: the admin home
# and the breadcrumbs lead everywhere it did.
admin.site.enable_nav_sidebar = False
