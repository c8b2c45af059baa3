"""Organisations: the bodies recommendations are addressed to and whose people attend."""

from django.contrib import admin

from recommendations.admin.common import ProtectedDeleteMixin
from recommendations.admin.history import AuditedAdmin
from recommendations.models import (
    Organisation,
)


@admin.register(Organisation)
class OrganisationAdmin(ProtectedDeleteMixin, AuditedAdmin):
    list_display = ("name", "name_ja", "short_name", "country", "sector")
    list_filter = ("country", "sector")
    search_fields = ("name", "name_ja", "short_name", "short_name_ja")
    prepopulated_fields = {"slug": ("name",)}
    fields = (
        ("name", "name_ja"),
        ("short_name", "short_name_ja"),
        "slug",
        "country",
        "sector",
        "reminder_email",
    )

    def view_on_site(self, obj):
        # Only a body that published recommendations are addressed to has a public page.
        if obj.recommendations.filter(is_published=True).exists():
            return obj.get_absolute_url()
        return None
