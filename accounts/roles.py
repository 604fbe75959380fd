"""The program directors' group and the admin permissions it carries.

Later apps add their own models' permissions to DIRECTOR_PERMISSIONS.
"""

from django.contrib.auth.models import Group, Permission

from .models import DIRECTORS_GROUP

# "app_label.codename" of every permission a program director holds.
DIRECTOR_PERMISSIONS = [
    "accounts.view_user",
    "accounts.appoint_director",
    "programs.view_program",
    "programs.change_program",
    "programs.view_interest",
    "programs.add_interest",
    "programs.change_interest",
    "programs.delete_interest",
    "mentors.view_mentorprofile",
    "mentors.change_mentorprofile",
    "mentors.view_membership",
    "mentors.add_membership",
    "mentors.delete_membership",
    "mentees.view_menteeprofile",
    "mentees.change_menteeprofile",
    "years.view_academicyear",
    "years.add_academicyear",
    "years.change_academicyear",
    "years.view_appointment",
    "years.change_appointment",
    "invitations.view_invitation",
    "invitations.add_invitation",
    "invitations.change_invitation",
    "years.view_roleterm",
    "years.add_roleterm",
    "years.change_roleterm",
    "years.delete_roleterm",
    "mentors.view_evaluationpledge",
    "pairings.view_conflictnotice",
    "pairings.change_conflictnotice",
    "pairings.view_pairing",
    "pairings.add_pairing",
    "pairings.change_pairing",
    "pairings.view_mentorshiprequest",
    "pairings.change_mentorshiprequest",
    # Meetings only: their dates, lengths and formats. Notes have no admin at all.
    "meetings.view_meeting",
    # The year's rollovers: prepared in the wizard (/director/rollover/), listed here.
    "rollover.view_rollover",
    # Support: the contact and the resources. Messages have no admin at all.
    "support.view_supportsetup",
    "support.add_supportsetup",
    "support.change_supportsetup",
    "support.view_supportresource",
    "support.add_supportresource",
    "support.change_supportresource",
    "support.delete_supportresource",
    # Check-ins: a program's own questions, the "check in" tasks, who was asked.
    # Answers have no admin at all.
    "checkins.view_question",
    "checkins.add_question",
    "checkins.change_question",
    "checkins.delete_question",
    "checkins.view_followup",
    "checkins.change_followup",
    "checkins.view_checkin",
    # The section of the annual report the director writes, and its actions.
    "years.view_yearreview",
    "years.add_yearreview",
    "years.change_yearreview",
    "years.view_yearaction",
    "years.add_yearaction",
    "years.change_yearaction",
    "years.delete_yearaction",
]


def ensure_directors_group(using: str = "default", apps=None, **kwargs) -> Group:
    group, _ = Group.objects.using(using).get_or_create(name=DIRECTORS_GROUP)
    wanted = []
    for dotted in DIRECTOR_PERMISSIONS:
        app_label, codename = dotted.split(".")
        wanted.extend(
            Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename=codename
            )
        )
    group.permissions.add(*wanted)
    return group
