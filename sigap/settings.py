"""SIGAP settings, read from the environment (see docs/configuration.md).

SIGAP_ENV selects the profile: development (default), production or test.
"""

from __future__ import annotations

import zoneinfo
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from sigap.env import (
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    parse_key,
    parse_key_ring,
)
from sigap.keys import development_secrets, test_secrets

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent

SIGAP_ENV = env_choice("SIGAP_ENV", ("development", "production", "test"), "development")
PRODUCTION = SIGAP_ENV == "production"
TESTING = SIGAP_ENV == "test"

VAR_DIR = Path(env_str("SIGAP_VAR_DIR", str(BASE_DIR / "var"))).resolve()


if PRODUCTION:
    _secret_defaults: dict[str, str] = {}
elif TESTING:
    _secret_defaults = test_secrets()
else:
    _secret_defaults = development_secrets(VAR_DIR)


def _secret(name: str) -> str:
    """Production secrets must come from the environment; elsewhere they have defaults."""
    return env_str(name, _secret_defaults.get(name), required=PRODUCTION)


SECRET_KEY = _secret("SIGAP_SECRET_KEY")
if PRODUCTION and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SIGAP_SECRET_KEY must be at least 50 characters long.")
# Encryption at rest (see docs/security.md): the first key of the ring encrypts, all decrypt.
SIGAP_ENCRYPTION_KEYS = parse_key_ring("SIGAP_ENCRYPTION_KEYS", _secret("SIGAP_ENCRYPTION_KEYS"))
SIGAP_BLIND_INDEX_KEY = parse_key("SIGAP_BLIND_INDEX_KEY", _secret("SIGAP_BLIND_INDEX_KEY"))

DEBUG = env_bool("SIGAP_DEBUG", SIGAP_ENV == "development")
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("SIGAP_DEBUG cannot be on when SIGAP_ENV=production.")

ALLOWED_HOSTS = env_list(
    "SIGAP_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("SIGAP_ALLOWED_HOSTS must name this server's host names.")
CSRF_TRUSTED_ORIGINS = env_list("SIGAP_CSRF_TRUSTED_ORIGINS")

# Demo deployments say so on every page: their data is synthetic.
SIGAP_DEMO = env_bool("SIGAP_DEMO", False)
# The home province of this deployment (region code): names in files resolve inside it first.
SIGAP_HOME_REGION = env_str("SIGAP_HOME_REGION", "63")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "template_partials",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "sigap.core",
    "sigap.people",
    "sigap.cases",
    "sigap.referrals",
    "sigap.coordination",
    "sigap.notifications",
    "sigap.intake",
    "sigap.imports",
    "sigap.monitoring",
    "ninja",  # serves the API docs' Swagger UI files itself (no CDN)
    "sigap.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sigap.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "sigap.core.middleware.TwoFactorMiddleware",
    "sigap.core.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # In production the app serves its own assets (no CDN; deployments may sit on an intranet).
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "sigap.urls"
WSGI_APPLICATION = "sigap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sigap.core.context_processors.sigap",
                "sigap.notifications.context_processors.unread",
            ],
        },
    },
]

