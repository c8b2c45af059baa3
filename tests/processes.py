"""The project's own commands run as an operator runs them: in a process of their own."""

import os
import subprocess
import sys

from django.conf import settings


def manage(*args, database_url, lang="C.UTF-8"):
    """`python manage.py ARGS` against `database_url`, in the terminal language `lang`."""
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")},
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "1",
        "LANG": lang,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
