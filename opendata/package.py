"""/data/datapackage.json: the Frictionless Data Package describing the open data files.

Tabular Data Package, version 1 of the specification (what most readers implement):
every resource a CSV file at an absolute address, with a Table Schema giving each column's
type and constraints, the primary key and the foreign keys between the files. Titles and
descriptions are in the address's language; names, addresses and values are the same on
every address (schema.py).
"""

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from .schema import FALSE_VALUES, RESOURCES, TRUE_VALUES, english_labels

NAME = "track15-recommendations"
# The layout's version, not the data's: raise it when a file or column is added, renamed
# or changes meaning (the major number when a reader's script could break).
VERSION = "1.0.0"


def licenses():
    """The licence the operator set (settings.OPEN_DATA_LICENSE_*), or none if unset."""
    license = {
        "name": settings.OPEN_DATA_LICENSE_NAME,
        "title": settings.OPEN_DATA_LICENSE_TITLE,
        "path": settings.OPEN_DATA_LICENSE_URL,
    }
    license = {key: value for key, value in license.items() if value}
    # The specification needs a name or a path; a title alone names nothing.
    return [license] if license.keys() & {"name", "path"} else []


def field(column):
    descriptor = {
        "name": column.header,
        "type": column.type,
        "description": str(column.description),
    }
    if column.format:
        descriptor["format"] = column.format
    if column.type == "boolean":
        descriptor["trueValues"] = list(TRUE_VALUES)
        descriptor["falseValues"] = list(FALSE_VALUES)
    constraints = {}
    if column.required:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if column.choices:
        constraints["enum"] = list(english_labels(column.choices).values())
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def table_schema(resource):
    schema = {
        "fields": [field(column) for column in resource.columns],
        # An empty cell is a missing value; the files write nothing else for one.
        "missingValues": [""],
        "primaryKey": list(resource.primary_key),
    }
    if resource.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": [key.column],
                "reference": {"resource": key.resource, "fields": [key.reference]},
            }
            for key in resource.foreign_keys
        ]
    return schema


def resource_descriptor(request, resource):
    return {
        "name": resource.name,
        "title": str(resource.title),
        "description": str(resource.description),
        "profile": "tabular-data-resource",
        "path": resource.url(request),
        "format": "csv",
        "mediatype": "text/csv",
        # Written with a byte-order mark, so Excel reads Japanese correctly; readers of
        # UTF-8 skip it.
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
        "schema": table_schema(resource),
    }


def descriptor(request):
    """The package as a dict: no database query, the files are read by whoever follows it."""
    homepage = request.build_absolute_uri(reverse("opendata:index"))
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "id": request.build_absolute_uri(reverse("opendata:datapackage")),
        "title": gettext("Australia–Japan Track 1.5 recommendations"),
        "description": gettext(
            "The published recommendations of the Australia–Japan Track 1.5 "
            "economic-security dialogue, their implementation log, and the policy areas, "
            "responsible bodies and meetings they belong to. Who took part in the meetings "
            "is never published (Chatham House Rule)."
        ),
        "homepage": homepage,
        "version": VERSION,
        "created": timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "keywords": ["Australia", "Japan", "Track 1.5", "economic security", "recommendations"],
        "licenses": licenses(),
        "resources": [resource_descriptor(request, resource) for resource in RESOURCES],
    }


@require_safe
def datapackage(request):
    return JsonResponse(descriptor(request), json_dumps_params={"ensure_ascii": False, "indent": 2})
