"""The demo's support: the residency's wellness contact (Dr Luis Herrera, the
program's wellness lead, who neither directs it nor sits on its CCC), three places the institution offers help, and a
few messages waiting in his inbox. A second run adds nothing."""

from datetime import datetime, timedelta

from accounts.models import User
from mentorship.programs.models import Program
from mentorship.support.models import SupportMessage, SupportResource, SupportSetup

CONTACT = "mentor2@example.com"
INTRO = (
    "Priya is a cardiac anesthesiologist who has walked with many residents through "
    "hard weeks. She doesn't evaluate anyone."
)
RESOURCES = [
    (
        "Employee Assistance Program",
        "https://www.stanfordhealthcare.org/",
        "Free, confidential counselling for you and your family, a few sessions a year.",
    ),
    (
        "GME wellness office",
        "https://med.stanford.edu/gme/",
        "Drop-in hours, peer support and help finding a therapist who sees residents.",
    ),
    (
        "988 Suicide & Crisis Lifeline",
        "https://988lifeline.org/",
        "Call or text 988, any time of day, if you or someone you know is struggling.",
    ),
]
MESSAGES = [
    ("mentee@example.com", 9, "The last run of nights was harder than I let on. Could we talk?"),
    ("mentee2@example.com", 4, "I'm not sleeping well since my grandmother died. Is there time?"),
    ("mentee3@example.com", 1, "I'd like to talk about whether this specialty is right for me."),
]


def seed_support(residency: Program, now: datetime) -> int:
    """The residency's setup and resources, and the demo messages when it has none
    yet. Returns how many messages were made."""
    contact = User.objects.filter(email=CONTACT).first()
    setup, _ = SupportSetup.objects.get_or_create(
        program=residency, defaults={"contact": contact, "intro": INTRO}
    )
    for order, (title, url, description) in enumerate(RESOURCES):
        SupportResource.objects.get_or_create(
            setup=setup,
            title=title,
            defaults={"url": url, "description": description, "order": order},
        )
    if setup.contact is None or SupportMessage.objects.filter(program=residency).exists():
        return 0
    senders = {u.email: u for u in User.objects.filter(email__in=[e for e, _, _ in MESSAGES])}
    made = []
    for email, days_ago, body in MESSAGES:
        if email in senders:
            message = SupportMessage.objects.create(
                program=residency, sender=senders[email], recipient=setup.contact, body=body
            )
            # created_at is set on insert; the story dates it days ago.
            SupportMessage.objects.filter(pk=message.pk).update(
                created_at=now - timedelta(days=days_ago)
            )
            made.append(message)
    return len(made)
