"""One-time tokens for the forms that create something: a replay makes nothing twice.

Each such form carries a fresh token (templates/includes/once.html) and the row it
creates keeps it, in a unique `form_token` column. A second submit of the same
form, after Back or a double tap, finds that row and answers with it instead of
making another.

The token travels twice: in a hidden input, and in a hidden text input that
static/js/once.js fills in. Browsers restore a text input's value when a person
goes Back to a form, but give a hidden input the value of the freshly loaded
page; so after Back the text input still holds the token of the form already
sent, and the replay is recognised. Without script, the hidden input still
catches a double submit of the same page.
"""

import uuid

from django.http import HttpRequest

FIELDS = ("once_kept", "once")  # the restored token first, then the page's own


def new_token() -> str:
    return uuid.uuid4().hex


def posted_token(request: HttpRequest) -> uuid.UUID | None:
    """The token a submitted form carried, if it is one of ours."""
    for name in FIELDS:
        try:
            return uuid.UUID(request.POST.get(name, "")[:64])
        except ValueError:
            continue
    return None


def form_token(request: HttpRequest) -> str:
    """The token for the form on this page: the one it was sent with, when it comes
    back with a mistake to fix (the fixed submit still counts once), else a new one."""
    token = posted_token(request) if request.method == "POST" else None
    return token.hex if token else new_token()


def already_made(request: HttpRequest, rows):
    """The row among `rows` (scoped to the person) that this submit's token made."""
    token = posted_token(request) if request.method == "POST" else None
    return rows.filter(form_token=token).first() if token else None
