"""allauth's e-mails wait in the task table (TASKS_BACKEND=database) as names and
ids only; the worker makes the verification key and the reset link again, and
they work."""

import re

import pytest
from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from tests.factories import PASSWORD, make_mentee, make_user

pytestmark = pytest.mark.django_db

SIGNUP = {
    "name": "Ana Kowalski",
    "email": "ana@stanford.edu",
    "password1": "curiosity-and-generosity",
    "password2": "curiosity-and-generosity",
}


def link_in(message, part: str) -> str:
    [link] = re.findall(rf"https?://\S+{part}\S*", message.body)
    return link


def path_of(link: str) -> str:
    return link[link.index("/accounts/") :]


def test_a_sign_up_queues_no_link_and_the_worker_sends_one_that_confirms(client, task_table):
    client.post(reverse("account_signup"), SIGNUP)

    # Waiting for the worker: nothing sent yet, and nothing in the table to open the account.
    assert mail.outbox == []
    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs["kwargs"] == {
        "template_prefix": "account/email/email_confirmation_signup",
        "email": "ana@stanford.edu",
        "site_url": "http://testserver",
        "email_address": User.objects.get().emailaddress_set.get().pk,
    }
    assert "confirm-email" not in task_table.text()

    assert task_table.run() == 1

    [message] = mail.outbox
    assert message.to == ["ana@stanford.edu"]
    assert message.subject == "[Mentorship] Please Confirm Your Email Address"
    link = link_in(message, "/accounts/confirm-email/")
    assert link.startswith("http://testserver/accounts/confirm-email/")
    key = link.rstrip("/").rsplit("/", 1)[-1]
    assert key not in task_table.text()
    # Following it, in the browser that signed up, confirms the address and lets Ana in.
    response = client.post(path_of(link))
    assert response.status_code == 302
    assert User.objects.get().emailaddress_set.get().verified
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


def test_logging_in_unverified_resends_a_link_made_by_the_worker(client, task_table):
    user = make_user("new@example.com", verified=False, onboarded=False)

    client.post(reverse("account_login"), {"login": "new@example.com", "password": PASSWORD})

    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs["kwargs"]["template_prefix"] == "account/email/email_confirmation"
    assert queued.args_kwargs["kwargs"]["email_address"] == user.emailaddress_set.get().pk
    assert "confirm-email" not in task_table.text()
    task_table.run()
    client.post(path_of(link_in(mail.outbox[0], "/accounts/confirm-email/")))
    assert user.emailaddress_set.get().verified


def test_a_password_reset_queues_no_token_and_the_worker_sends_a_link_that_works(
    client, task_table
):
    user = make_mentee("sam@example.com")

    client.post(reverse("account_reset_password"), {"email": "sam@example.com"})

    assert mail.outbox == []
    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs["kwargs"] == {
        "template_prefix": "account/email/password_reset_key",
        "email": "sam@example.com",
        "site_url": "http://testserver",
        "user": user.pk,
    }
    assert "/password/reset/key/" not in task_table.text()

    task_table.run()

    [message] = mail.outbox
    assert message.to == ["sam@example.com"]
    link = link_in(message, "/accounts/password/reset/key/")
    assert link.startswith("http://testserver/accounts/password/reset/key/")
    token = link.rstrip("/").rsplit("-", 1)[-1]
    assert token not in task_table.text()
    form_page = client.get(path_of(link), follow=True)
    new = "persistence-and-patience"
    client.post(form_page.redirect_chain[-1][0], {"password1": new, "password2": new})
    user.refresh_from_db()
    assert user.check_password(new)


def test_a_failed_reset_e_mail_is_retried_with_the_same_ids_and_no_token(
    client, task_table, settings
):
    settings.EMAIL_BACKEND = "tests.accounts.test_tasks.FailingBackend"
    user = make_mentee("sam@example.com")
    client.post(reverse("account_reset_password"), {"email": "sam@example.com"})

    task_table.run()

    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "FAILED"
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"] == {**first.args_kwargs["kwargs"], "attempt": 2}
    assert retry.args_kwargs["kwargs"]["user"] == user.pk
    assert "/password/reset/key/" not in task_table.text()


def test_a_reset_for_an_unknown_address_queues_only_the_address(client, task_table):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})

    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs["kwargs"] == {
        "template_prefix": "account/email/unknown_account",
        "email": "nobody@example.com",
        "site_url": "http://testserver",
    }
    task_table.run()
    [message] = mail.outbox
    assert "http://testserver/accounts/signup/" in message.body
    assert "/reset/key/" not in message.body


def test_signing_up_with_a_taken_address_tells_its_owner_how_to_get_back_in(client, task_table):
    make_mentee("ana@stanford.edu")

    client.post(reverse("account_signup"), SIGNUP)

    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs["kwargs"] == {
        "template_prefix": "account/email/account_already_exists",
        "email": "ana@stanford.edu",
        "site_url": "http://testserver",
    }
    task_table.run()
    [message] = mail.outbox
    assert "http://testserver/accounts/password/reset/" in message.body


def test_an_e_mail_the_worker_cannot_rebuild_is_refused_before_anything_is_queued(task_table):
    # A log-in code, say: queueing its context would put the code in the table.
    with pytest.raises(ImproperlyConfigured, match="login_code"):
        get_adapter().send_mail("account/email/login_code", "sam@example.com", {"code": "Q7XK"})

    assert not DBTaskResult.objects.exists()


def test_allauth_sends_no_e_mail_beyond_those_the_worker_rebuilds():
    # Turning one of these on sends an e-mail the adapter refuses (the test above):
    # teach AccountAdapter.render_queued_mail to rebuild it first.
    assert not allauth_settings.EMAIL_NOTIFICATIONS
    assert not allauth_settings.LOGIN_BY_CODE_ENABLED
    assert not allauth_settings.PASSWORD_RESET_BY_CODE_ENABLED
    assert not allauth_settings.EMAIL_VERIFICATION_BY_CODE_ENABLED
    assert allauth_settings.EMAIL_CONFIRMATION_HMAC
    assert "code" not in allauth_settings.REAUTHENTICATION_METHODS


def test_asking_for_a_re_authentication_code_by_e_mail_is_refused_not_a_crash(client, sam):
    client.force_login(sam.user)

    response = client.post(reverse("account_request_reauthentication_code"))

    assert response.status_code == 403
