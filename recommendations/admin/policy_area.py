"""Policy areas: the vocabulary the public site is filtered by, in both languages."""

from django.contrib import admin

from recommendations.admin.common import ProtectedDeleteMixin
from recommendations.admin.history import AuditedAdmin
from recommendations.models import (
    PolicyArea,
)


@admin.register(PolicyArea)
class PolicyAreaAdmin(ProtectedDeleteMixin, AuditedAdmin):
    list_display = ("name", "name_ja", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name", "name_ja", "slug")
    prepopulated_fields = {"slug": ("name",)}
    # English and Japanese side by side: one row per field, one column per language.
    fields = (("name", "name_ja"), "slug", ("description", "description_ja"), "order")
