"""The people's side of requests: the mentee's requests (and their answer to a
mentor's question), the mentor's inbox and answer. Asking itself is asking.py.

Every change goes through a function of the services; a PairingError's message is
shown to the person who tried. Program directors use the admin: these pages are
for the two people concerned, so anyone else gets a 404.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mentorship.years.models import appointments_now

from .. import services
from ..forms import (
    AcceptForm,
    AskMoreForm,
    DeclineForm,
    QuestionAnswerForm,
)
from ..models import MentorshipRequest, Pairing
from ..services import WRONG_SIDE, PairingError

# --- the mentee's requests --------------------------------------------------


@require_GET
def request_list(request: HttpRequest) -> HttpResponse:
    asked = MentorshipRequest.objects.involving(request.user).filter(mentee__user=request.user)
    asked = asked.select_related("mentor__user", "referred_to__user", "pairing")
    return render(request, "pairings/mentorshiprequest_list.html", {"requests": asked})


def _request_page(
    request: HttpRequest, asked: MentorshipRequest, forms: dict | None = None
) -> HttpResponse:
    """The request as its mentee or its mentor sees it, with the forms that fit."""
    forms = forms or {}
    side = "mentor" if asked.mentor.user_id == request.user.pk else "mentee"
    context = {"req": asked, "side": side, "reply_form": forms.get("reply")}
    if side == "mentee" and (asked.awaiting_mentee or "reply" in forms):
        context["reply_form"] = forms.get("reply") or QuestionAnswerForm()
    if side == "mentor" and (asked.is_pending or forms.keys() & ANSWER_FORMS.keys()):
        context["answer_forms"] = {
            name: forms.get(name) or _answer_form(name, asked) for name in ANSWER_FORMS
        }
    return render(request, "pairings/mentorshiprequest_detail.html", context)


def _request(request: HttpRequest, pk: int) -> MentorshipRequest:
    return get_object_or_404(
        MentorshipRequest.objects.involving(request.user).select_related(
            "mentee__user", "mentee__program", "mentor__user", "referred_to__user", "pairing"
        ),
        pk=pk,
    )


@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _request_page(request, _request(request, pk))


@require_http_methods(["GET", "POST"])
def request_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first, on a page of its own: one stray tap withdraws nothing."""
    asked = _request(request, pk)
    if request.method == "GET":
        if asked.side_of(request.user) != "mentee" or not asked.is_pending:
            return redirect(asked)
        return render(request, "pairings/mentorshiprequest_withdraw.html", {"req": asked})
    try:
        services.request_withdraw(request=asked, by=request.user)
    except PairingError as error:
        messages.error(request, error.message)
        return redirect(asked)
    messages.success(
        request,
        f"You withdrew your request to {asked.mentor.user.name}. We've let them know; "
        "you are free to ask someone else.",
    )
    return redirect("pairings:request_list")


@require_POST
def question_answer(request: HttpRequest, pk: int) -> HttpResponse:
    asked = _request(request, pk)
    if (
        asked.side_of(request.user) == "mentee"
        and asked.question_answered_at
        and not asked.awaiting_mentee
    ):
        # The same answer sent again (Back, a double tap): it is there already.
        messages.info(
            request,
            f"Your answer is already with {asked.mentor.user.name}, so nothing was sent twice.",
        )
        return redirect(asked)
    form = QuestionAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.request_answer_question(
                request=asked, by=request.user, answer=form.cleaned_data["answer"]
            )
        except PairingError as error:
            if error.code in WRONG_SIDE:
                messages.error(request, error.message)
                return redirect(asked)
            form.add_error("answer" if error.code == "empty_answer" else None, error.message)
        else:
            messages.success(
                request,
                f"Your answer is with {asked.mentor.user.name}. You'll hear back by e-mail.",
            )
            return redirect(asked)
    return _request_page(request, asked, {"reply": form})


# --- the mentor's inbox and answer --------------------------------------------


ANSWER_FORMS = {"accept": AcceptForm, "ask": AskMoreForm, "decline": DeclineForm}


def _answer_form(name: str, asked: MentorshipRequest, data=None):
    kwargs = {"request": asked} if name == "decline" else {}
    return ANSWER_FORMS[name](data, prefix=name, **kwargs)


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    waiting = (
        MentorshipRequest.objects.involving(request.user)
        .filter(mentor__user=request.user)
        .pending()
        .select_related("mentee__user", "mentee__program")
        # Each mentee's level this year, for the whole inbox in one query.
        .prefetch_related(appointments_now("mentee__user__appointments"))
        .order_by("created_at", "pk")  # who has waited longest comes first
    )
    return render(request, "pairings/inbox.html", {"requests": waiting})


@require_http_methods(["GET", "POST"])
def request_answer(request: HttpRequest, pk: int) -> HttpResponse:
    asked = _request(request, pk)
    if request.method == "GET":
        return _request_page(request, asked)
    if not asked.is_pending and asked.closed_by_id == request.user.pk:
        return _answered_already(request, asked)
    decision = request.POST.get("decision", "")
    if decision not in ANSWER_FORMS:
        messages.error(
            request, "Choose how you'd like to answer: say yes, ask a question, or decline."
        )
        return redirect(asked)
    form = _answer_form(decision, asked, request.POST)
    if form.is_valid():
        try:
            done = _answer(request, asked, decision, form.cleaned_data)
        except PairingError as error:
            if error.code in WRONG_SIDE:
                messages.error(request, error.message)
                return redirect(asked)
            form.add_error(None, error.message)
        else:
            return done
    return _request_page(request, asked, {decision: form})


def _answered_already(request: HttpRequest, asked: MentorshipRequest) -> HttpResponse:
    """The mentor's answer sent again (Back, a double tap) to the request they closed."""
    pairing = getattr(asked, "pairing", None)
    if asked.status == MentorshipRequest.Status.ACCEPTED and pairing is not None:
        messages.info(request, "You said yes already, so nothing changed. Here is your pairing.")
        return redirect(pairing)
    messages.info(request, "You answered this request already, so nothing changed.")
    return redirect(asked)


def _answer(
    request: HttpRequest, asked: MentorshipRequest, decision: str, data: dict
) -> HttpResponse:
    mentee = asked.mentee.user.name
    if decision == "accept":
        pairing = services.request_accept(request=asked, by=request.user, reply=data["reply"])
        if pairing.status == Pairing.Status.ACTIVE:
            messages.success(
                request,
                f"You and {mentee} are paired. We've let them know by e-mail; your e-mail "
                "addresses are below, so one of you can suggest a first meeting.",
            )
        else:
            messages.success(
                request,
                f"Thank you for saying yes. Because you also evaluate residents, a program "
                f"director looks at the pairing before it starts; you and {mentee} will hear "
                "by e-mail.",
            )
        return redirect(pairing)
    if decision == "ask":
        services.request_ask_more(request=asked, by=request.user, question=data["question"])
        messages.success(
            request,
            f"Your question is with {mentee}. Their request stays open, and you'll get an "
            "e-mail when they answer.",
        )
        return redirect("pairings:inbox")
    referred_to = data["referred_to"]
    services.request_decline(
        request=asked,
        by=request.user,
        reply=data["reply"],
        referred_to=referred_to,
        referral_reason=data["referral_reason"],
    )
    suggestion = f", with your suggestion to ask {referred_to.user.name}" if referred_to else ""
    messages.success(
        request,
        f"Thank you for answering. We've let {mentee} know{suggestion}.",
    )
    return redirect("pairings:inbox")


# --- pairings ---------------------------------------------------------------
