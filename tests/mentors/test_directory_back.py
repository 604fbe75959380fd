"""“Back to the directory” leads back to the list as you left it: its filters,
search and page travel with the links to a mentor's page, as `?back=`."""

import re
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.factories import interest, make_mentor, make_mentor_profile
from tests.mentors.directory_support import make_many_mentors, names_listed

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("mentors:directory")


@pytest.fixture
def chen(chen):
    """The cast's Chen, who offers wellness too."""
    chen.interests.add(interest("Wellness"))
    return chen


def card_links(response) -> list[str]:
    return [
        link.replace("&amp;", "&")
        for link in re.findall(r'<h2><a href="([^"]+)">', response.content.decode())
    ]


def back_link(response) -> str:
    match = re.search(r'<a href="([^"]*)">Back to the directory</a>', response.content.decode())
    return match.group(1).replace("&amp;", "&")


def test_a_card_links_to_the_mentors_page_with_the_directorys_filters(client, chen, mentee):
    client.force_login(mentee)
    wellness = interest("Wellness").pk

    response = client.get(DIRECTORY, {"interests": [wellness], "q": "listen", "open_only": "on"})

    [link] = card_links(response)
    [back] = parse_qs(urlsplit(link).query)["back"]
    assert urlsplit(link).path == chen.get_absolute_url()
    assert parse_qs(back) == {"interests": [str(wellness)], "q": ["listen"], "open_only": ["on"]}


def test_the_plain_directory_links_to_the_plain_mentors_page(client, chen, mentee):
    client.force_login(mentee)

    assert card_links(client.get(DIRECTORY)) == [chen.get_absolute_url()]


def test_back_to_the_directory_returns_to_the_same_filtered_page(client, program, mentee):
    make_many_mentors(program, 45)
    client.force_login(mentee)
    first = interest("Cardiac anesthesia").pk  # make_many_mentors gives everyone this one.
    directory = client.get(DIRECTORY, {"interests": [first], "q": "listen", "page": "2"})

    profile = client.get(card_links(directory)[0])
    again = client.get(back_link(profile))

    assert profile.status_code == HTTPStatus.OK
    assert parse_qs(urlsplit(back_link(profile)).query) == {
        "interests": [str(first)],
        "q": ["listen"],
        "page": ["2"],
    }
    assert names_listed(again) == names_listed(directory)
    assert names_listed(again)[0] == "Mentor 0020"


def test_a_page_past_the_end_links_back_to_the_page_shown(client, program, mentee):
    make_many_mentors(program, 25)
    client.force_login(mentee)

    directory = client.get(DIRECTORY, {"page": "9"})

    assert parse_qs(urlsplit(card_links(directory)[0]).query) == {"back": ["page=2"]}


def test_the_mentors_page_without_back_links_to_the_plain_directory(client, chen, mentee):
    client.force_login(mentee)

    assert back_link(client.get(chen.get_absolute_url())) == DIRECTORY


@pytest.mark.parametrize(
    "back",
    [
        "//evil.example",
        "https://evil.example/mentors/",
        "/mentors/?q=x",
        "javascript:alert(1)",
        '"><script>alert(1)</script>',
        "back=q%3Dx",
        "next=https://evil.example",
        "q=" + "x" * 3000,
    ],
)
def test_a_crafted_back_value_leads_only_to_the_plain_directory(client, chen, mentee, back):
    client.force_login(mentee)

    response = client.get(chen.get_absolute_url(), {"back": back})

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert back_link(response) == DIRECTORY
    assert "evil.example" not in text
    assert "javascript:" not in text
    assert "<script>alert(1)" not in text


def test_markup_in_a_back_value_stays_a_harmless_search(client, chen, mentee):
    client.force_login(mentee)

    response = client.get(
        chen.get_absolute_url(), {"back": 'q="><script>alert(1)</script>&format=video'}
    )

    text = response.content.decode()
    assert "<script>alert(1)" not in text
    assert (
        back_link(response)
        == f"{DIRECTORY}?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&format=video"
    )
    assert client.get(back_link(response)).status_code == HTTPStatus.OK


def test_the_ask_link_and_the_ask_page_keep_the_way_back(client, chen, mentee):
    client.force_login(mentee)
    back = "q=listen&open_only=on"

    profile = client.get(chen.get_absolute_url(), {"back": back})
    ask_url = re.search(
        r'<a class="button" href="([^"]+)">Ask Dr Dana Chen', profile.content.decode()
    ).group(1)
    ask = client.get(ask_url.replace("&amp;", "&"))

    assert parse_qs(urlsplit(ask_url.replace("&amp;", "&")).query) == {"back": [back]}
    to_profile = re.search(
        r'<a href="([^"]+)">Back to Dr Dana Chen.s profile</a>', ask.content.decode()
    ).group(1)
    assert back_link(client.get(to_profile.replace("&amp;", "&"))) == f"{DIRECTORY}?{back}"


def test_the_ask_page_of_a_full_mentor_links_back_to_the_filtered_directory(
    client, program, mentee
):
    full = make_mentor_profile(
        make_mentor("full@example.com", name="Dr Sol Reyes"), programs=[program], capacity=0
    )
    client.force_login(mentee)
    ask = reverse("pairings:request_create", args=[full.pk])

    on_profile = client.get(full.get_absolute_url(), {"back": "q=reyes"})
    on_ask_page = client.get(ask, {"back": "q=reyes"})

    for response in (on_profile, on_ask_page):
        text = response.content.decode()
        assert "has no open places right now" in text
        links = re.findall(r'<a href="([^"]*)">Back to the directory</a>', text)
        assert links and all(link == f"{DIRECTORY}?q=reyes" for link in links)
