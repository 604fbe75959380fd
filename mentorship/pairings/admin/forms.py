"""Forms of the directors' admin pages for pairings: propose, reasons, reassign."""

from django import forms

from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Program

from ..models import Pairing


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.user.name} ({obj.user.email})"


class MentorWithPlacesField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.user.name} ({plural(obj.open_places, 'open place')})"


class PairingProposeForm(forms.Form):
    mentor = PersonChoiceField(
        MentorProfile.objects.none(), help_text="Approved mentors of the programs you direct."
    )
    mentee = PersonChoiceField(MenteeProfile.objects.none())
    program = forms.ModelChoiceField(
        Program.objects.none(), help_text="The mentee's program; the mentor must be listed in it."
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = MentorProfile.objects.listed_in(
            Program.objects.directed_by(user).values("pk")
        ).select_related("user")
        self.fields["mentee"].queryset = MenteeProfile.objects.directed_by(user).select_related(
            "user"
        )
        programs = Program.objects.directed_by(user)
        self.fields["program"].queryset = programs
        if len(programs) == 1:
            self.fields["program"].initial = programs[0].pk


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4, "cols": 60}), max_length=2000)

    def __init__(self, *args, label: str, help_text: str, required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.label, field.help_text, field.required = label, help_text, required


class ReassignForm(ReasonForm):
    mentor = MentorWithPlacesField(MentorProfile.objects.none())
    field_order = ["mentor", "reason"]

    def __init__(self, *args, pairing: Pairing, **kwargs):
        super().__init__(
            *args,
            label="Why the change?",
            help_text="Kept with the old pairing as the reason it ended; write it so both "
            "people could read it.",
            required=False,
            **kwargs,
        )
        field = self.fields["mentor"]
        field.label = f"Who should mentor {pairing.mentee.user.get_short_name()} now?"
        field.help_text = f"Approved mentors of {pairing.program}, with the places they have open."
        field.queryset = (
            MentorProfile.objects.listed_in([pairing.program_id])
            .exclude(pk=pairing.mentor_id)
            .exclude(user=pairing.mentee.user_id)
            .with_open_places()
            .select_related("user")
        )
