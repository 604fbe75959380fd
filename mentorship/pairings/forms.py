"""Forms for asking, answering and closing. They only collect words: every change
goes through a function of services.py."""

from django import forms
from django.core.exceptions import ValidationError

from mentorship.forms import TOO_LONG
from mentorship.mentors.models import MentorProfile

from .models import ANSWER_MAX_LENGTH, MentorshipRequest


def _text(label: str, help_text: str = "", *, required: str = "", rows: int = 4):
    """A free-text answer; `required` is the message shown when it is left empty."""
    messages = {"max_length": TOO_LONG}
    if required:
        messages["required"] = required
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=bool(required),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=messages,
    )


class RequestForm(forms.ModelForm):
    """A mentee's three answers when asking a mentor."""

    class Meta:
        model = MentorshipRequest
        fields = ["drew_you", "explore", "help_now"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}
        error_messages = {
            "drew_you": {
                "required": "Tell them what drew you to them; a sentence or two is enough.",
                "max_length": TOO_LONG,
            },
            "explore": {"max_length": TOO_LONG},
            "help_now": {"max_length": TOO_LONG},
        }


class QuestionAnswerForm(forms.Form):
    """The mentee answers the mentor's question."""

    answer = _text(
        "Your answer",
        "A few honest lines are enough.",
        required="Write your answer before sending it; a few lines are enough.",
    )


class AcceptForm(forms.Form):
    reply = _text(
        "A word of welcome",
        "They'll read it in the e-mail that tells them you said yes.",
        rows=3,
    )


class AskMoreForm(forms.Form):
    question = _text(
        "What would help you say yes?",
        "They'll get your question by e-mail. The request stays open until you decide.",
        required="Write the question you'd like answered.",
    )


class ReferralChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: MentorProfile) -> str:
        return f"{obj.user.name}, {obj.title}" + (f" ({obj.division})" if obj.division else "")


class DeclineForm(forms.Form):
    reply = _text(
        "A kind word for them",
        "No is easier to hear with a reason or a word of encouragement.",
        rows=3,
    )
    referred_to = ReferralChoiceField(
        label="Suggest a colleague",
        queryset=MentorProfile.objects.none(),
        required=False,
        empty_label="No suggestion",
        help_text="Another mentor of the program. They'll see a button to ask them.",
        error_messages={"invalid_choice": "Choose a colleague from the list."},
    )
    referral_reason = _text("Who might be a better fit, and why?", rows=3)

    def __init__(self, *args, request: MentorshipRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referred_to"].queryset = (
            MentorProfile.objects.listed_in([request.program_id])
            .exclude(pk=request.mentor_id)
            .exclude(user_id=request.mentee.user_id)
            .select_related("user")
            .order_by("user__name", "pk")
        )

    def clean(self):
        data = super().clean()
        if data.get("referral_reason") and not data.get("referred_to"):
            self.add_error(
                "referred_to",
                ValidationError(
                    "Choose the colleague you have in mind, or leave the reason empty.",
                    code="referral_missing",
                ),
            )
        return data


class EndForm(forms.Form):
    learned = _text(
        "What did you learn from each other?",
        "You can also add this later.",
    )
    carry_forward = _text("What will you carry forward?", rows=3)
    reason = _text(
        "Anything you'd like to say about why it's ending?",
        "Kept with the pairing's record, where the program's directors can read it.",
        rows=3,
    )


class ReflectForm(forms.Form):
    learned = _text("What did you learn from each other?")
    carry_forward = _text("What will you carry forward?", rows=3)

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("learned") or data.get("carry_forward")):
            raise ValidationError(
                "Write a line or two in either question before saving.", code="empty"
            )
        return data
