"""Test set-up: environment, settings tweaks and shared fixtures.

The settings module refuses to start without SECRET_KEY outside debug, so the
test environment is set here. It happens when this file is imported, which is
before any conftest.py below it (those may import models) and before
pytest-django sets Django up in its `pytest_configure`.
"""

import os

import django
import pytest


def _configure_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentorship.settings")
    os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    # Tests speak plain HTTP to the test client and the live server.
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["SECURE_COOKIES"] = "0"
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("TASKS_BACKEND", None)
    os.environ.pop("EMAIL_HOST", None)

    from django.conf import settings

    # Load the settings now, so pytest-django sets Django up from them.
    settings.STORAGES = {
        **settings.STORAGES,
        # No collectstatic in tests: serve files as they are.
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = True
    settings.WHITENOISE_USE_FINDERS = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # One process runs the tests, so a local cache is shared by all of it;
    # it is emptied before every test so rate limits don't leak between tests.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    django.setup()


_configure_django()

# Fixtures shared across folders (program, sam, chen, director, pairings in each state…).
pytest_plugins = ["tests.cast"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def pytest_report_header(config: pytest.Config) -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or db['NAME']})"
