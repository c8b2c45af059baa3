"""Settings for the Track 1.5 Recommendations Tracker.

One module for every environment: everything that differs between a laptop and
production comes from environment variables (see README, "Configuration").
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


def env_list(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


# Server settings sent with every PostgreSQL connection (libpq's `options`) unless the URL
# gives its own. JIT compilation is off: the tracker's queries read at most a few hundred
# thousand narrow rows, where compiling them costs more than it saves (at 100,000
# recommendations, 0.5 s of a 1 s facet count on a past date, by EXPLAIN ANALYZE). Sorts
# and groupings get 32 MB before spilling to disk (4 MB by default): the facet count on a
# past date groups 100,000 rows, 130 ms faster in memory.
POSTGRESQL_SERVER_OPTIONS = "-c jit=off -c work_mem=32MB"


def database_from_url(url):
    """Turn DATABASE_URL into a DATABASES entry: sqlite:///path or postgresql://user:pw@host:port/db."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        # sqlite:///var/x.sqlite3 is relative to the project, sqlite:////srv/x.sqlite3 absolute.
        path = unquote(parts.path).lstrip("/")
        if path and url.startswith("sqlite:////"):
            path = "/" + path
        if not path:
            raise ImproperlyConfigured(
                "DATABASE_URL names no SQLite file, e.g. sqlite:///var/db.sqlite3"
            )
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path if Path(path).is_absolute() else str(BASE_DIR / path),
            "OPTIONS": {
                # Several editors at once: a transaction takes the write lock when it
                # begins, so a second writer waits its turn (up to the timeout) instead
                # of failing with "database is locked" when it upgrades from reading.
                "transaction_mode": "IMMEDIATE",
                "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
                # Readers never wait for a writer; NORMAL is durable in WAL mode at a
                # fraction of FULL's fsyncs.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    if parts.scheme in {"postgres", "postgresql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured("DATABASE_URL names no PostgreSQL database")
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured("DATABASE_URL has a port that is not a number") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(port or ""),
            "OPTIONS": {"options": POSTGRESQL_SERVER_OPTIONS, **dict(parse_qsl(parts.query))},
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL must start with sqlite:// or postgresql://; got {parts.scheme or url!r}"
    )


# A clone's own configuration: `make run` writes a git-ignored .env (debug on, a random local
# key, SQLite) so that every manage.py command works there. Variables set in the
# environment win. The Docker image and the test suite switch it off (DJANGO_READ_DOTENV=0):
# production is configured by its environment alone.
if env_bool("DJANGO_READ_DOTENV", True):
    load_dotenv(BASE_DIR / ".env", override=False)

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production (DJANGO_DEBUG=0) refuses to start "
            "without one; for local work run `make run` once (it writes a .env with one)."
        )
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"

LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
# Loopback names always: the container's own healthcheck asks http://127.0.0.1/healthz.
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", LOOPBACK_HOSTS)
ALLOWED_HOSTS += [host for host in LOOPBACK_HOSTS if host not in ALLOWED_HOSTS]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "tracker.apps.TrackerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    # The Swagger UI files of /api/v1/docs/, served by this site (no CDN).
    "drf_spectacular_sidecar",
    "recommendations",
    # Each depends on recommendations, never the other way round.
    "api",
    "opendata",
    "notifications",
]

MIDDLEWARE = [
    # Outermost, so a request past its deadline still gets the site's own error page.
    "tracker.middleware.RequestDeadlineMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware, as django-cors-headers requires.
    "corsheaders.middleware.CorsMiddleware",
    "csp.middleware.CSPMiddleware",
    "tracker.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the signed-in user on every historical row written during the request.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tracker.context_processors.language_choice",
            ],
        },
    },
]

WSGI_APPLICATION = "tracker.wsgi.application"

