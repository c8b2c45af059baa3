"""/healthz: 200 when the database answers and nothing is left to migrate, 503 otherwise."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

# Asks /healthz through Django's test client in a process of its own, under DATABASE_URL.
ASK = """
import json
from django.test import Client
response = Client().get("/healthz", HTTP_HOST="127.0.0.1")
print(json.dumps({"status": response.status_code, "body": json.loads(response.content),
                  "cache": response["Cache-Control"]}))
"""


def ask_under(database_url, **env):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", ASK],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_healthy_is_200_and_a_few_words(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "migrations": "ok"}
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_an_unreachable_database_is_503():
    answer = ask_under("postgresql://postgres@127.0.0.1:1/tracker")
    assert answer["status"] == 503
    assert answer["body"] == {"status": "unavailable", "database": "unreachable"}
    assert "no-store" in answer["cache"]


def test_a_database_with_migrations_pending_is_503(tmp_path):
    answer = ask_under(f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}")
    assert answer["status"] == 503
    assert answer["body"]["migrations"] == "pending"


def test_production_does_not_redirect_the_health_check_to_https(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "health-test-" + "x" * 50,
        "DJANGO_SECURE_SSL_REDIRECT": "1",
        "DJANGO_ALLOWED_HOSTS": "tracker.example.org",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{database}", **env},
        check=True,
    )
    answer = ask_under(f"sqlite:///{database}", **env)
    assert answer["status"] == 200