# Database: SIGAP_DATABASE_URL, e.g. postgres://user:pass@host:5432/sigap; SQLite by default.
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'sigap.sqlite3'}"
try:
    _database = dj_database_url.parse(
        env_str("SIGAP_DATABASE_URL", DEFAULT_DATABASE_URL),
        conn_max_age=env_int("SIGAP_DATABASE_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
except ValueError as error:
    raise ImproperlyConfigured(f"SIGAP_DATABASE_URL cannot be read: {error}") from None
if _database["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker write to the same file: WAL lets them take turns,
    # and IMMEDIATE transactions avoid "database is locked" on lock upgrades.
    _database["CONN_MAX_AGE"] = 0
    _database.setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    Path(_database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
elif _database["ENGINE"] == "django.db.backends.postgresql":
    # Short queries of pages: PostgreSQL's JIT compiler costs more (100-170 ms a query in
    # bench/cases.py) than it saves. Unless the URL already sets server options.
    _database.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout (django-axes): an account locks after SIGAP_LOGIN_FAILURE_LIMIT failed passwords;
# an address is refused after SIGAP_LOGIN_IP_FAILURE_LIMIT failures across accounts (offices
# share one address, so that limit is higher). Both last SIGAP_LOGIN_LOCKOUT_MINUTES.
AXES_FAILURE_LIMIT = env_int("SIGAP_LOGIN_FAILURE_LIMIT", 5, minimum=1)
SIGAP_LOGIN_IP_FAILURE_LIMIT = env_int("SIGAP_LOGIN_IP_FAILURE_LIMIT", 30, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGAP_LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "sigap.core.auth_views.locked_out"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "SIGAP"
# axes.W006: addresses are limited by SIGAP's own per-address failure count (core.auth_views),
# with a higher limit than accounts because an office shares one address.
# models.W040: the included (non-key) columns of a few indexes let PostgreSQL count from the
# index alone (the monitoring board); SQLite, for development and the demo, ignores them.
SILENCED_SYSTEM_CHECKS = ["axes.W006", "models.W040"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if TESTING
    else [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
)

SESSION_COOKIE_AGE = env_int("SIGAP_SESSION_IDLE_MINUTES", 30, minimum=1) * 60
# How long a re-confirmation (password and code again) lasts before exports, role changes...
SIGAP_SUDO_MINUTES = env_int("SIGAP_SUDO_MINUTES", 10, minimum=1)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_HTTPONLY = True

# Language: Bahasa Indonesia first, English second.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("SIGAP_TIME_ZONE", "Asia/Makassar")
try:
    zoneinfo.ZoneInfo(TIME_ZONE)
except (zoneinfo.ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(f"SIGAP_TIME_ZONE {TIME_ZONE!r} is not a known time zone.") from None

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("SIGAP_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Uploaded documents: never served directly (no MEDIA_URL), only through access-checked views.
MEDIA_ROOT = Path(env_str("SIGAP_MEDIA_ROOT", str(VAR_DIR / "media")))
SIGAP_UPLOAD_MAX_MB = env_int("SIGAP_UPLOAD_MAX_MB", 20, minimum=1)
FILE_UPLOAD_HANDLERS = [
    "sigap.core.uploads.SizeLimitUploadHandler",  # drops an oversized file while it arrives
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# How long a new REST API token lives (users may pick fewer days).
SIGAP_API_TOKEN_DAYS = env_int("SIGAP_API_TOKEN_DAYS", 90, minimum=1)
# REST API rate limits ("<requests>/<period>", period s, m, h or d): per user, and per address
# for requests without a valid token. Counted in the cache (per process without Redis).
SIGAP_API_RATE = env_str("SIGAP_API_RATE", "600/m")
SIGAP_API_ANON_RATE = env_str("SIGAP_API_ANON_RATE", "60/m")
STORAGES = {
    # Uploaded documents are encrypted on disk (docs/security.md).
    "default": {"BACKEND": "sigap.core.fields.EncryptedFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Email: console in development, memory in tests, SMTP in production.
if TESTING:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
elif PRODUCTION:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = env_str("SIGAP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("SIGAP_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("SIGAP_EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("SIGAP_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("SIGAP_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("SIGAP_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("SIGAP_EMAIL_FROM", "SIGAP <sigap@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Cache: rate-limit counters (portal, API guard) live here. One process can use its own memory;
# several processes or machines need a shared cache: SIGAP_CACHE_URL=redis://host:6379/0.
CACHE_URL = env_str("SIGAP_CACHE_URL")
CACHES: dict[str, dict[str, Any]] = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL.startswith(("redis://", "rediss://", "unix://"))
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Page parts that are the same for every visitor in a language (the public portal's header
    # and footer), kept in each process: rendering them again costs more than the report.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "sigap-fragments",
        "TIMEOUT": 3600,
    },
}
if CACHE_URL and "redis" not in CACHES["default"]["BACKEND"]:
    raise ImproperlyConfigured("SIGAP_CACHE_URL must be a redis:// (or rediss://, unix://) URL.")

# The public portal: triage deadlines, and limits per address against abuse and code guessing.
SIGAP_TRIAGE_URGENT_HOURS = env_int("SIGAP_TRIAGE_URGENT_HOURS", 4, minimum=1)
SIGAP_TRIAGE_HOURS = env_int("SIGAP_TRIAGE_HOURS", 72, minimum=1)
SIGAP_REPORT_RATE = env_str("SIGAP_REPORT_RATE", "10/h")
SIGAP_CODE_LOOKUP_RATE = env_str("SIGAP_CODE_LOOKUP_RATE", "10/m")
# The address users reach SIGAP at: emails link to it.
SIGAP_BASE_URL = env_str("SIGAP_BASE_URL", "http://127.0.0.1:8000")

# Imports of official lists: the largest file, and the rows and columns of a sheet.
SIGAP_IMPORT_MAX_BYTES = env_int("SIGAP_IMPORT_MAX_MB", 20, minimum=1) * 1024 * 1024
SIGAP_IMPORT_MAX_ROWS = env_int("SIGAP_IMPORT_MAX_ROWS", 200_000, minimum=10)
SIGAP_IMPORT_MAX_COLUMNS = env_int("SIGAP_IMPORT_MAX_COLUMNS", 200, minimum=5)

# Monitoring of vulnerable groups: days to the next follow-up by the risk last found, and to
# the first follow-up of a new enrolment.
SIGAP_FOLLOW_UP_DAYS = {
    "high": env_int("SIGAP_FOLLOW_UP_DAYS_HIGH", 14, minimum=1),
    "medium": env_int("SIGAP_FOLLOW_UP_DAYS_MEDIUM", 30, minimum=1),
    "low": env_int("SIGAP_FOLLOW_UP_DAYS_LOW", 90, minimum=1),
    "first": env_int("SIGAP_FOLLOW_UP_DAYS_FIRST", 14, minimum=1),
}

# Retention (UU PDP 27/2022), in days; `sigap purge_expired` erases or anonymises older data.
SIGAP_RETENTION_PERSON_DAYS = env_int("SIGAP_RETENTION_PERSON_DAYS", 3650, minimum=1)
SIGAP_RETENTION_LOGIN_DAYS = env_int("SIGAP_RETENTION_LOGIN_DAYS", 90, minimum=1)
SIGAP_RETENTION_TASK_DAYS = env_int("SIGAP_RETENTION_TASK_DAYS", 30, minimum=1)
SIGAP_RETENTION_NOTIFICATION_DAYS = env_int("SIGAP_RETENTION_NOTIFICATION_DAYS", 365, minimum=1)
SIGAP_RETENTION_IMPORT_DAYS = env_int("SIGAP_RETENTION_IMPORT_DAYS", 365, minimum=1)

# Background work: the Django tasks API, stored in the database (no broker needed).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Web hardening. Pages carry no inline script or style: the policy allows only the app's own
# files (assets are served by the app, never a CDN).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
CSRF_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SIGAP_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SIGAP_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SIGAP_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SIGAP_HSTS_PRELOAD", True)
# Behind a reverse proxy that terminates HTTPS, trust its X-Forwarded-Proto header.
if env_bool("SIGAP_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("SIGAP_LOG_LEVEL", "INFO")},
    "loggers": {
        "django_tasks": {"level": "WARNING" if TESTING else "INFO"},
        "weasyprint": {"level": "ERROR"},  # it logs every layout step, and CSS it skips
        "fontTools": {"level": "ERROR"},
    },
}
