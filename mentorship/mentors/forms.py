from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.http import urlencode

from mentorship.forms import TOO_LONG
from mentorship.programs.forms import interest_groups
from mentorship.programs.models import Interest, Program
from mentorship.years.models import Level

from .directory import MENTOR_LEVELS
from .models import MAX_CAPACITY, MentorProfile

SEARCH_MAX_LENGTH = 200
# Longer than any query string the directory's own form makes with every interest ticked.
BACK_MAX_LENGTH = 2000


class KnownInterestsField(forms.MultipleChoiceField):
    """Keeps the interests it knows and forgets the rest, so an old shared link,
    or one naming an interest since removed, still shows something useful."""

    dropped = False

    def clean(self, value):
        values = {str(v) for v in (value or [])}
        known = {key for key, _ in self.choices}
        self.dropped = not values <= known
        return sorted(values & known, key=int)


class DirectoryFilterForm(forms.Form):
    """The directory's filters. Everything lives in the query string (GET)."""

    q = forms.CharField(
        label="Search names and profiles",
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "A word, a topic or a name"}
        ),
    )
    interests = KnownInterestsField(
        label="Interests",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Mentors with any of the interests you tick.",
    )
    category = forms.ChoiceField(
        label="Area",
        required=False,
        choices=[("", "Any area"), *Interest.Category.choices],
    )
    format = forms.ChoiceField(
        label="Meeting",
        required=False,
        choices=[
            ("", "Any way"),
            ("in_person", "In person"),
            ("video", "By video"),
            ("phone", "By phone"),
        ],
    )
    level = forms.ChoiceField(
        label="Stage",
        required=False,
        choices=[("", "Any stage"), *((level, Level(level).label) for level in MENTOR_LEVELS)],
    )
    open_only = forms.BooleanField(label="Only mentors with open places", required=False)
    near_peer = forms.BooleanField(
        label="Only near-peer mentors",
        required=False,
        help_text="CA-2 and CA-3 residents who remember the first year.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query for the taxonomy, shared by validation and the checkboxes.
        self.all_interests = list(Interest.objects.all())
        self.fields["interests"].choices = [(str(i.pk), i.name) for i in self.all_interests]

    @property
    def ignored_something(self) -> bool:
        """True when a value in the URL was not understood and so left out."""
        return bool(self.errors) or self.fields["interests"].dropped

    def interest_groups(self):
        return interest_groups(self["interests"], self.all_interests)

    def used(self) -> dict:
        """The filters that cleaned; anything that didn't is ignored."""
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value}

    def summary(self) -> str:
        """The filters in the folded panel, for its one-line summary:
        “2 interests, by video, open places only”. The search box is outside it."""
        used = self.used()
        parts = []
        if interests := used.get("interests"):
            parts.append(f"{len(interests)} interest{pluralize(len(interests))}")
        if category := used.get("category"):
            parts.append(Interest.Category(category).label)
        if fmt := used.get("format"):
            parts.append(dict(self.fields["format"].choices)[fmt].lower())
        if level := used.get("level"):
            parts.append(Level(level).label)
        if used.get("open_only"):
            parts.append("open places only")
        if used.get("near_peer"):
            parts.append("near-peers only")
        return ", ".join(parts)


# What a link back to the directory may carry: its own filters and the page.
DIRECTORY_PARAMETERS = (*DirectoryFilterForm.base_fields, "page")


def directory_query(raw: str) -> str:
    """The directory's query string rebuilt from `raw` (a query string, as in
    `?back=…`), keeping only the directory's own parameters. Anything else, an
    address (`//evil.example`), a `javascript:` link or markup, leaves nothing of
    itself but percent-escaped values the directory ignores if it can't use them."""
    if not isinstance(raw, str) or len(raw) > BACK_MAX_LENGTH:
        return ""
    given = QueryDict(raw)
    kept = QueryDict(mutable=True)
    for name in DIRECTORY_PARAMETERS:
        if values := [value for value in given.getlist(name) if value]:
            kept.setlist(name, values)
    return kept.urlencode()


def directory_url(raw: str) -> str:
    """The directory, filtered as `raw` says (see directory_query)."""
    query = directory_query(raw)
    return reverse("mentors:directory") + (f"?{query}" if query else "")


def back_param(raw: str) -> str:
    """`?back=…` for a link to a mentor's page (or onwards) that leads back to the
    directory as `raw` filtered it; empty for the plain directory."""
    query = directory_query(raw)
    return "?" + urlencode({"back": query}) if query else ""


class MentorProfileForm(forms.ModelForm):
    """A mentor's own profile. Approval is never part of it; the programs chosen
    here are saved by services.mentor_set_programs, each waiting for its directors."""

    programs = forms.ModelMultipleChoiceField(
        label="Your programs",
        queryset=Program.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text="The programs whose residents may ask you. A director of each program "
        "looks at your profile before you're listed there.",
        error_messages={
            "required": "Choose at least one program, so its residents can find you.",
            "invalid_choice": "Choose one of the programs in the list.",
            "invalid_pk_value": "Choose one of the programs in the list.",
        },
    )

    capacity = forms.IntegerField(
        label=MentorProfile._meta.get_field("capacity").verbose_name.capitalize(),
        min_value=0,
        max_value=MAX_CAPACITY,
        help_text=MentorProfile._meta.get_field("capacity").help_text,
        widget=forms.NumberInput(attrs={"min": 0, "max": MAX_CAPACITY, "inputmode": "numeric"}),
        error_messages={
            "required": f"Say how many residents you can mentor at once, from 0 to {MAX_CAPACITY}.",
            "invalid": f"Enter a whole number from 0 to {MAX_CAPACITY}.",
            "min_value": "Choose 0 or more; 0 means you're not taking mentees for now.",
            "max_value": f"Choose {MAX_CAPACITY} or fewer. Fewer, well-kept commitments "
            "beat many thin ones.",
        },
    )

    class Meta:
        model = MentorProfile
        fields = [
            "title",
            "division",
            "interests",
            "capacity",
            "accepting_new",
            "meets_in_person",
            "meets_by_video",
            "meets_by_phone",
            *MentorProfile.PROMPTS,
        ]
        labels = {
            "title": "Your title",
            "division": "Your division",
            "interests": "Interests you'd gladly talk about",
            "accepting_new": "I'm taking new mentees",
            "meets_in_person": "In person",
            "meets_by_video": "By video",
            "meets_by_phone": "By phone",
        }
        help_texts = {
            "interests": "Residents find mentors by these. Tick as many as you like.",
        }
        widgets = {
            "interests": forms.CheckboxSelectMultiple,
            "title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            **{name: forms.Textarea(attrs={"rows": 5}) for name in MentorProfile.PROMPTS},
        }
        error_messages = {
            "title": {
                "required": "Tell residents your title, for example “Associate Professor”.",
                "max_length": TOO_LONG,
            },
            "division": {"max_length": TOO_LONG},
            **{name: {"max_length": TOO_LONG} for name in MentorProfile.PROMPTS},
        }

    field_order = ["programs"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("programs", list(self.instance.programs.all()))

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError("Tell residents your title.", code="required")
        return title

    def interest_groups(self):
        return interest_groups(self["interests"], self.fields["interests"].queryset)

    @property
    def prompt_fields(self):
        return [self[name] for name in MentorProfile.PROMPTS]

    @property
    def format_fields(self):
        return [self[name] for name in ("meets_in_person", "meets_by_video", "meets_by_phone")]
