"""A simple check for patient identifiers in what people write about a session.

Notes are about the two people of a pairing, not about patients. This is a
gentle net, not a guarantee: it flags what looks like a medical record number
(a run of seven or more digits, spaces or dashes allowed between groups) or a
date of birth (a full date right after "DOB", "born" or "date of birth"), and
the form asks the person to look again before saving.
"""

import re

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

# Full dates as people write them: 03/14/1987, 3-14-87, 1987-03-14, 14.03.1987,
# March 14, 1987 and 14 March 1987.
DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    rf"|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{4}})"
)
DATE_RE = re.compile(rf"(?<![\d.\-/]){DATE}(?![\d/])", re.IGNORECASE)

# "DOB", "D.O.B.", "born", "date of birth", "birth date", then a few words at most.
BIRTH_DATE_RE = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\.?|born|date\s+of\s+birth|birth\s?date)\W{{0,3}}"
    rf"(?:(?:on|in|is|was)\s+)?(?P<date>{DATE})(?![\d/])",
    re.IGNORECASE,
)

# Seven or more digits, with at most one space or dash between groups.
DIGIT_RUN_RE = re.compile(r"(?<![\d])\d(?:[ \-]?\d){6,}(?![\d])")

YEAR_RE = re.compile(r"\d{4}")


def _plausible_birth_year(date_text: str) -> bool:
    years = YEAR_RE.findall(date_text)
    return not years or any(1900 <= int(year) <= 2025 for year in years)


def likely_identifiers(text: str) -> list[str]:
    """The pieces of `text` that look like a patient identifier, as written."""
    if not text:
        return []
    found = [
        match.group(0).strip()
        for match in BIRTH_DATE_RE.finditer(text)
        if _plausible_birth_year(match.group("date"))
    ]
    # An ordinary date ("we meet again on 2026-04-02") is not a record number:
    # blank dates out before looking for long runs of digits.
    without_dates = DATE_RE.sub(lambda match: " " * len(match.group(0)), text)
    found += [match.group(0) for match in DIGIT_RUN_RE.finditer(without_dates)]
    return found
