"""The directory under load, beside a plain page, served by gunicorn.

    manage.py seed_demo --mentors 3000 --mentees 6000   # on PostgreSQL
    DATABASE_URL=postgres://… .venv/bin/python tests/bench/load.py [--seconds 20]

Serves the app with production settings (DEBUG off, static files collected,
gunicorn with 4 workers) on a free local port, signs in seed_demo's
mentee@example.com with a session made for the run (removed after), and runs
`wrk -t2 -c16` against a plain page of one query and 20 rows (/bench/plain/,
tests/bench/urls.py), then against the directory as it opens, searched and on
page 3. Prints each one's requests per second, its share of the plain page's,
its slowest request and any error answers. Needs wrk (Debian's package).
"""

import argparse
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "tests.bench.settings",
    "DEBUG": "0",
    "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1",
    # Plain HTTP on loopback: no TLS proxy in front of this run.
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_COOKIES": "0",
    "LOG_LEVEL": "WARNING",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def signed_in_cookie(email: str) -> tuple[str, str]:
    """A session for this person, made in the database as a log-in would make it."""
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.middleware import SEEN_AT
    from accounts.models import User

    user = User.objects.filter(email=email).first()
    if user is None:
        sys.exit(f"{email} is missing: run `manage.py seed_demo` first.")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[SEEN_AT] = int(time.time())  # seen just now: page views only read
    session.create()
    return settings.SESSION_COOKIE_NAME, session.session_key


def search_word() -> str:
    from accounts.models import User

    how = User.objects.get(email="mentor@example.com").mentor_profile.how_i_help
    return max(how.split(), key=len).strip(".,;:!?\"'()")


def wait_until_up(url: str, server: subprocess.Popen) -> None:
    for _ in range(100):
        if server.poll() is not None:
            sys.exit("gunicorn stopped before it answered.")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not answer within 20 s.")


def wrk(url: str, cookie: str, seconds: int) -> dict:
    output = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "-H", f"Cookie: {cookie}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", output).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"timeout (\d+)", output)
    return {
        "rate": rate,
        "max": latency,
        "errors": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20, help="how long each wrk run lasts")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")

    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=ENV, check=True
    )
    name, key = signed_in_cookie("mentee@example.com")
    cookie = f"{name}={key}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "mentorship.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
        ],
        cwd=ROOT,
        env=ENV,
    )
    try:
        wait_until_up(f"{base}/bench/plain/", server)
        pages = [
            ("plain page (1 query, 20 rows)", "/bench/plain/"),
            ("directory", "/mentors/"),
            (f"directory: search “{search_word()}”", f"/mentors/?q={search_word()}"),
            ("directory: page 3", "/mentors/?page=3"),
        ]
        for _, path in pages:  # warm every worker's connections and templates
            for _ in range(args.workers * 2):
                urllib.request.urlopen(
                    urllib.request.Request(base + path, headers={"Cookie": cookie})
                )
        results = [(label, wrk(base + path, cookie, args.seconds)) for label, path in pages]
    finally:
        server.terminate()
        server.wait(timeout=30)
        from django.contrib.sessions.models import Session

        Session.objects.filter(session_key=key).delete()

    plain = results[0][1]["rate"]
    print(f"wrk -t2 -c16 -d{args.seconds}s, gunicorn with {args.workers} workers")
    print(f"{'page':<40} {'req/s':>8} {'of plain':>8} {'slowest':>8} {'errors':>6}")
    for label, result in results:
        share = result["rate"] / plain if plain else 0
        print(
            f"{label:<40} {result['rate']:>8.1f} {share:>8.0%} {result['max']:>8} "
            f"{result['errors'] + result['timeouts']:>6}"
        )


if __name__ == "__main__":
    main()
