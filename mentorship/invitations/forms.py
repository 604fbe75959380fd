from django import forms
from django.contrib.auth import password_validation

from mentorship.forms import TOO_LONG

PASSWORDS_DIFFER = "The two passwords don't match: type the same one twice."


class JoinForm(forms.Form):
    """The one step of joining: how to be addressed, and a password."""

    name = forms.CharField(
        label="Your name",
        max_length=150,
        help_text="How you'd like to be addressed, for example “Dana Chen”.",
        error_messages={"required": "Tell us your name.", "max_length": TOO_LONG},
    )
    password1 = forms.CharField(
        label="Choose a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
        error_messages={"required": "Choose a password."},
    )
    password2 = forms.CharField(
        label="The same password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Type the password a second time."},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", PASSWORDS_DIFFER)
        elif first:
            try:
                password_validation.validate_password(first, self.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
