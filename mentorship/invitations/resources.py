"""The incoming class as a spreadsheet: one row per person, read by
django-import-export, which shows a preview with every problem and saves
nothing until the director confirms.

Columns: name, email, level, start date, interests (optional, separated by
semicolons). Headings are read loosely ("E-mail", "Start_date", "Level"), and
so are levels ("PGY-1", "Intern", "CA1", "CA-1") and dates (2027-07-01,
7/1/2027, 1 July 2027, or a spreadsheet's own date).
"""

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError
from django.db.models.functions import Lower
from django.utils import timezone
from import_export import fields, resources, widgets

from accounts.models import User
from mentorship.programs.models import Interest, Program
from mentorship.years.models import Level

from .models import Invitation
from .services import INVITABLE_LEVELS, InvitationRefusal, invitation_create

HEADINGS = {
    "name": "name",
    "full name": "name",
    "email": "email",
    "e mail": "email",
    "email address": "email",
    "e mail address": "email",
    "level": "level",
    "training level": "level",
    "start date": "start date",
    "start": "start date",
    "starts on": "start date",
    "interests": "interests",
}

LEVEL_WORDS = {
    "student": Level.STUDENT,
    "medical student": Level.STUDENT,
    "ms4": Level.STUDENT,
    "intern": Level.INTERN,
    "pgy1": Level.INTERN,
    "pgy 1": Level.INTERN,
    "ca1": Level.CA1,
    "ca 1": Level.CA1,
    "pgy2": Level.CA1,
    "ca2": Level.CA2,
    "ca 2": Level.CA2,
    "pgy3": Level.CA2,
    "ca3": Level.CA3,
    "ca 3": Level.CA3,
    "pgy4": Level.CA3,
    "fellow": Level.FELLOW,
}

DATE_FORMATS = [
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%d %B %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%b %d, %Y",
]
LEVELS_TEXT = ", ".join(level.label for level in INVITABLE_LEVELS)


def _words(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


class LevelWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        words = _words(value or "")
        if not words:
            raise ValueError(f"Give a level: one of {LEVELS_TEXT}.")
        level = LEVEL_WORDS.get(words) or LEVEL_WORDS.get(words.replace(" ", ""))
        if level is None:
            raise ValueError(f"“{value}” isn't a level we know. Use one of {LEVELS_TEXT}.")
        return level.value

    def render(self, value, obj=None, **kwargs):
        return Level(value).label if value else ""


class StartDateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None  # the program's next first day, filled in by the resource
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value).strip()
        for fmt in DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(f"“{text}” isn't a date we can read. Write it as 2027-07-01.")

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%-d %B %Y") if value else ""


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return " ".join(str(value).split()) if value is not None else ""


