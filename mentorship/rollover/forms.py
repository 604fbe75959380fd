from django import forms

from mentorship.mentors.models import MAX_CAPACITY

from .models import RolloverChoice

CHOICES = [("advance", "Move on as planned"), *RolloverChoice.Choice.choices]


class ChoiceForm(forms.Form):
    """A director's choice for one person in the wizard's table."""

    user = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    choice = forms.ChoiceField(label="Next year", choices=CHOICES)
    expected_end = forms.DateField(
        label="New expected end",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reason = forms.CharField(label="Why", max_length=300, required=False)


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(
        label="How many residents could you mentor at once next year?",
        min_value=0,
        max_value=MAX_CAPACITY,
        help_text=f"From 0 to {MAX_CAPACITY}. Fewer, well-kept commitments beat many thin ones; "
        "0 is a fine answer for a busy year.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
