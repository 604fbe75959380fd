from allauth.account.forms import LoginForm as AllauthLoginForm
from django.conf import settings


class LoginForm(AllauthLoginForm):
    """allauth's log-in form, in the program's words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Work e-mail"
        days = settings.SESSION_COOKIE_AGE // 86400
        self.fields["remember"].label = "Keep me logged in on this device"
        self.fields["remember"].help_text = (
            f"For {days} days. Leave it unticked on a shared workstation: "
            "you'll be logged out when the browser closes."
        )
