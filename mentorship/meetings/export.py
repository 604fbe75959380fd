"""A person's own notes and the commitments of their pairings, as Markdown or JSON.

Notes come only through Note.objects.readable_by: the notes this person wrote,
private and shared, and, in a section of their own, what the other person of a
pairing shared with them. Nobody's private notes but their own.
"""

import json
from datetime import datetime

from django.utils import timezone

from accounts.models import User
from mentorship.pairings.models import Pairing

from .models import Commitment, Note

FORMATS = {
    "md": ("text/markdown; charset=utf-8", "md"),
    "json": ("application/json", "json"),
}


def _pairing_name(pairing: Pairing, user: User) -> str:
    if pairing.mentor.user_id == user.pk:
        return f"You mentor {pairing.mentee.user.name}"
    return f"Your mentor, {pairing.mentor.user.name}"


def _day(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).date().isoformat()
    return value.isoformat()


def _note(note: Note, user: User) -> dict:
    meeting = note.meeting
    return {
        "pairing": _pairing_name(meeting.pairing, user),
        "pairing_id": meeting.pairing_id,
        "meeting_date": _day(meeting.starts_at),
        "meeting_status": meeting.status,
        "author": note.author.name,
        "question": note.get_prompt_display(),
        "answer": note.answer,
        "visibility": note.visibility,
    }


def _commitment(commitment: Commitment, user: User) -> dict:
    pairing = commitment.pairing
    owner = pairing.mentor.user if commitment.owner == "mentor" else pairing.mentee.user
    return {
        "pairing": _pairing_name(pairing, user),
        "pairing_id": pairing.pk,
        "owner": commitment.owner,
        "owner_name": owner.name,
        "what": commitment.what,
        "due_on": _day(commitment.due_on),
        "done_on": _day(commitment.done_at),
    }


def export_data(user: User, *, now: datetime | None = None) -> dict:
    """Everything the export holds, as plain values: three queries."""
    people = ("meeting__pairing__mentor__user", "meeting__pairing__mentee__user", "author")
    notes = (
        Note.objects.readable_by(user)
        .select_related(*people)
        .order_by("meeting__pairing_id", "meeting__starts_at", "meeting_id", "author_id", "pk")
    )
    mine, shared_with_me = [], []
    for note in notes:
        (mine if note.author_id == user.pk else shared_with_me).append(_note(note, user))
    commitments = (
        Commitment.objects.visible_to(user)
        .select_related("pairing__mentor__user", "pairing__mentee__user")
        .order_by("pairing_id", "created_at", "pk")
    )
    return {
        "exported_at": (now or timezone.now()).isoformat(),
        "person": {"name": user.name, "email": user.email},
        "about": (
            "The notes you wrote, private and shared; the notes the other person of a "
            "pairing shared with you, under shared_with_you; and the commitments of your "
            "pairings. Private notes of others are never included."
        ),
        "notes": mine,
        "shared_with_you": shared_with_me,
        "commitments": [_commitment(c, user) for c in commitments],
    }


def as_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _visibility(note: dict) -> str:
    return "Shared with the two of you" if note["visibility"] == "shared" else "Only you"


def _notes_markdown(notes: list[dict], *, with_author: bool) -> list[str]:
    lines, pairing, meeting = [], None, None
    for note in notes:
        if note["pairing"] != pairing:
            pairing, meeting = note["pairing"], None
            lines += [f"### {pairing}", ""]
        if note["meeting_date"] != meeting:
            meeting = note["meeting_date"]
            lines += [f"#### Meeting of {meeting}", ""]
        label = note["author"] if with_author else _visibility(note)
        lines += [f"**{note['question']}** ({label})", "", note["answer"].strip(), ""]
    return lines


def as_markdown(data: dict) -> str:
    person = data["person"]
    lines = [
        "# Your notes and commitments",
        "",
        f"Downloaded {data['exported_at'][:10]} by {person['name']} ({person['email']}).",
        "Keep this file somewhere private: it holds your own notes.",
        "",
        "## Notes you wrote",
        "",
    ]
    lines += _notes_markdown(data["notes"], with_author=False) or ["You haven't written any.", ""]
    lines += [
        "## Shared with you",
        "",
        "What the other person of a pairing chose to share with you.",
        "",
    ]
    lines += _notes_markdown(data["shared_with_you"], with_author=True) or ["Nothing yet.", ""]
    lines += ["## Commitments", ""]
    pairing = None
    for item in data["commitments"]:
        if item["pairing"] != pairing:
            pairing = item["pairing"]
            lines += ["", f"### {pairing}", ""] if lines[-1] else [f"### {pairing}", ""]
        box = "x" if item["done_on"] else " "
        when = f", done {item['done_on']}" if item["done_on"] else ""
        due = f", by {item['due_on']}" if item["due_on"] else ""
        lines.append(f"- [{box}] {item['owner_name']}: {item['what']}{due}{when}")
    if not data["commitments"]:
        lines.append("None yet.")
    return "\n".join(lines).rstrip() + "\n"


def export_file(user: User, kind: str, *, now: datetime | None = None) -> tuple[str, str, str]:
    """(content, content type, file name) for "md" or "json"."""
    now = now or timezone.now()
    data = export_data(user, now=now)
    content_type, extension = FORMATS[kind]
    content = as_json(data) if kind == "json" else as_markdown(data)
    return content, content_type, f"my-notes-{timezone.localdate(now).isoformat()}.{extension}"
