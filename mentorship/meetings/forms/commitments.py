"""Carrying an open commitment forward, from the pairing page."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from .dates import date_field


class CarryForm(forms.Form):
    """Carry an open commitment forward, from the pairing page."""

    due_on = date_field("New date", required=True)

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_due_on(self):
        value = self.cleaned_data["due_on"]
        if value < self.today:
            raise ValidationError("Choose a date from today on.", code="past_date")
        return value
