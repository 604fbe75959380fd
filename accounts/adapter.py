from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal import flows
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.urls import reverse
from django.utils.text import get_text_list

from mentorship.redirects import local_path
from mentorship.site import site_url

from .models import User
from .tasks import send_account_email

# The e-mails allauth sends with this project's settings (no log-in or reset
# codes, no notifications), each rebuilt by the worker in render_queued_mail.
CONFIRM = "account/email/email_confirmation"
CONFIRM_SIGNUP = "account/email/email_confirmation_signup"
PASSWORD_RESET = "account/email/password_reset_key"
UNKNOWN_ACCOUNT = "account/email/unknown_account"
ACCOUNT_EXISTS = "account/email/account_already_exists"
# Those that hold no secret and reach send_mail with their context.
REBUILT_PLAIN = {UNKNOWN_ACCOUNT, ACCOUNT_EXISTS}


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
        return local_path(allauth_context.request, url) is not None

    # --- E-mail: queued by name, rendered by the worker ----------------------
    # The task table (shown in the admin) holds the template prefix, the address,
    # and the id of the row a secret comes from; the worker makes the confirmation
    # key and the password-reset token again from that row.

    def send_confirmation_mail(self, request, emailconfirmation, signup: bool) -> None:
        if app_settings.EMAIL_VERIFICATION_BY_CODE_ENABLED or not isinstance(
            emailconfirmation, EmailConfirmationHMAC
        ):
            raise ImproperlyConfigured(
                "Only HMAC confirmation links can be rebuilt by the worker; "
                "teach AccountAdapter.render_queued_mail the other kind first."
            )
        address = emailconfirmation.email_address
        prefix = CONFIRM_SIGNUP if signup else CONFIRM
        self._queue_mail(prefix, address.email, email_address=address.pk)

    def send_password_reset_mail(self, user, email: str, context: dict) -> None:
        self._queue_mail(PASSWORD_RESET, email, user=user.pk)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Everything else allauth sends comes here with its context built. Only the
        # e-mails the worker knows how to rebuild may pass: an unknown one could
        # carry a secret (a log-in code, say) into the task table.
        if template_prefix not in REBUILT_PLAIN:
            raise ImproperlyConfigured(
                f"allauth wants to send {template_prefix!r}, which the worker can't "
                "rebuild. Add it to AccountAdapter.render_queued_mail, making any "
                "secret it holds there, instead of queueing its context."
            )
        self._queue_mail(template_prefix, email)

    def _queue_mail(self, template_prefix: str, email: str, **ids: int) -> None:
        send_account_email.enqueue(
            template_prefix=template_prefix, email=email, site_url=site_url(self.request), **ids
        )

    def render_queued_mail(
        self,
        template_prefix: str,
        email: str,
        *,
        user: int | None = None,
        email_address: int | None = None,
    ) -> EmailMessage | None:
        """The worker's half: the e-mail `_queue_mail` stood for, with the context
        allauth would have given it. None when the row it needs has gone (or the
        address was confirmed meanwhile)."""
        request = self.request  # a SiteRequest for the address it was queued at
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        if template_prefix in (CONFIRM, CONFIRM_SIGNUP):
            address = (
                EmailAddress.objects.select_related("user")
                .filter(pk=email_address, verified=False)
                .first()
            )
            if address is None:
                return None
            confirmation = EmailConfirmationHMAC(address)
            email = address.email
            ctx.update(
                user=address.user,
                key=confirmation.key,
                activate_url=self.get_email_confirmation_url(request, confirmation),
            )
        elif template_prefix == PASSWORD_RESET:
            # What allauth's ResetPasswordForm puts in the e-mail, with the same token
            # generator and link.
            from allauth.account.forms import default_token_generator
            from allauth.account.utils import user_pk_to_url_str

            person = User.objects.filter(pk=user, is_active=True).first()
            if person is None:
                return None
            token = default_token_generator.make_token(person)
            uid = user_pk_to_url_str(person)
            ctx.update(
                user=person,
                password_reset_url=self.get_reset_password_from_key_url(f"{uid}-{token}"),
                uid=uid,
                key=token,
            )
        elif template_prefix == UNKNOWN_ACCOUNT:
            ctx["signup_url"] = flows.signup.get_signup_url(request)
        elif template_prefix == ACCOUNT_EXISTS:
            ctx["signup_url"] = flows.signup.get_signup_url(request)
            ctx["password_reset_url"] = flows.password_reset.get_reset_password_url(request)
        else:
            raise ImproperlyConfigured(f"No way to rebuild {template_prefix!r}.")
        return self.render_mail(template_prefix, email, ctx)
