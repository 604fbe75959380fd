"""Links that lead back to the directory as the person left it (`?back=`), for the
pages a directory card leads to: a mentor's page and the page to ask them."""

from django import template
from django.urls import reverse

from mentorship.mentors.forms import back_param as _back_param
from mentorship.mentors.forms import directory_url

register = template.Library()


@register.filter
def back_param(back: str) -> str:
    """`?back=…` to add to a link onwards, or nothing: `{{ url }}{{ back|back_param }}`."""
    return _back_param(back or "")


@register.filter
def directory_link(link: str, back: str) -> str:
    """The link, unless it is the plain directory: then the directory as `back` filtered it."""
    if link == reverse("mentors:directory"):
        return directory_url(back or "")
    return link
