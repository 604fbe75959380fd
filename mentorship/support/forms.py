"""A resident's message to the wellness contact: the form only collects words;
services.support_message_send sends them."""

from django import forms

from mentorship.forms import TOO_LONG

from .models import MESSAGE_MAX_LENGTH


class SupportMessageForm(forms.Form):
    body = forms.CharField(
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Write a few words first; a sentence is enough.",
            "max_length": TOO_LONG,
        },
    )

    def __init__(self, *args, contact_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = f"Is there anything you'd like {contact_name} to know first?"
        self.fields["body"].help_text = (
            f"Only {contact_name} reads this. Program directors never see it, nor who wrote. "
            f"{contact_name} will reply to you by e-mail."
        )
