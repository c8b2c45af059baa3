"""The secretariat's admin: one module per admin, importing each registers it."""

from recommendations.admin import registry  # noqa: F401 - registers the admins
