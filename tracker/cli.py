"""`manage.py` as an operator meets it: a database that cannot be reached is one clear line.

Any command (ours or Django's) that fails on the database prints what failed and where,
in the terminal's language, and exits 1, instead of a page of traceback. `--traceback`
still shows the whole trace.
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError


def database_location(settings_dict):
    """Where the database is, without credentials: a file, or host:port/name."""
    if "sqlite" in settings_dict["ENGINE"]:
        return str(settings_dict["NAME"])
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT")
    return f"{host}{':' + port if port else ''}/{settings_dict['NAME']}"


def run(argv):
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv)
    except (OperationalError, InterfaceError, DatabaseError) as error:
        if "--traceback" in argv:
            raise
        sys.stderr.write(database_error_line(error) + "\n")
        sys.exit(1)


def database_error_line(error):
    from django.conf import settings
    from django.utils import translation
    from django.utils.translation import gettext as _

    from recommendations.management.language import terminal_language

    detail = next((line.strip() for line in str(error).splitlines() if line.strip()), "")
    with translation.override(terminal_language()):
        return _("Database error at %(where)s: %(detail)s") % {
            "where": database_location(settings.DATABASES["default"]),
            "detail": detail or error.__class__.__name__,
        }
