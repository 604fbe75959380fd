"""In production the static files go out compressed: brotli for browsers that
ask for it, gzip for the others, as collectstatic leaves them for whitenoise."""

from http import HTTPStatus
from wsgiref.util import setup_testing_defaults

import brotli
import pytest
from django.core.management import call_command
from whitenoise import WhiteNoise

PRODUCTION = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected(settings, tmp_path):
    # collectstatic takes seconds (the admin's files too): one test reads it all.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = PRODUCTION
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


def serve(root, path, accept_encoding):
    status, headers = {}, {}

    def start_response(line, header_list):
        status["code"] = int(line.split()[0])
        headers.update(header_list)

    app = WhiteNoise(lambda environ, respond: [], root=root, prefix="static/")
    environ = {"PATH_INFO": f"/static/{path}", "HTTP_ACCEPT_ENCODING": accept_encoding}
    setup_testing_defaults(environ)
    body = b"".join(app(environ, start_response))
    return status["code"], headers, body


def hashed(root, name):
    return next(p for p in root.glob(f"css/{name}.*.css") if p.suffix == ".css").name


def test_browsers_get_the_stylesheet_in_brotli_when_they_ask_and_gzip_otherwise(collected):
    css = hashed(collected, "site")
    original = (collected / "css" / css).read_bytes()

    code, headers, body = serve(collected, f"css/{css}", "gzip, deflate, br")

    assert code == HTTPStatus.OK
    assert headers["Content-Encoding"] == "br"
    assert brotli.decompress(body) == original
    assert len(body) < len(original) / 3

    code, headers, _ = serve(collected, f"css/{css}", "gzip")

    assert code == HTTPStatus.OK
    assert headers["Content-Encoding"] == "gzip"
