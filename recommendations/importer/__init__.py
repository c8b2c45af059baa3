"""Import recommendations and status changes from a spreadsheet (CSV).

One service for the admin page and the management command:

    plan = plan_import(data)            # decode, parse, validate, compare: writes nothing
    summary = commit_import(data, user=user)   # the same, then all of it in one transaction

A plan with any problem cannot be committed. Importing the same file twice
changes nothing the second time; a new status (or as-of date) appends one
status update; nothing is ever deleted.
"""

from recommendations.importer.outcomes import (
    ImportPlan,
    ImportRefused,
    ImportSummary,
    PlanChanged,
    Problem,
)
from recommendations.importer.planning import plan_import
from recommendations.importer.reading import too_large_message
from recommendations.importer.writing import IMPORT_LABEL, commit_import

__all__ = [
    "IMPORT_LABEL",
    "ImportPlan",
    "ImportRefused",
    "ImportSummary",
    "PlanChanged",
    "Problem",
    "commit_import",
    "plan_import",
    "too_large_message",
]
