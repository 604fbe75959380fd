"""Directors follow their invitations in the admin: each one's state, sent again
with a fresh link, and only their own programs' people."""

import html
import re
from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.invitations.models import Invitation
from mentorship.invitations.services import invitation_accept, invitation_create
from tests.factories import add_totp, make_mentee
from tests.invitations.support import IMPORT, INVITATIONS, join_links

pytestmark = pytest.mark.django_db


def invite(program, n, by=None):
    return invitation_create(
        program=program,
        email=f"intern{n}@example.com",
        name=f"Intern {n}",
        level="intern",
        starts_on=date(2027, 7, 1),
        by=by,
    )


@pytest.fixture
def four(program, desk):
    """One invitation in each state: sent, opened, joined, expired."""
    sent, opened, joined, expired = (invite(program, n, desk) for n in range(4))
    Invitation.objects.filter(pk=opened.pk).update(opened_at=timezone.now())
    invitation_accept(invitation=joined)
    Invitation.objects.filter(pk=expired.pk).update(sent_at=timezone.now() - timedelta(days=15))
    return {"sent": sent, "opened": opened, "joined": joined, "expired": expired}


def names(response) -> list[str]:
    return sorted(row.name for row in response.context["cl"].result_list)


def test_the_list_shows_each_invitations_state_and_filters_by_it(client, desk, four):
    client.force_login(desk)

    page = client.get(INVITATIONS)

    text = html.unescape(page.content.decode())
    assert "Sent, good until" in text
    for label in ("Opened", "Joined", "Expired"):
        assert f'<td class="field-state">{label}</td>' in text
    for state, invitation in four.items():
        filtered = client.get(INVITATIONS, {"state": state})
        assert names(filtered) == [invitation.name], state


def test_sending_again_gives_a_new_link_and_skips_those_who_joined(
    client, desk, four, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(desk)
    old_key = four["expired"].key()
    chosen = [four["expired"].pk, four["joined"].pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            INVITATIONS,
            {"action": "send_again", "_selected_action": chosen},
            follow=True,
        )

    text = html.unescape(response.content.decode())
    assert "Sent 1 invitation again" in text
    assert "Already joined, so not sent again: Intern 2." in text
    expired = Invitation.objects.get(pk=four["expired"].pk)
    assert expired.times_sent == 2 and expired.state() == Invitation.State.SENT
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["intern3@example.com"]
    assert old_key not in join_links(mailoutbox)[0]
    client.logout()
    assert client.get(join_links(mailoutbox)[0].split("testserver")[-1]).status_code == 200


def test_the_list_costs_the_same_queries_for_few_or_many(
    client, desk, program, django_assert_num_queries
):
    client.force_login(desk)
    for n in range(3):
        invite(program, n)
    client.get(INVITATIONS)  # the session and the two-step check, once
    with django_assert_num_queries(9) as few:
        client.get(INVITATIONS)
    for n in range(3, 40):
        invite(program, n)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(INVITATIONS)


def test_another_programs_director_sees_none_of_them_and_gets_404_on_one(
    client, four, other_director
):
    add_totp(other_director)
    client.force_login(other_director)

    page = client.get(INVITATIONS)
    one = client.get(reverse("admin:invitations_invitation_change", args=[four["sent"].pk]))

    assert names(page) == []
    assert one.status_code == HTTPStatus.FOUND  # the admin's "doesn't exist" goes to its index
    assert "admin" in one["Location"]


def test_a_director_opens_their_own_invitation_read_only(client, desk, four):
    client.force_login(desk)
    url = reverse("admin:invitations_invitation_change", args=[four["opened"].pk])

    page = client.get(url)
    posted = client.post(url, {"name": "Someone Else"})

    assert page.status_code == HTTPStatus.OK
    assert "Intern 1" in page.content.decode()
    assert posted.status_code == HTTPStatus.FORBIDDEN
    assert Invitation.objects.get(pk=four["opened"].pk).name == "Intern 1"


@pytest.mark.parametrize("url", [INVITATIONS, IMPORT])
def test_anonymous_people_and_mentees_are_sent_to_log_in(client, url):
    assert client.get(url).status_code == HTTPStatus.FOUND
    client.force_login(make_mentee("m@example.com", name="Mo Mentee"))
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/admin/login/")


def test_the_upload_page_offers_only_the_directors_programs(client, desk, program, other_program):
    client.force_login(desk)

    page = client.get(IMPORT)

    assert list(page.context["form"].fields["program"].queryset) == [program]
    assert "Bring in a class" in page.content.decode()


def test_there_is_no_add_form_or_delete_for_invitations(client, desk, four):
    client.force_login(desk)

    add = client.get(reverse("admin:invitations_invitation_add"))
    delete = client.get(reverse("admin:invitations_invitation_delete", args=[four["sent"].pk]))

    assert add.status_code == delete.status_code == HTTPStatus.FORBIDDEN


def test_invited_people_count_as_mentees_without_a_mentor_on_the_directors_home(client, desk, four):
    client.force_login(desk)

    page = html.unescape(client.get("/").content.decode())
    text = " ".join(re.sub(r"<[^>]+>", "", page).split())

    assert "4 mentees, 4 still without a mentor" in text
    assert "3 invited, not joined yet" in text
