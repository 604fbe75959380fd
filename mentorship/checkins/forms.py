"""The check-in a person answers, one field per question; a director's note on a task."""

from django import forms

from mentorship.forms import TOO_LONG

from .models import ANSWER_TEXT_MAX_LENGTH, FollowUp, Format, Question

REQUIRED = "Please answer this one: it's one of the few this check-in needs."


class CheckinForm(forms.Form):
    """One field per question (`q<id>`), in the order asked: radios for a scale, a
    yes or no and a fit, a short box for words. Each field keeps its question."""

    def __init__(self, *args, questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[self.name_of(question)] = self._field(question)

    @staticmethod
    def name_of(question: Question) -> str:
        return f"q{question.pk}"

    @staticmethod
    def _field(question: Question) -> forms.Field:
        errors = {"required": REQUIRED}
        if question.format == Format.TEXT:
            field = forms.CharField(
                label=question.text,
                required=question.required,
                max_length=ANSWER_TEXT_MAX_LENGTH,
                widget=forms.Textarea(
                    attrs={"rows": 3, "aria-describedby": CheckinForm.described_by(question)}
                ),
                error_messages={**errors, "max_length": TOO_LONG},
            )
        else:
            field = forms.TypedChoiceField(
                label=question.text,
                required=question.required,
                choices=question.choices,
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
                error_messages={
                    **errors,
                    "invalid_choice": "Please choose one of the answers offered.",
                },
            )
        field.help_text = question.hint
        field.question = question
        return field

    @staticmethod
    def described_by(question: Question) -> str:
        """The ids of the lines under a question: its hint, and who sees the answer."""
        ids = [f"hint-{question.pk}"] if question.hint else []
        return " ".join([*ids, f"audience-{question.pk}"])

    def rows(self):
        """(question, bound field) in the order asked, for the template."""
        return [(q, self[self.name_of(q)]) for q in self.questions]

    def answers(self) -> dict[int, tuple[int | None, str]]:
        """What checkin_answer takes: {question id: (number, text)}."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(self.name_of(question))
            if question.format == Format.TEXT:
                answers[question.pk] = (None, value or "")
            else:
                answers[question.pk] = (value, "")
        return answers


class FollowUpDoneForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["done_note"]
        labels = {"done_note": "What did you do?"}
        help_texts = {
            "done_note": "A few words for the other directors, such as “Met Sam for "
            "coffee; all well.” Never what anyone answered."
        }
        error_messages = {"done_note": {"max_length": TOO_LONG}}
