"""The pairings' CSV export: one line per pairing, streamed as it is read.

A program of 5,000 pairings is a file of almost a megabyte: it is written line
by line from a database cursor read in chunks, so neither the file nor the rows
are ever held in memory whole, and it costs the same queries for 10 pairings as
for 10,000. Meetings appear as figures only (the last one, how many, days
since), never a word of their notes.
"""

import csv

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone

from ..models import Pairing

HEADER = [
    "program",
    "mentor",
    "mentor e-mail",
    "mentee",
    "mentee e-mail",
    "status",
    "how it began",
    "started",
    "ended",
    "days active",
    "last meeting",
    "meetings held",
    "days since they met",
]
# Read straight from the database: names through joins, which for every row of
# a program cost less than a subquery per row, and the meeting figures of
# Pairing.objects.with_meeting_figures(), without last_met: it repeats the last meeting's
# subquery, and is that date or else the start, as below.
COLUMNS = [
    "program__name",
    "mentor__user__name",
    "mentor__user__email",
    "mentee__user__name",
    "mentee__user__email",
    "status",
    "origin",
    "started_on",
    "ended_on",
    "last_meeting_on",
    "meetings_held",
]
CHUNK = 1000  # rows per fetch from the database cursor
STATUSES = dict(Pairing.Status.choices)
ORIGINS = dict(Pairing.Origin.choices)


class Echo:
    """The one method csv.writer needs of a file: each line comes back to be sent."""

    def write(self, line: str) -> str:
        return line


def spreadsheet_safe(value):
    """A name typed as "=HYPERLINK(...)" stays text when the file opens in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def pairings_csv(pairings: QuerySet, filename: str) -> StreamingHttpResponse:
    """The pairings (annotated by with_meeting_figures) as a CSV download."""
    rows = pairings.values_list(*COLUMNS)
    # The lines are written after the view has returned: the day and the time
    # zone are the request's, fixed now.
    today, zone = timezone.localdate(), timezone.get_current_timezone()
    safe = spreadsheet_safe

    def lines():
        writer = csv.writer(Echo())
        yield writer.writerow(HEADER).encode()
        with timezone.override(zone):
            for row in rows.iterator(chunk_size=CHUNK):
                program, mentor, mentor_email, mentee, mentee_email = row[:5]
                status, origin, started, ended, last_meeting, held = row[5:]
                # Pairing.days_active, and days since they met counted from the
                # last meeting or else the start (last_met), with today read once.
                active = (ended or today) - started if started else None
                since = Pairing.days_since(status, last_meeting or started, today)
                line = writer.writerow(
                    [
                        # Only what people typed can start like a formula.
                        safe(program),
                        safe(mentor),
                        safe(mentor_email),
                        safe(mentee),
                        safe(mentee_email),
                        STATUSES.get(status, status),
                        ORIGINS.get(origin, origin),
                        started.isoformat() if started else "",
                        ended.isoformat() if ended else "",
                        "" if active is None else active.days,
                        last_meeting.isoformat() if last_meeting else "",
                        held,
                        "" if since is None else since,
                    ]
                )
                # Encoded here: the response would look up its charset for each line.
                yield line.encode()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
