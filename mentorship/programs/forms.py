from collections.abc import Iterable

from django.forms import BoundField

from .models import Interest


def interest_groups(
    bound_field: BoundField, interests: Iterable[Interest]
) -> list[tuple[str, list]]:
    """The checkboxes of an interests field, grouped by category in the order the
    categories are declared (clinical areas first), for includes/interest_picker.html."""
    category_of = {str(interest.pk): interest.category for interest in interests}
    groups: dict[str, list] = {value: [] for value in Interest.Category.values}
    for checkbox in bound_field:
        category = category_of.get(str(checkbox.data["value"]))
        groups.setdefault(category, []).append(checkbox)
    labels = dict(Interest.Category.choices)
    return [
        (labels.get(category, "Other"), checkboxes)
        for category, checkboxes in groups.items()
        if checkboxes
    ]
