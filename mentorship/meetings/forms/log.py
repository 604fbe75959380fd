"""The session log form: when, how long and how you met; your side's prompts,
each private unless you share it; new commitments inline; and what became of the
ones still open from last time. It only collects words: services.meeting_log
saves them. The new commitments are a formset of COMMITMENT_ROWS rows, each row
ignored while it is left empty."""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BoundField, formset_factory
from django.utils import timezone

from mentorship.forms import TOO_LONG

from ..identifiers import likely_identifiers
from ..models import NOTE_MAX_LENGTH, PROMPTS, Commitment, Meeting, Side
from ..services import CommitmentInput, NoteInput
from .dates import date_field

COMMITMENT_ROWS = 3
COMMITMENTS_PREFIX = "commitments"
WHAT_MAX_LENGTH = Commitment._meta.get_field("what").max_length
QUICK_MINUTES = [15, 30, 45, 60, 90]
DRAFT_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

# Each prompt gets a sentence of help: why it is asked.
PROMPT_HELP = {
    "learned_about_them": "A story they told, a value you noticed, something that surprised you.",
    "curious_or_carrying": "Questions they are chasing, or a weight they mentioned.",
    "be_of_service": "An introduction, a paper, a word with someone: small is fine.",
    "taking_away": "A phrase, an idea, a way of seeing something.",
    "try_before_next": "One small step you can take before you meet again.",
    "help_someone": "Asking for help is a gift, and so is offering it.",
}

IDENTIFIER_ERROR = (
    "This may identify a patient: %(found)s. Leave out names, record numbers and "
    "dates of birth, or tick the box at the end if it is fine."
)


@dataclass
class PromptRow:
    question: str
    answer: BoundField
    share: BoundField


@dataclass
class CommitmentRow:
    number: int
    owner: BoundField
    what: BoundField
    due_on: BoundField


@dataclass
class OpenRow:
    commitment: Commitment
    owner_name: str
    choice: BoundField
    carry_to: BoundField


