from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.text import get_text_list

from mentorship.redirects import local_path

from .tasks import send_email


def allowed_domains_text() -> str:
    domains = [f"@{d}" for d in settings.SIGNUP_ALLOWED_DOMAINS]
    return get_text_list(domains, "or")


class AccountAdapter(DefaultAccountAdapter):
    """The one place where the project bends allauth to the program."""

    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        allowed = settings.SIGNUP_ALLOWED_DOMAINS
        domain = email.rsplit("@", 1)[-1].lower()
        if allowed and domain not in allowed:
            raise ValidationError(
                f"This program is open to addresses ending in {allowed_domains_text()}. "
                "Please sign up with your work address.",
                code="domain_not_allowed",
            )
        return email

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # The first log-in goes to onboarding, every later one to the dashboard.
        if request.user.onboarded_at is None:
            return reverse("onboarding")
        return super().get_login_redirect_url(request)

    def is_safe_url(self, url: str) -> bool:
        # A `next` is a path of this site or nothing: allauth's own check also lets
        # "2026-13-01" through (read relative to the page) and other allowed hosts.
        return local_path(context.request, url) is not None

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Rendered now, while the request is at hand; sent by the task worker
        # (at once in development and tests).
        ctx = {
            "request": self.request,
            "email": email,
            "current_site": get_current_site(self.request),
        }
        ctx.update(context)
        msg = self.render_mail(template_prefix, email, ctx)
        html = next(
            (
                content
                for content, mimetype in getattr(msg, "alternatives", [])
                if mimetype == "text/html"
            ),
            None,
        )
        send_email.enqueue(
            subject=msg.subject,
            body=msg.body,
            to=list(msg.to),
            from_email=msg.from_email,
            html=html,
        )
