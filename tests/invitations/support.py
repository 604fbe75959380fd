"""Helpers for the class upload: a CSV as a director would write it, and the
admin's two steps (upload with its preview, then confirm)."""

import csv
import io
import re

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

IMPORT = reverse("admin:invitations_invitation_import")
CONFIRM = reverse("admin:invitations_invitation_process_import")
INVITATIONS = reverse("admin:invitations_invitation_changelist")
HEADINGS = ["Name", "E-mail", "Level", "Start date", "Interests"]


def class_csv(rows, headings=HEADINGS) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headings)
    writer.writerows(rows)
    return SimpleUploadedFile("incoming.csv", out.getvalue().encode(), content_type="text/csv")


def intern(n: int, **changes) -> list:
    row = {
        "name": f"Intern {n:03d}",
        "email": f"intern{n:03d}@example.com",
        "level": "PGY-1",
        "start": "2027-07-01",
        "interests": "",
    } | changes
    return [row["name"], row["email"], row["level"], row["start"], row["interests"]]


def upload(client, program, rows, *, skip=False, headings=HEADINGS):
    data = {"program": program.pk, "format": "0", "import_file": class_csv(rows, headings)}
    if skip:
        data["skip_problems"] = "on"
    return client.post(IMPORT, data)


def confirm_data(response) -> dict:
    form = response.context["confirm_form"]
    return {name: form[name].value() for name in form.fields}


def join_links(outbox=None) -> list[str]:
    """The join links of the e-mails sent, in order."""
    links = []
    for message in outbox if outbox is not None else mail.outbox:
        if found := re.search(r"https?://[^\s]+/join/\d+/\w+/", message.body):
            links.append(found.group(0))
    return links