DATABASES = {"default": database_from_url(env_str("DATABASE_URL", "sqlite:///var/db.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Two indexes carry extra columns for PostgreSQL's index-only scans (INCLUDE); SQLite,
# the embedded default, builds them without, which is all this warning says.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# Staff sign in only through the admin: a refused `next` (another site) lands on its index,
# in the language of the address signed in at.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Public pages kept between writes (recommendations/page_cache.py): a write anywhere makes
# every page fresh again. 0 turns it off. The pages live in the database, so every worker
# and every replica shares them: a page is built once per write, not once per process.
# (The table is created by migrate.)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "page_cache",
        # Pages of 50-150 kB each: a few hundred megabytes at most.
        "OPTIONS": {"MAX_ENTRIES": 3000},
    },
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ja", _("Japanese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each language's readers write them: 30 Jun 2026 and 2026年6月30日.
FORMAT_MODULE_PATH = ["tracker.formats"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Australia/Sydney")
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# collectstatic writes here; the container and the deployment tests point it elsewhere.
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Behind a TLS-terminating proxy, set DJANGO_SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO.
_proxy_header = env_str("DJANGO_SECURE_PROXY_SSL_HEADER")
SECURE_PROXY_SSL_HEADER = (_proxy_header, "https") if _proxy_header else None

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# A load balancer checks health over plain HTTP inside the network: no redirect for it.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 8 * 60 * 60)
# A staff session on a shared office machine must not outlive the browser.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# No JavaScript of ours reads the CSRF cookie: the admin's forms carry the token.
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Content-Security-Policy (django-csp 4): our own files only, no inline script or style
# anywhere, so an injected <script> or style attribute does nothing.
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
        # Only where the site insists on HTTPS: a trial over plain http must still load.
        "upgrade-insecure-requests": SECURE_SSL_REDIRECT,
    }
}

# Browser features this site never uses, switched off for it and anything it embeds
# (sent by tracker.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Backups (dumpdata/loaddata as JSON) keep timestamps to the microsecond.
SERIALIZATION_MODULES = {"json": "recommendations.exact_json"}

# The audit trail (django-simple-history) is a record, never an undo button.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Failed-login throttling (django-axes): five wrong passwords for one username from one
# address lock that pair out for a cool-off period; a successful login clears the count.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "tracker.lockout.locked_out"
# The client's address (tracker/client_address.py): REMOTE_ADDR when clients connect
# directly; behind TRUSTED_PROXY_COUNT proxies that append to X-Forwarded-For, the address
# the first of them received from, so every client behind one proxy is counted on its own.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "tracker.client_address.client_address"

# A request still running after this many seconds is ended with the site's error page;
# gunicorn's own --timeout (gunicorn.conf.py) is longer, so it never has to kill a worker.
REQUEST_DEADLINE_SECONDS = env_int("REQUEST_DEADLINE_SECONDS", 90)

# Upload limits for the spreadsheet import (bytes and rows).
# 10,000 rows of a meeting's outcomes (about 6 MB) preview in about a second and commit in
# about ten on PostgreSQL: well inside the server's request timeout (gunicorn.conf.py).
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 16 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 10_000)
# The preview page carries the file (compressed, signed) to its commit: a form must be
# able to hold the largest file that may be imported, even one that compresses poorly.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(2_621_440, IMPORT_MAX_BYTES * 3 // 2)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    # django-axes logs every sign-in at INFO; lockouts (WARNING) are what an operator needs.
    "loggers": {"axes": {"level": env_str("AXES_LOG_LEVEL", "WARNING")}},
}

# Open data may be read by any site's scripts (GET only, no cookies): the API, the data
# package and the machine-readable exports of the public pages.
CORS_URLS_REGEX = r"^/(ja/)?(api/|data/|recommendations/export\.|deadlines\.ics|updates\.atom)"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# The JSON API (api/): read-only and public. No sign-in of any kind (no session, no cookie
# read, no CSRF): every client is anonymous and sees exactly what the public pages show.
# Always JSON (api/base.py): a ?format= or an Accept header asking for something else
# changes nothing; the OpenAPI document alone also speaks YAML.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousRateThrottle"],
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
}
# A script on another site may read these too (the rest are readable anyway): to send
# the ETag back, and to wait as long as a 429 says.
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
# Requests per client address (tracker/client_address.py), e.g. "120/min", "5000/hour".
# Counted in a table of the database (API_THROTTLE_CACHE, created by migrate) so that every
# gunicorn worker and replica counts together; the in-process default cache would not.
API_ANON_RATE = env_str("API_ANON_RATE", "120/min")
_requests, _slash, _period = API_ANON_RATE.partition("/")
if not (_requests.isdigit() and _period[:1] in ("s", "m", "h", "d")):
    raise ImproperlyConfigured(
        f"API_ANON_RATE must be a number of requests per s, min, hour or day, e.g. 120/min; "
        f"got {API_ANON_RATE!r}"
    )
