"""One settings module, read from the environment through strict helpers.

    URGENT_DATABASE_URL    sqlite:///path or postgresql://user@host/db
                           (default: a SQLite file in the user's data directory)
    URGENT_PRODUCTION      true|false (default false); true refuses to start
                           without URGENT_SECRET_KEY and URGENT_ALLOWED_HOSTS
    URGENT_SECRET_KEY, URGENT_SECRET_KEY_FILE, URGENT_ALLOWED_HOSTS (comma-separated)
    URGENT_MAX_UPLOAD_MB   upload size limit (default 50)
    URGENT_DATA_DIR        where the default SQLite file and collected static files go
    URGENT_STATIC_ROOT     where `collectstatic` puts static files (default: DATA_DIR/static)
    URGENT_HTTPS           true|false (default true): in production, the site is reached over
                           HTTPS (through a proxy that sets X-Forwarded-Proto: gunicorn trusts
                           it from FORWARDED_ALLOW_IPS, default loopback); false only for a
                           demo on http://127.0.0.1 (`urgent serve --insecure-http`)
    URGENT_HSTS_SECONDS    Strict-Transport-Security max-age with HTTPS (default one year; 0 = off)
    URGENT_CACHE           "none" turns the public-page cache off (default: files next to a
                           SQLite database, the database itself on PostgreSQL)
    URGENT_CACHE_DIR       where the file cache goes (default: DATA_DIR/cache)

Case data is sensitive: production mode sets secure cookies and headers, and every
response carries a Content-Security-Policy (`urgent.web.security`).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from platformdirs import user_data_dir


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("true", "1", "yes"):
        return True
    if value.lower() in ("false", "0", "no"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_secret(name: str) -> str | None:
    """A secret from NAME, or from the file named by NAME_FILE (for container secrets)."""
    if os.environ.get(f"{name}_FILE"):
        return Path(os.environ[f"{name}_FILE"]).read_text().strip()
    return os.environ.get(name) or None


def data_dir() -> Path:
    data = Path(os.environ.get("URGENT_DATA_DIR") or user_data_dir("urgent", appauthor=False))
    data.mkdir(parents=True, exist_ok=True)
    return data


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'urgent.sqlite3'}"


PRODUCTION = env_bool("URGENT_PRODUCTION")
DEBUG = env_bool("URGENT_DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("URGENT_DEBUG cannot be true in production mode")

SECRET_KEY = env_secret("URGENT_SECRET_KEY") or ""
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("URGENT_ALLOWED_HOSTS", "").split(",") if h.strip()]
if PRODUCTION:
    if len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("production mode needs URGENT_SECRET_KEY (at least 32 characters)")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("production mode needs URGENT_ALLOWED_HOSTS")
else:
    SECRET_KEY = SECRET_KEY or "development-only-not-secret-" + "x" * 32
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "testserver"]

DATABASE_URL = os.environ.get("URGENT_DATABASE_URL") or default_database_url()
_db = dj_database_url.parse(DATABASE_URL, conn_max_age=60 if DATABASE_URL.startswith("postgres") else 0)
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one process writes; IMMEDIATE takes the write lock
    # at the start of a transaction, so two writers wait instead of deadlocking.
    _db["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 60,
    }
DATABASES = {"default": _db}

# Public pages are cached for anonymous visitors (urgent.web.site.pagecache): in the
# database when it is PostgreSQL, so every app machine sees one cache and a change made
# on one is seen on all (within the second each process trusts the version it read);
# in files next to a SQLite database, which lives on one machine.
if os.environ.get("URGENT_CACHE") == "none":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif _db["ENGINE"] == "django.db.backends.sqlite3":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(Path(os.environ.get("URGENT_CACHE_DIR") or data_dir() / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "urgent_cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "urgent.web.cases",
    "urgent.web.officials",
    "urgent.web.actions",
    "urgent.web.accounts",
    "urgent.web.site",
    "urgent.web.campaign",
    "urgent.web.api",
    "urgent.web.feeds",
    "ninja",  # the API docs page with its scripts from our static files: no CDN, no inline script
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "urgent.web.security.ContentSecurityPolicyMiddleware",
    # static files straight from the app server, compressed and cached for ever (hashed names)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "urgent.web.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "urgent.web.site.context.roles",
            ],
        },
    },
]
WSGI_APPLICATION = "urgent.web.wsgi.application"

TASKS = {
    "default": {
        "BACKEND": os.environ.get("URGENT_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": [],
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("ko", "한국어")]
LOCALE_PATHS = [Path(__file__).parent / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "static/"
# In the data directory, not next to the database: a PostgreSQL URL is no path.
STATIC_ROOT = Path(os.environ.get("URGENT_STATIC_ROOT") or data_dir() / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names need `collectstatic` first (`urgent serve` runs it); development and
    # tests read the apps' static directories as they are.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
MAX_UPLOAD_MB = float(os.environ.get("URGENT_MAX_UPLOAD_MB", "50"))
DATA_UPLOAD_MAX_MEMORY_SIZE = int(MAX_UPLOAD_MB * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Production ------------------------------------------------------------------------------------
# Scripts, styles, images and forms from this site only; no inline script, no framing.
# In development the policy is only reported (the browser console), so Django's debug page works.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
HTTPS = PRODUCTION and env_bool("URGENT_HTTPS", default=True)
if HTTPS:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = True
    # gunicorn sets the scheme from a trusted proxy's X-Forwarded-Proto (FORWARDED_ALLOW_IPS),
    # so plain-http requests that reach it anyway are sent to https.
    SECURE_SSL_REDIRECT = env_bool("URGENT_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("URGENT_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading is a promise to browsers' built-in lists that is slow to take back;
    # each organisation decides, so check --deploy's reminder about it is silenced.
    SECURE_HSTS_PRELOAD = env_bool("URGENT_HSTS_PRELOAD")
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
