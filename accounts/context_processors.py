from django.conf import settings
from django.http import HttpRequest

from .adapter import allowed_domains_text


def signup_rules(request: HttpRequest) -> dict:
    """The sign-up domain rule, so forms can state it before anyone trips on it."""
    if not settings.SIGNUP_ALLOWED_DOMAINS:
        return {}
    return {"allowed_domains": allowed_domains_text()}
