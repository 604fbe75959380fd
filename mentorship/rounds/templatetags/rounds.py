"""Words for a round's pages and e-mail."""

from django import template

register = template.Library()

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"]


@register.filter
def ordinal_choice(rank) -> str:
    """2 → "2nd choice"; 1 → "first choice"."""
    try:
        rank = int(rank)
    except (TypeError, ValueError):
        return ""
    if rank == 1:
        return "first choice"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix} choice"


@register.filter
def ordinal(rank) -> str:
    """2 → "2nd"."""
    try:
        rank = int(rank)
    except (TypeError, ValueError):
        return ""
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"
