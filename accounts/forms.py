from django import forms
from django.core.exceptions import ValidationError

from mentorship.forms import TOO_LONG

from .models import User


class SignupForm(forms.Form):
    """Extra fields for allauth's sign-up form: the display name.

    allauth builds its sign-up form on this class, so this module must not
    import allauth's forms (see login_form.py).
    """

    name = forms.CharField(
        label="Your name",
        max_length=150,
        help_text="As colleagues know you, for example “Dana Chen”.",
        error_messages={"max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["name", "email", "password1", "password2"]

    def signup(self, request, user: User) -> None:
        user.name = self.cleaned_data["name"].strip()
        user.save(update_fields=["name"])


class RolesForm(forms.ModelForm):
    """Which of mentee and mentor apply. Directors are appointed, never chosen here."""

    is_mentee = forms.BooleanField(
        label="I'd like a mentor",
        required=False,
        help_text="You're a resident, fellow or student, curious about where you're "
        "headed and glad of someone to think it through with.",
    )
    is_mentor = forms.BooleanField(
        label="I'd like to mentor others",
        required=False,
        help_text="You're faculty or a senior resident with time to give. Many senior "
        "residents are both: mentored by faculty, mentoring interns.",
    )

    class Meta:
        model = User
        fields = ["is_mentee", "is_mentor"]

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("is_mentee")
            and not cleaned.get("is_mentor")
            and not self.instance.is_director
        ):
            raise ValidationError(
                "Choose at least one, so we can show you the right things. "
                "You can change this at any time.",
                code="no_role",
            )
        return cleaned