class CommitmentRowForm(forms.Form):
    """One new commitment: who, what, by when. A row left empty is no commitment."""

    owner = forms.ChoiceField(label="Who", required=False)
    what = forms.CharField(
        label="What",
        required=False,
        max_length=WHAT_MAX_LENGTH,
        error_messages={"max_length": TOO_LONG},
    )
    due_on = date_field("By when")

    def __init__(self, *args, side: str, other_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        other_side = Side.MENTEE if side == Side.MENTOR else Side.MENTOR
        owner = self.fields["owner"]
        owner.choices = [(side, "Me"), (other_side, other_name)]
        owner.initial = side
        owner.error_messages["invalid_choice"] = f"Choose Me or {other_name}."

    def clean(self):
        data = super().clean()
        if data.get("due_on") and not (data.get("what") or "").strip():
            self.add_error(
                "what", ValidationError("Say what will be done, or clear the date.", code="no_what")
            )
        return data


# Exactly COMMITMENT_ROWS rows, however many a crafted post claims.
CommitmentFormSet = formset_factory(
    CommitmentRowForm,
    extra=COMMITMENT_ROWS,
    max_num=COMMITMENT_ROWS,
    absolute_max=COMMITMENT_ROWS,
)


def _with_management(data):
    """The posted data with the formset's counts as the page always has them:
    COMMITMENT_ROWS rows, none initial. A post without them (a form sent before
    the rows were a formset, or a script) or with crafted ones logs the rows it
    holds and ignores any beyond; rows typed in a form from before the formset
    (c1_what, c1_owner, c1_due, ...) are read as its rows: nothing typed is lost."""
    if data is None:
        return data
    data = data.copy()
    data[f"{COMMITMENTS_PREFIX}-TOTAL_FORMS"] = str(COMMITMENT_ROWS)
    data[f"{COMMITMENTS_PREFIX}-INITIAL_FORMS"] = "0"
    for row in range(COMMITMENT_ROWS):
        for old, new in (("owner", "owner"), ("what", "what"), ("due", "due_on")):
            if (name := f"c{row + 1}_{old}") in data:
                data.setdefault(f"{COMMITMENTS_PREFIX}-{row}-{new}", data[name])
    return data


class LogForm(forms.Form):
    date = date_field("When did you meet?", required=True)
    time = forms.TimeField(
        label="At what time",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Write the time like 14:30, or leave it empty."},
    )
    minutes = forms.IntegerField(
        label="How long, in minutes",
        min_value=5,
        max_value=480,
        initial=30,
        widget=forms.NumberInput(
            attrs={"min": 5, "max": 480, "step": 5, "inputmode": "numeric", "list": "quick-minutes"}
        ),
        error_messages={
            "required": "Say roughly how long you met, in minutes.",
            "invalid": "Write the length as a number of minutes, like 30.",
            "min_value": "A session is at least 5 minutes long.",
            "max_value": "Sessions longer than 8 hours (480 minutes) are logged as two.",
        },
    )
    format = forms.ChoiceField(
        label="How did you meet?",
        choices=Meeting.Format.choices,
        initial=Meeting.Format.IN_PERSON,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you met.", "invalid_choice": "Choose how you met."},
    )
    confirm_no_identifiers = forms.BooleanField(
        label="I've checked: nothing here identifies a patient", required=False
    )
    # Set by static/js/drafts.js, so the browser knows its draft was saved.
    draft_id = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        side: str,
        other_name: str,
        open_commitments: list[Commitment],
        today: date,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.side, self.other_name, self.today = side, other_name, today
        self.open_commitments = open_commitments
        self.identifier_flags: list[tuple[str, list[str]]] = []
        self.fields["date"].initial = today
        self.prompts = PROMPTS[side]
        for key, question in self.prompts:
            self.fields[f"answer_{key}"] = forms.CharField(
                label=question,
                help_text=PROMPT_HELP.get(key, ""),
                required=False,
                max_length=NOTE_MAX_LENGTH,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"max_length": TOO_LONG},
            )
            self.fields[f"share_{key}"] = forms.BooleanField(
                label=f"Share with {other_name}", required=False
            )
        self.commitments = CommitmentFormSet(
            _with_management(self.data) if self.is_bound else None,
            prefix=COMMITMENTS_PREFIX,
            form_kwargs={"side": side, "other_name": other_name},
        )
        for commitment in open_commitments:
            self.fields[f"open_{commitment.pk}"] = forms.ChoiceField(
                label=commitment.what,
                choices=[
                    ("keep", "Leave as is"),
                    ("done", "Done"),
                    ("carry", "Carry forward"),
                ],
                initial="keep",
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"open_{commitment.pk}_to"] = date_field("to")

    # --- what the template walks through ---------------------------------------

    @property
    def prompt_rows(self) -> list[PromptRow]:
        return [
            PromptRow(question, self[f"answer_{key}"], self[f"share_{key}"])
            for key, question in self.prompts
        ]

    @property
    def commitment_rows(self) -> list[CommitmentRow]:
        return [
            CommitmentRow(n, row["owner"], row["what"], row["due_on"])
            for n, row in enumerate(self.commitments, start=1)
        ]

    @property
    def open_rows(self) -> list[OpenRow]:
        return [
            OpenRow(
                commitment,
                "You" if commitment.owner == self.side else self.other_name,
                self[f"open_{commitment.pk}"],
                self[f"open_{commitment.pk}_to"],
            )
            for commitment in self.open_commitments
        ]

    @property
    def quick_minutes(self) -> list[int]:
        return QUICK_MINUTES

    # --- checks -----------------------------------------------------------------

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > self.today:
            raise ValidationError(
                "A session you log has already happened. To set up the next one, plan it instead.",
                code="in_the_future",
            )
        return value

    def clean_draft_id(self):
        value = self.cleaned_data["draft_id"]
        return value if DRAFT_ID_RE.match(value) else ""

    def clean(self):
        data = super().clean()
        if not self.commitments.is_valid():
            for error in self.commitments.non_form_errors().as_data():
                self.add_error(None, error)
        for commitment in self.open_commitments:
            choice = data.get(f"open_{commitment.pk}")
            carry_to = data.get(f"open_{commitment.pk}_to")
            if carry_to and choice == "keep":
                # A new date was picked: that is carrying it forward.
                data[f"open_{commitment.pk}"] = choice = "carry"
            if choice == "carry" and f"open_{commitment.pk}_to" not in self.errors:
                if not carry_to:
                    self.add_error(
                        f"open_{commitment.pk}_to",
                        ValidationError("Choose the new date to carry it to.", code="no_date"),
                    )
                elif carry_to < self.today:
                    self.add_error(
                        f"open_{commitment.pk}_to",
                        ValidationError("Choose a date from today on.", code="past_date"),
                    )
        self._check_identifiers(data)
        self._take_row_errors()
        return data

    def _take_row_errors(self) -> None:
        """Each row's errors count as this form's too: it is invalid with them, and
        the page's summary counts them as fields marked below."""
        for row in self.commitments:
            for name, errors in row.errors.items():
                self._errors[row[name].html_name] = errors

    def _check_identifiers(self, data) -> None:
        """Flag answers that may identify a patient, unless the person has checked."""
        texts = [(self, f"answer_{key}", question) for key, question in self.prompts] + [
            (row, "what", f"Commitment {n}") for n, row in enumerate(self.commitments, start=1)
        ]
        for form, name, label in texts:
            found = likely_identifiers(form.cleaned_data.get(name) or "")
            if not found:
                continue
            self.identifier_flags.append((label, found))
            if not data.get("confirm_no_identifiers") and name not in form.errors:
                form.add_error(
                    name,
                    ValidationError(
                        IDENTIFIER_ERROR,
                        code="likely_identifier",
                        params={"found": ", ".join(f"“{item}”" for item in found)},
                    ),
                )

    @property
    def asks_identifier_check(self) -> bool:
        """Show the confirmation box: something looked like an identifier."""
        return bool(self.identifier_flags)

    @property
    def identifiers_unconfirmed(self) -> bool:
        return self.asks_identifier_check and not self.cleaned_data.get("confirm_no_identifiers")

    @property
    def has_other_errors(self) -> bool:
        """Errors besides the identifier check, which has a notice of its own."""
        return any(
            error.code != "likely_identifier"
            for errors in self.errors.as_data().values()
            for error in errors
        )

    # --- what the service takes -------------------------------------------------

    def starts_at(self, now: datetime) -> datetime:
        """The start of the session, in the program's time zone. Without a time,
        a session logged on the day ended just now; an earlier one is put at noon."""
        day, at = self.cleaned_data["date"], self.cleaned_data.get("time")
        if at is not None:
            return timezone.make_aware(datetime.combine(day, at))
        local_now = timezone.localtime(now).replace(second=0, microsecond=0)
        if day == local_now.date():
            start_of_day = timezone.make_aware(datetime.combine(day, time.min))
            return max(local_now - timedelta(minutes=self.cleaned_data["minutes"]), start_of_day)
        return timezone.make_aware(datetime.combine(day, time(12, 0)))

    def notes(self) -> list[NoteInput]:
        return [
            NoteInput(
                prompt=key,
                answer=self.cleaned_data[f"answer_{key}"],
                shared=self.cleaned_data[f"share_{key}"],
            )
            for key, _ in self.prompts
            if self.cleaned_data[f"answer_{key}"].strip()
        ]

    def new_commitments(self) -> list[CommitmentInput]:
        rows = [row.cleaned_data for row in self.commitments]
        return [
            CommitmentInput(
                owner=row.get("owner") or self.side,
                what=row["what"].strip(),
                due_on=row.get("due_on"),
            )
            for row in rows
            if (row.get("what") or "").strip()
        ]

    def done(self) -> list[Commitment]:
        return [c for c in self.open_commitments if self.cleaned_data[f"open_{c.pk}"] == "done"]

    def carried(self) -> dict[Commitment, date]:
        return {
            c: self.cleaned_data[f"open_{c.pk}_to"]
            for c in self.open_commitments
            if self.cleaned_data[f"open_{c.pk}"] == "carry"
        }
