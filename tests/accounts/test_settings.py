"""The settings module read in a fresh interpreter, under chosen environments."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json, django; from django.conf import settings as s; "
    "db = s.DATABASES['default']; "
    "print(json.dumps({'debug': s.DEBUG, 'engine': db['ENGINE'], "
    "'pool': db.get('OPTIONS', {}).get('pool'), 'max_age': db.get('CONN_MAX_AGE'), "
    "'cache': s.CACHES['default']['BACKEND'], 'tasks': s.TASKS['default']['BACKEND'], "
    "'domains': s.SIGNUP_ALLOWED_DOMAINS, 'hsts': s.SECURE_HSTS_SECONDS}))"
)


def read_settings(**env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "DATABASE_URL",
            "DATABASE_POOL",
            "REDIS_URL",
            "TASKS_BACKEND",
        }
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="mentorship.settings")
    return subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_without_a_secret_key_outside_debug_it_refuses_to_start_and_says_why():
    result = read_settings()

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_safe_defaults_debug_off_sqlite_database_cache_hsts():
    result = read_settings(SECRET_KEY="x" * 50)

    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert values["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert values["hsts"] == 31536000


def test_postgres_url_uses_psycopg_with_persistent_connections():
    result = read_settings(SECRET_KEY="x" * 50, DATABASE_URL="postgres://u:p@db:5432/mentorship")

    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["max_age"] == 60
    assert values["pool"] is None


def test_postgres_with_the_pool_turned_on():
    result = read_settings(
        SECRET_KEY="x" * 50, DATABASE_URL="postgres://u:p@db/m", DATABASE_POOL="1"
    )

    values = json.loads(result.stdout)
    assert values["pool"] == {"min_size": 2, "max_size": 10}
    assert values["max_age"] == 0


def test_redis_url_moves_the_shared_cache_to_redis_and_the_worker_to_the_database():
    result = read_settings(
        SECRET_KEY="x" * 50,
        REDIS_URL="redis://127.0.0.1:6379/1",
        TASKS_BACKEND="database",
        SIGNUP_ALLOWED_DOMAINS="Stanford.edu, @stanfordhealthcare.org",
    )

    values = json.loads(result.stdout)
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["tasks"] == "django_tasks_db.DatabaseBackend"
    assert values["domains"] == ["stanford.edu", "stanfordhealthcare.org"]
