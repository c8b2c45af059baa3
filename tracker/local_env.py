"""`python -m tracker.local_env`: write this clone's .env for local work, once.

`make run` calls it first. The file turns debug on, gives the clone its own random secret
key and keeps the database in var/, so that any manage.py command run by hand afterwards
works without setting a variable. An existing .env is never changed. The file is
git-ignored; production never reads one (the image sets DJANGO_READ_DOTENV=0).
"""

import secrets
import sys
from pathlib import Path

ENV_FILE = Path(__file__).resolve().parent.parent / ".env"

TEMPLATE = """\
# Local development settings for this clone, written by `make run` (never used in
# production). Variables set in the environment win over these. See .env.example.
DJANGO_DEBUG=1
DJANGO_SECRET_KEY={secret_key}
DATABASE_URL=sqlite:///var/db.sqlite3
"""


def write_local_env(path=ENV_FILE):
    """Write `path` unless it exists; True when it was written. Makes var/ for the database."""
    (path.parent / "var").mkdir(exist_ok=True)
    if path.exists():
        return False
    path.write_text(TEMPLATE.format(secret_key=secrets.token_urlsafe(50)), encoding="utf-8")
    return True


if __name__ == "__main__":
    if write_local_env():
        print(f"Local settings written to {ENV_FILE.name} (debug on, SQLite in var/).")
    sys.exit(0)
