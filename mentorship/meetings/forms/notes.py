"""Editing a note: the author's answer, and whether the other person reads it.
The form only collects words: services.note_update saves them."""

from django import forms

from mentorship.forms import TOO_LONG

from ..models import NOTE_MAX_LENGTH


class NoteForm(forms.Form):
    """The author's answer, and whether the other person of the pairing reads it."""

    answer = forms.CharField(
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Write something, or leave the note as it was.",
            "max_length": TOO_LONG,
        },
    )
    shared = forms.BooleanField(required=False)

    def __init__(self, *args, question: str, other_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].label = question
        self.fields["answer"].help_text = "Leave out patient names, record numbers and birth dates."
        self.fields["shared"].label = f"Share this answer with {other_name}"
        self.fields["shared"].help_text = (
            f"Ticked, {other_name} will see this too. Unticked, only you can read this. "
            "Program directors never read notes."
        )
