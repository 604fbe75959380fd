"""The "Ask … to mentor you" panel of a mentor's profile page."""

from django import template

from mentorship.pairings.asking import asking_status

register = template.Library()


@register.inclusion_tag("pairings/ask_panel.html", takes_context=True)
def ask_panel(context, mentor):
    """The button when asking is possible, otherwise a sentence saying why.
    `mentor` needs `open_places` (MentorProfile.objects.with_open_places())."""
    request = context["request"]
    return {
        "mentor": mentor,
        "asking": asking_status(request.user, mentor),
        # The directory's filters, when the person came from it (mentors' `?back=`).
        "back": request.GET.get("back", ""),
    }