class IncomingClassResource(resources.ModelResource):
    """Rows of an incoming class, each a person to invite to the chosen program."""

    name = fields.Field(attribute="name", column_name="name", widget=TextWidget())
    email = fields.Field(attribute="email", column_name="email", widget=TextWidget())
    level = fields.Field(attribute="level", column_name="level", widget=LevelWidget())
    starts_on = fields.Field(
        attribute="starts_on", column_name="start date", widget=StartDateWidget()
    )
    interests = fields.Field(
        attribute="interests_text", column_name="interests", widget=TextWidget()
    )
    problems = fields.Field(attribute="problems", column_name="what needs fixing", readonly=True)

    class Meta:
        model = Invitation
        fields = ["name", "email", "level", "starts_on", "interests", "problems"]
        import_order = ["name", "email", "level", "starts_on", "interests", "problems"]
        clean_model_instances = False
        use_transactions = True
        skip_unchanged = False
        report_skipped = True
        skip_admin_log = True

    def __init__(self, program: Program | None = None, skip_problems=False, by=None, **kwargs):
        super().__init__()
        self.program = program
        self.skip_problems = skip_problems
        self.by = by

    def get_user_visible_fields(self):
        # The columns a file holds: "what needs fixing" is the preview's own.
        return [
            field for field in self.get_import_fields() if field.column_name != "what needs fixing"
        ]

    @classmethod
    def get_display_name(cls):
        return "Incoming class"

    # --- Before any row -----------------------------------------------------

    def before_import(self, dataset, **kwargs):
        if self.program is None:
            raise ValueError("Choose the program the class joins.")
        if dataset.headers:
            dataset.headers = [HEADINGS.get(_words(h), _words(h)) for h in dataset.headers]
        missing = [n for n in ("name", "email", "level") if n not in (dataset.headers or [])]
        if missing:
            raise ValidationError(
                "The file needs a heading row with name, email and level "
                f"(start date and interests may follow); it has no {', '.join(missing)}."
            )
        addresses = {
            str(row).strip().lower()
            for row in dataset["email"]
            if row not in (None, "") and "@" in str(row)
        }
        self.taken = set(
            User.objects.annotate(address=Lower("email"))
            .filter(address__in=addresses)
            .values_list("address", flat=True)
        )
        self.invited = set(
            Invitation.objects.filter(program=self.program)
            .annotate(address=Lower("email"))
            .filter(address__in=addresses)
            .values_list("address", flat=True)
        )
        self.interests = {i.name.lower(): i for i in Interest.objects.all()}
        self.seen = {}
        self.next_start = self.program.year_start_on_or_before(timezone.localdate())
        self.next_start = self.next_start.replace(year=self.next_start.year + 1)

    def get_instance(self, instance_loader, row):
        return None  # every row is a new person

    # --- Each row -----------------------------------------------------------

    def import_instance(self, instance, row, **kwargs):
        problems = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            problems = {field: " ".join(msgs) for field, msgs in error.message_dict.items()}
        instance.program = self.program
        if not problems.get("name") and not instance.name:
            problems["name"] = "Give the person's name."
        problems.update(self._email_problems(instance, kwargs.get("row_number")))
        instance.starts_on = getattr(instance, "starts_on", None) or self.next_start
        instance.chosen_interests, unknown = self._interests(
            getattr(instance, "interests_text", "")
        )
        if unknown:
            problems["interests_text"] = (
                f"No interest is called {', '.join(f'“{u}”' for u in unknown)}: "
                "check the spelling, or leave it out and they can choose on their profile."
            )
        instance.problems = " ".join(problems.values())
        if problems and not self.skip_problems:
            raise ValidationError(problems)

    def _email_problems(self, instance, row_number) -> dict:
        address = (instance.email or "").strip()
        instance.email = address
        if not address:
            return {"email": "Give an e-mail address: the invitation goes there."}
        try:
            validate_email(address)
        except ValidationError:
            return {"email": f"“{address}” isn't an e-mail address."}
        key = address.lower()
        first = self.seen.setdefault(key, row_number)
        if first != row_number:
            return {"email": f"{address} is also on row {first}: each person once, please."}
        if key in self.invited:
            return {"email": f"{address} is already invited to {self.program}."}
        if key in self.taken:
            return {"email": f"{address} already has an account here, so they can sign in."}
        return {}

    def _interests(self, text: str):
        chosen, unknown = [], []
        for name in filter(None, (part.strip() for part in re.split(r"[;\n]", text or ""))):
            if interest := self.interests.get(name.lower()):
                chosen.append(interest)
            else:
                unknown.append(name)
        return chosen, unknown

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # Without the director's leave, a row with problems is invalid instead: the
        # preview then lists every one and offers no confirmation.
        return self.skip_problems and bool(instance.problems or import_validation_errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs):
            return
        try:
            invitation = invitation_create(
                program=self.program,
                email=instance.email,
                name=instance.name,
                level=instance.level,
                starts_on=instance.starts_on,
                interests=instance.chosen_interests,
                by=self.by,
            )
        except (InvitationRefusal, IntegrityError) as refusal:
            raise ValidationError(
                {"email": getattr(refusal, "message", f"{instance.email} is already here.")}
            ) from refusal
        instance.pk, instance.user = invitation.pk, invitation.user

    def save_m2m(self, instance, row, **kwargs):
        pass  # interests go to the mentee profile, in invitation_create
