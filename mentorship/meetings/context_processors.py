from django.http import HttpRequest

from .views.log import SAVED_DRAFTS


def saved_drafts(request: HttpRequest) -> dict:
    """Ids of browser drafts the server has saved, so the page after a save (any
    page) tells drafts.js to forget them: private notes shouldn't linger in a
    shared computer's storage. Reads the session only for signed-in people."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"saved_drafts": " ".join(request.session.get(SAVED_DRAFTS, []))}
