"""Production hardening: `check --deploy` is clean and a public page carries the security headers.

Tests run with DJANGO_DEBUG=1, so the production settings are computed in a subprocess under
the production environment and then applied here with override_settings.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import PASSWORD

BASE_DIR = Path(__file__).resolve().parents[2]

# What production computes differently from a laptop: everything the headers depend on.
PRODUCTION_SETTINGS = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_REFERRER_POLICY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "SESSION_COOKIE_AGE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
    "STORAGES",
]


def production_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="tracker.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        DJANGO_SETTINGS_MODULE="tracker.settings",
    )
    env.update(extra)
    return env


def run_python(args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def settings_under(env):
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {PRODUCTION_SETTINGS!r}}}))"
    )
    result = run_python(["-c", script], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    values = settings_under(production_env(tmp_path_factory.mktemp("prod")))
    values["SECURE_PROXY_SSL_HEADER"] = (
        tuple(values["SECURE_PROXY_SSL_HEADER"]) if values["SECURE_PROXY_SSL_HEADER"] else None
    )
    values["ALLOWED_HOSTS"] = ["tracker.example.org"]
    return values


def applicable(production):
    """The production values to run a request under; static storage stays the test one,
    because the hashed manifest only exists after collectstatic."""
    return {name: value for name, value in production.items() if name != "STORAGES"}


@pytest.mark.parametrize("proxy", ["", "HTTP_X_FORWARDED_PROTO"])
def test_check_deploy_reports_nothing_in_production(tmp_path, proxy):
    env = production_env(
        tmp_path, DJANGO_SECURE_PROXY_SSL_HEADER=proxy, EMAIL_HOST="smtp.example.org"
    )
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


def test_proxy_ssl_header_comes_from_the_environment(tmp_path):
    without = settings_under(production_env(tmp_path))
    behind = settings_under(
        production_env(tmp_path, DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO")
    )
    assert without["SECURE_PROXY_SSL_HEADER"] is None
    assert behind["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_serves_compressed_hashed_static_files(production):
    assert (
        production["STORAGES"]["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_content_security_policy_allows_nothing_inline(production):
    directives = production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    for sources in directives.values():
        if isinstance(sources, list):
            assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(sources)
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["base-uri"] == ["'self'"]


def get_securely(production, url, **extra):
    with override_settings(**applicable(production)):
        # A new client loads the middleware under the production values.
        return Client(HTTP_HOST="tracker.example.org").get(url, secure=True, **extra)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["admin:login", "recommendations:dashboard"])
def test_a_public_page_carries_the_security_headers(production, url_name):
    response = get_securely(production, reverse(url_name))
    hsts = response.headers["Strict-Transport-Security"]
    assert re.fullmatch(r"max-age=(\d+); includeSubDomains; preload", hsts)
    assert int(hsts.split("=")[1].split(";")[0]) >= 31536000
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for directive in (
        "default-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
        "upgrade-insecure-requests",
    ):
        assert directive in csp
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()"):
        assert feature in permissions


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(production):
    with override_settings(**applicable(production)):
        response = Client(HTTP_HOST="tracker.example.org").get("/admin/login/")
    assert response.status_code == 301
    assert response.headers["Location"] == "https://tracker.example.org/admin/login/"


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_scheme_counts_as_https(production):
    behind = {
        **applicable(production),
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    }
    with override_settings(**behind):
        response = Client(HTTP_HOST="tracker.example.org").get(
            "/admin/login/", HTTP_X_FORWARDED_PROTO="https"
        )
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response.headers


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_secure_httponly_and_end_with_the_browser(production, officer):
    with override_settings(**applicable(production)):
        client = Client(HTTP_HOST="tracker.example.org")
        client.get(reverse("admin:login"), secure=True)
        response = client.post(
            reverse("admin:login"),
            {"username": officer.username, "password": PASSWORD},
            secure=True,
        )
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = response.cookies[name]
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"
    # No expiry date on the cookie: it ends when the browser closes; the server forgets the
    # session after SESSION_COOKIE_AGE in any case.
    assert response.cookies["sessionid"]["expires"] == ""
    assert response.cookies["sessionid"]["max-age"] == ""
    assert production["SESSION_COOKIE_AGE"] <= 12 * 60 * 60


def test_weak_passwords_are_refused():
    for weak in ("password", "12345678", "short"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("correct horse battery staple 2025")


INLINE_CODE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I), "script"),
    (re.compile(r"\sstyle=", re.I), "style attribute"),
    (re.compile(r"<style", re.I), "style element"),
    (re.compile(r"\son[a-z]+=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


EMAIL_TEMPLATES = BASE_DIR / "templates" / "notifications" / "email"


def test_no_template_of_ours_needs_unsafe_inline():
    """The CSP blocks inline script and style: a template that used them would break.

    Emails are the exception for style attributes only: a mail client applies no CSP of
    ours, drops <style> elements, and reads layout from style attributes alone.
    """
    found = []
    for template in sorted((BASE_DIR / "templates").rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE_CODE:
            if template.is_relative_to(EMAIL_TEMPLATES) and what == "style attribute":
                continue
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{template.relative_to(BASE_DIR)}:{line}: {what}")
    assert found == []


def test_a_trial_over_plain_http_does_not_upgrade_its_own_requests(tmp_path):
    plain = settings_under(production_env(tmp_path, DJANGO_SECURE_SSL_REDIRECT="0"))
    assert plain["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["upgrade-insecure-requests"] is False


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("login_path", "next_url", "landing"),
    [
        ("/admin/login/", "https://evil.example/", "/admin/"),
        ("/admin/login/", "//evil.example/path", "/admin/"),
        ("/ja/admin/login/", "https://evil.example/", "/ja/admin/"),
        ("/admin/login/", "/admin/recommendations/", "/admin/recommendations/"),
    ],
)
def test_sign_in_with_an_unsafe_next_lands_on_the_admin_index(
    client, officer, login_path, next_url, landing
):
    response = client.post(
        login_path,
        {"username": officer.username, "password": PASSWORD, "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == landing