API_THROTTLE_CACHE = "api_throttle"
CACHES[API_THROTTLE_CACHE] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "api_throttle",
    # One small row per client address seen lately; every request counts the rows, so
    # the table is kept small (past this, the expired rows and then a third are dropped).
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Track 1.5 Recommendations Tracker API",
    "DESCRIPTION": _(
        "Read-only public data of the Australia–Japan Track 1.5 recommendations tracker: "
        "published recommendations with their status timelines, policy areas, meetings, "
        "responsible bodies and public status updates. No account is needed.\n\n"
        "Language: under /ja/api/v1/, or with Accept-Language: ja, labels and content are "
        "in Japanese where written (else in English); Content-Language says which.\n\n"
        "Changes: every answer carries an ETag and a Last-Modified; send them back "
        "(If-None-Match, If-Modified-Since) to get 304 Not Modified until the data changes. "
        "Lists come in numbered pages with next and previous links and a total count.\n\n"
        "Limits: requests per client address are limited (429 with Retry-After beyond)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["api.schema.only_this_api"],
    "ENUM_NAME_OVERRIDES": {"StatusEnum": "recommendations.choices.Status"},
    # Swagger UI's files come from this site (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "defaultModelsExpandDepth": 0},
}

# The licence the open data is published under (opendata/: the data package and /data/).
OPEN_DATA_LICENSE_NAME = env_str("OPEN_DATA_LICENSE_NAME", "CC-BY-4.0")
OPEN_DATA_LICENSE_TITLE = env_str(
    "OPEN_DATA_LICENSE_TITLE", "Creative Commons Attribution 4.0 International"
)
OPEN_DATA_LICENSE_URL = env_str(
    "OPEN_DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/"
)

# Email (notifications/). With EMAIL_HOST set, mail goes to that SMTP server; without it,
# each message is written to a file under var/mail/, so a local demo needs no mail server.
# Links in emails point at SITE_URL: a command run by cron has no request to take it from.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Track 1.5 Recommendations Tracker <tracker@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = Path(env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail")))

# An unconfirmed sign-up is deleted after this many days, with its address.
NOTIFICATIONS_CONFIRMATION_DAYS = env_int("NOTIFICATIONS_CONFIRMATION_DAYS", 7)
# Messages sent per SMTP connection, and the most send_notifications holds in memory.
NOTIFICATIONS_BATCH_SIZE = env_int("NOTIFICATIONS_BATCH_SIZE", 100)
# A message the mail server keeps refusing is given up after this many tries (it stays in
# the admin with the server's answer); a server that cannot be reached costs no try.
NOTIFICATIONS_MAX_ATTEMPTS = env_int("NOTIFICATIONS_MAX_ATTEMPTS", 8)
# The secretariat's weekly chase list goes out on the first run on or after this weekday
# (0 = Monday), and lists target dates up to this many days ahead as well as those passed.
NOTIFICATIONS_REMINDER_WEEKDAY = env_int("NOTIFICATIONS_REMINDER_WEEKDAY", 0)
NOTIFICATIONS_REMINDER_DAYS_AHEAD = env_int("NOTIFICATIONS_REMINDER_DAYS_AHEAD", 30)
# Sign-ups accepted from one client address per hour, and confirmation emails sent to one
# address per day (so the form cannot be used to flood someone's inbox).
NOTIFICATIONS_SIGN_UPS_PER_HOUR = env_int("NOTIFICATIONS_SIGN_UPS_PER_HOUR", 10)
NOTIFICATIONS_CONFIRMATIONS_PER_DAY = env_int("NOTIFICATIONS_CONFIRMATIONS_PER_DAY", 3)
