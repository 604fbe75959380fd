"""Planning the next meeting: when, how long, how and where. The form only
collects times and words: services.meeting_plan saves them."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from ..models import Meeting


class PlanForm(forms.Form):
    """When, how long, how and where the two of you meet next."""

    date = forms.DateField(
        label="Which day?",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Choose the day you'll meet.",
            "invalid": "Enter the day as a date, for example 2026-03-14.",
        },
    )
    time = forms.TimeField(
        label="At what time?",
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={
            "required": "Choose a time, so the calendar file can hold it.",
            "invalid": "Enter the time as hours and minutes, for example 07:30.",
        },
    )
    minutes = forms.IntegerField(
        label="For how long, in minutes?",
        initial=30,
        min_value=5,
        max_value=480,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 5}),
        help_text="Twenty minutes over coffee counts.",
        error_messages={
            "required": "Say how long you'll meet, in minutes.",
            "invalid": "Enter the length as a number of minutes.",
            "min_value": "A meeting lasts at least 5 minutes.",
            "max_value": "Keep it under 480 minutes (8 hours).",
        },
    )
    format = forms.ChoiceField(
        label="How will you meet?",
        choices=Meeting.Format.choices,
        initial=Meeting.Format.IN_PERSON,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you'll meet."},
    )
    place = forms.CharField(
        label="Where, or the video link",
        max_length=300,
        required=False,
        help_text="A room, a café, or the link you'll both click. It goes into the calendar file.",
        error_messages={
            "max_length": "Please keep this under %(limit_value)s characters; a short link is "
            "enough. Everything you wrote is still here to trim."
        },
    )

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("date"), cleaned.get("time")
        if day and time:
            starts_at = timezone.make_aware(datetime.combine(day, time))
            if starts_at <= timezone.now():
                self.add_error(
                    "date",
                    ValidationError(
                        "That time has already passed; choose a day and time ahead.",
                        code="in_the_past",
                    ),
                )
            cleaned["starts_at"] = starts_at
        return cleaned
