"""Settings for the mentorship program app.

One module, read from the environment. `.env.example` documents every variable.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------

# Off unless asked for: a forgotten variable must not expose debug pages.
DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random string in production "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "accounts.apps.MentorshipAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "mentorship.programs",
    "mentorship.years",
    "mentorship.mentors",
    "mentorship.mentees",
    "mentorship.invitations",
    "mentorship.support",
    "mentorship.pairings",
    "mentorship.meetings",
    "mentorship.rounds",
    "mentorship.rollover",
    "mentorship.checkins",
    "mentorship.health",
    "mentorship.dashboard",
    "mentorship.demo",
    "simple_history",
    "import_export",
    "accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SeenHourlyMiddleware",
    "accounts.middleware.NoStoreMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Innermost, so the page it keeps, and the redirect it sends, pass every other.
    "mentorship.resubmit.PostRedirectGetMiddleware",
]

ROOT_URLCONF = "mentorship.urls"
# Text limits are kept as data-maxlength, never a silent cut (mentorship/forms.py).
FORM_RENDERER = "mentorship.forms.SoftLimitsRenderer"
WSGI_APPLICATION = "mentorship.wsgi.application"

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
                "accounts.context_processors.signup_rules",
                "mentorship.meetings.context_processors.saved_drafts",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------

# No DATABASE_URL: an embedded SQLite file next to manage.py.
# DATABASE_URL=postgres://...: PostgreSQL through psycopg 3, with persistent
# connections, or a psycopg connection pool when DATABASE_POOL=1.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASE_POOL = env_bool("DATABASE_POOL")
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=0 if DATABASE_POOL else int(os.environ.get("CONN_MAX_AGE", "60")),
            conn_health_checks=not DATABASE_POOL,
        )
    }
    # Each page's queries are short: compiling them (PostgreSQL's JIT, on above a
    # cost estimate) took longer than running them. POSTGRES_JIT=1 leaves it on,
    # as behind PgBouncer, which refuses this startup option: there, turn JIT off
    # for the role instead (ALTER ROLE … SET jit = off).
    if DATABASES["default"]["ENGINE"].endswith("postgresql") and not env_bool("POSTGRES_JIT"):
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    if DATABASE_POOL:
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DATABASE_POOL_MIN", "2")),
            "max_size": int(os.environ.get("DATABASE_POOL_MAX", "10")),
        }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------

# allauth's rate limits live in the cache, so it must be one that every worker
# shares: the database by default, Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    }

# --- Accounts and authentication --------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_FORMS = {"login": "accounts.login_form.LoginForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# Again by password or two-step code, never by a code sent by e-mail: a code is a
# secret the task worker can't make again, and would wait in the task table.
ACCOUNT_REAUTHENTICATION_METHODS = ["password", "mfa"]
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Mentorship] "
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
# Rate limits stay on with allauth's defaults (5 failed log-ins per address in
# five minutes, among others); they are counted in the shared cache above.

# Only addresses at these domains may sign up (comma separated); empty means any.
SIGNUP_ALLOWED_DOMAINS = [d.lower().lstrip("@") for d in env_list("SIGNUP_ALLOWED_DOMAINS")]

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "Mentorship program")

# The sessions page shows when and where each session was last seen. allauth's
# own middleware would record it on every page; SeenHourlyMiddleware (in its
# place above) records it once an hour.
USERSESSIONS_TRACK_ACTIVITY = True

# A signed-in session lasts two weeks of inactivity when "Remember me" is ticked
# (SESSION_LIFETIME_DAYS), and ends with the browser otherwise. Its expiry moves
# on when it is saved: when it changes, and once an hour (SeenHourlyMiddleware).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_LIFETIME_DAYS", "14")) * 24 * 60 * 60
ACCOUNT_SESSION_REMEMBER = None

# --- Security headers -------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Behind a TLS proxy in production: it tells us the original scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)

# Everything the pages load comes from this site: no CDN, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# The address people reach the site at, for links in e-mails and calendar files
# (rendered by the worker, outside any request): set it in production. Unset,
# links follow the address the page was served on (mentorship/site.py).
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")

# --- E-mail -----------------------------------------------------------------

EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Mentorship program <mentorship@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks -------------------------------------------------------

# Development and tests run tasks at once, in the request. Production sets
# TASKS_BACKEND=database and runs `python manage.py db_worker` beside gunicorn.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if os.environ.get("TASKS_BACKEND") == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
    }
}

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Los_Angeles")
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
