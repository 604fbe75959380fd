from django import forms

from mentorship.forms import TOO_LONG
from mentorship.programs.forms import interest_groups
from mentorship.programs.models import Interest, Program

from .models import MenteeProfile

YEAR_MESSAGE = "Enter the year you started this level, between 1980 and 2100, for example 2026."


class MenteeProfileForm(forms.ModelForm):
    """A resident's profile: where they are in training and what they are curious about."""

    program = forms.ModelChoiceField(
        label="Your program",
        queryset=Program.objects.all(),
        empty_label="Choose your program",
        error_messages={
            "required": "Choose your program, so its mentors and directors can find you.",
            "invalid_choice": "Choose one of the programs in the list.",
        },
    )
    start_year = forms.IntegerField(
        label="Year you started this level",
        min_value=1980,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": YEAR_MESSAGE,
            "invalid": YEAR_MESSAGE,
            "min_value": YEAR_MESSAGE,
            "max_value": YEAR_MESSAGE,
        },
    )
    interests = forms.ModelMultipleChoiceField(
        label="Your interests",
        queryset=Interest.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose as many as fit. Mentors who share them are shown to you first.",
        error_messages={
            "invalid_choice": "We don't know the interest “%(value)s”; choose from the list.",
            "invalid_pk_value": "We don't know the interest “%(pk)s”; choose from the list.",
        },
    )

    class Meta:
        model = MenteeProfile
        fields = [
            "program",
            "training_level",
            "start_year",
            "interests",
            *MenteeProfile.PROMPTS,
        ]
        labels = {"training_level": "Your training level"}
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in MenteeProfile.PROMPTS}
        error_messages = {
            "training_level": {
                "required": "Choose your training level.",
                "invalid_choice": "Choose one of the training levels in the list.",
            },
            **{name: {"max_length": TOO_LONG} for name in MenteeProfile.PROMPTS},
        }

    def __init__(self, *args, level_set_by=None, **kwargs):
        super().__init__(*args, **kwargs)
        if level_set_by is not None:
            # The program brought this person in at a level, from a day: not theirs to type.
            for name in ("program", "training_level", "start_year"):
                del self.fields[name]
            return
        self.fields["training_level"].choices = [
            ("", "Choose your training level"),
            *MenteeProfile.TrainingLevel.choices,
        ]
        current = self.instance.current_appointment() if self.instance.pk else None
        if current is not None and current.level in MenteeProfile.TrainingLevel.values:
            # This year's level is the program's fact; what was typed may be a year old.
            self.initial["training_level"] = current.level

    def interest_groups(self):
        return interest_groups(self["interests"], self.fields["interests"].queryset)
