"""The date inputs the meeting forms share: the browser's date picker, and one
message for a date that doesn't parse."""

from django import forms

BAD_DATE = "That date doesn't look right. Pick it from the calendar, or write it like 2026-03-14."


def date_field(label: str, *, required: bool = False, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": BAD_DATE, "required": "Choose the date."},
        **kwargs,
    )
