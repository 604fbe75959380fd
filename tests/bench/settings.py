"""The app's settings, plus one plain page to measure the others against
(tests/bench/load.py serves them with gunicorn)."""

from mentorship.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench.urls"
