"""The questions every program asks, as the data migration writes them.

Each is (kind, key, text, hint, format, audience, asked of, required). A program
adds its own in the admin; these stay as they are, so a year's totals compare
with the last.
"""

BUILT_IN = [
    # Pairing fit: after the first meeting, or three weeks in without one.
    ("fit", "fit", "How does this pairing feel so far?", "", "fit", "director", "both", True),
    (
        "fit",
        "fit_why",
        "What has helped most so far, or what would make it work better?",
        'A sentence is plenty. Choosing "not a good fit" quietly asks your program '
        "director to help find someone new; your mentor or mentee isn't told.",
        "text",
        "director",
        "both",
        False,
    ),
    # Pulse: day 30 and 90 of a pairing, then every 90 days.
    ("pulse", "useful", "This mentorship is useful to me.", "", "scale", "total", "mentee", True),
    ("pulse", "met", "Did you meet as planned?", "", "yes_no", "total", "mentee", True),
    (
        "pulse",
        "help",
        "What would help?",
        "A kind of meeting, someone to meet, a question to bring next time.",
        "text",
        "director",
        "mentee",
        False,
    ),
    (
        "pulse",
        "outside",
        "I'd like support from someone outside my pairing.",
        "Choosing yes lets your program's wellness contact know, so they can reach out.",
        "yes_no",
        "wellness",
        "mentee",
        False,
    ),
    # Mid-year, early December, for the whole program.
    (
        "midyear",
        "useful",
        "Mentorship in this program has been useful to me this year.",
        "",
        "scale",
        "total",
        "both",
        True,
    ),
    (
        "midyear",
        "progress",
        "I'm making progress on what I hoped to work on this year.",
        "",
        "scale",
        "total",
        "both",
        True,
    ),
    (
        "midyear",
        "better",
        "What is one thing the program could do better in the second half of the year?",
        "",
        "text",
        "director",
        "both",
        False,
    ),
    (
        "midyear",
        "outside",
        "I'd like support from someone outside my pairing.",
        "Choosing yes lets your program's wellness contact know, so they can reach out.",
        "yes_no",
        "wellness",
        "mentee",
        False,
    ),
    # End of year, in May (after the ACGME survey window), for the whole program.
    (
        "end_of_year",
        "useful",
        "Mentorship in this program was useful to me this year.",
        "",
        "scale",
        "total",
        "both",
        True,
    ),
    (
        "end_of_year",
        "recommend",
        "I would encourage a new resident to find a mentor here.",
        "",
        "scale",
        "total",
        "both",
        True,
    ),
    (
        "end_of_year",
        "keep",
        "What should the program keep doing next year, and what should it change?",
        "",
        "text",
        "director",
        "both",
        False,
    ),
    # Closing reflection, when a pairing ends: the two words go to the partner.
    (
        "closing",
        "learned",
        "What did you learn from each other?",
        "",
        "text",
        "partner",
        "both",
        False,
    ),
    ("closing", "carry", "What will you carry forward?", "", "text", "partner", "both", False),
    ("closing", "useful", "This mentorship was useful to me.", "", "scale", "total", "both", True),
]

FIELDS = ("kind", "key", "text", "hint", "format", "audience", "asks", "required")


def ensure_built_in(question_model) -> None:
    """Write the built-in questions (the data migration's step; tests that empty the
    database between them call it again)."""
    for order, row in enumerate(BUILT_IN):
        values = dict(zip(FIELDS, row, strict=True))
        question_model.objects.update_or_create(
            program=None,
            kind=values.pop("kind"),
            key=values.pop("key"),
            defaults={**values, "order": order},
        )
