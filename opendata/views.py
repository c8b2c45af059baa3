"""/data/: what the open data holds, its licence, every file and column, and how to load it.

The page is written from the same description as the data package (schema.py), so it can
never document a column the files do not have. It reads nothing from the database.
"""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_safe

from .package import VERSION
from .schema import RECOMMENDATIONS, RESOURCES, STATUS_UPDATES, english_labels

# A reader's words for the Table Schema types (format "uri" is named separately).
TYPE_NAMES = {
    "string": pgettext_lazy("column type", "text"),
    "integer": _("whole number"),
    "date": _("date"),
    "datetime": _("date and time"),
    "boolean": _("yes or no"),
}
WEB_ADDRESS = _("web address")


@dataclass
class DocumentedColumn:
    name: str
    kind: str
    description: str
    required: bool
    unique: bool
    key: bool
    values: list
    references: list  # [ForeignKey]


@dataclass
class DocumentedFile:
    name: str
    title: str
    description: str
    filename: str
    url: str
    columns: list
    compound_key: bool


def documented(request, resource):
    return DocumentedFile(
        name=resource.name,
        title=resource.title,
        description=resource.description,
        filename=resource.filename,
        url=resource.url(request),
        compound_key=len(resource.primary_key) > 1,
        columns=[
            DocumentedColumn(
                name=column.header,
                kind=WEB_ADDRESS if column.format == "uri" else TYPE_NAMES[column.type],
                description=column.description,
                required=column.required,
                unique=column.unique,
                key=column.header in resource.primary_key,
                values=list(english_labels(column.choices).values()) if column.choices else [],
                references=[k for k in resource.foreign_keys if k.column == column.header],
            )
            for column in resource.columns
        ],
    )


def api_url():
    """The JSON API's front page once the api app names it; until then no link (a link
    to an address that answers 404 helps nobody)."""
    for name in ("api:root", "api:api-root"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def _japanese_export_url():
    with translation.override("ja"):
        return reverse("recommendations:recommendation_csv")


@require_safe
def index(request):
    files = [documented(request, resource) for resource in RESOURCES]
    package_url = request.build_absolute_uri(reverse("opendata:datapackage"))
    return render(
        request,
        "opendata/index.html",
        {
            "section": "data",
            "files": files,
            "package_url": package_url,
            "package_version": VERSION,
            "license": {
                "name": settings.OPEN_DATA_LICENSE_NAME,
                "title": settings.OPEN_DATA_LICENSE_TITLE or settings.OPEN_DATA_LICENSE_NAME,
                "url": settings.OPEN_DATA_LICENSE_URL,
            },
            "example": {
                "recommendations": RECOMMENDATIONS.url(request),
                "status_updates": STATUS_UPDATES.url(request),
            },
            "japanese_export_url": _japanese_export_url(),
            "api_url": api_url(),
        },
    )
