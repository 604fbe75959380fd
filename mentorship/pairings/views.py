"""The people's side of requests and pairings: asking, answering, and the pairing page.

Every change goes through a function of services.py; a PairingError's message is
shown to the person who tried. Program directors use the admin: these pages are
for the two people concerned, so anyone else gets a 404.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile

from . import services
from .forms import (
    AcceptForm,
    AskMoreForm,
    DeclineForm,
    EndForm,
    QuestionAnswerForm,
    ReflectForm,
    RequestForm,
)
from .models import MentorshipRequest, Pairing
from .services import PairingError

PStatus = Pairing.Status
# Errors that mean "not yours to do": shown as a message on the page, not at a field.
WRONG_SIDE = {"not_mentee", "not_mentor", "not_member"}


def requests_of(user: User) -> QuerySet[MentorshipRequest]:
    """Requests this person asked or was asked; a director's view is the admin's."""
    return MentorshipRequest.objects.visible_to(user).filter(
        Q(mentee__user=user) | Q(mentor__user=user)
    )


def pairings_of(user: User) -> QuerySet[Pairing]:
    """Pairings this person is one of the two people of."""
    return Pairing.objects.visible_to(user).filter(Q(mentee__user=user) | Q(mentor__user=user))


# --- asking -----------------------------------------------------------------


@dataclass
class Asking:
    """Whether this person can ask this mentor now, and if not, why, in a sentence."""

    can_ask: bool
    reason: str = ""
    link: str = ""
    link_text: str = ""
    mentee: MenteeProfile | None = None


def asking_status(user: User, mentor: MentorProfile) -> Asking | None:
    """None when asking isn't a question at all: your own profile, or you don't look
    for a mentor. `mentor` comes with `open_places` and its programs prefetched."""
    if mentor.user_id == user.pk or not user.is_mentee:
        return None
    name = mentor.user.name
    mentee = (
        MenteeProfile.objects.filter(user=user)
        .select_related("program")
        .annotate(
            open_pairing=Subquery(
                Pairing.objects.open().filter(mentee=OuterRef("pk"), mentor=mentor).values("pk")[:1]
            ),
            pending_request=Subquery(
                MentorshipRequest.objects.pending()
                .filter(mentee=OuterRef("pk"), mentor=mentor)
                .values("pk")[:1]
            ),
            pending_count=Coalesce(
                Subquery(
                    MentorshipRequest.objects.pending()
                    .filter(mentee=OuterRef("pk"))
                    .order_by()
                    .values("mentee")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
        )
        .order_by("pk")
        .first()
    )
    if mentee is None:
        return Asking(
            False,
            f"Write your profile first: {name} will read it with your request.",
            reverse("mentees:profile_edit"),
            "Write your profile",
        )
    if not mentor.is_approved or mentee.program_id not in {p.pk for p in mentor.programs.all()}:
        return Asking(
            False,
            f"{name} mentors residents of another program, so you can't ask them here.",
            mentee=mentee,
        )
    if mentee.open_pairing:
        return Asking(
            False,
            f"You and {name} are already paired.",
            reverse("pairings:detail", args=[mentee.open_pairing]),
            "Open your pairing",
            mentee,
        )
    if mentee.pending_request:
        return Asking(
            False,
            f"You have already asked {name}; your request is waiting for an answer.",
            reverse("pairings:request_detail", args=[mentee.pending_request]),
            "See your request",
            mentee,
        )
    if not mentor.accepting_new:
        return Asking(False, f"{name} isn't taking new mentees this season.", mentee=mentee)
    if mentor.open_places <= 0:
        return Asking(
            False,
            f"{name} has no open places right now. Places open up as pairings end, "
            "so you could ask again later, or find someone else in the directory.",
            reverse("mentors:directory"),
            "Back to the directory",
            mentee,
        )
    limit = mentee.program.max_pending_requests
    if mentee.pending_count >= limit:
        return Asking(
            False,
            f"You have {mentee.pending_count} requests waiting for an answer, the most "
            f"{mentee.program} allows at once. Withdraw one, or wait for an answer, "
            "before asking someone new.",
            reverse("pairings:request_list"),
            "See your requests",
            mentee,
        )
    return Asking(True, mentee=mentee)


@require_http_methods(["GET", "POST"])
def request_create(request: HttpRequest, mentor_id: int) -> HttpResponse:
    user = request.user
    mentor = get_object_or_404(
        MentorProfile.objects.visible_to(user)
        .with_open_places()
        .select_related("user")
        .prefetch_related("programs"),
        pk=mentor_id,
    )
    if mentor.user_id == user.pk:
        messages.info(request, "This is your own profile: you can't ask yourself.")
        return redirect(mentor)
    if not user.is_mentee:
        messages.info(request, "To ask for a mentor, first tell us you'd like one.")
        return redirect("onboarding")
    asking = asking_status(user, mentor)
    if asking.mentee is None:
        messages.info(
            request,
            f"Write your profile first: {mentor.user.name} will read it with your request. "
            "A few lines are enough.",
        )
        return redirect("mentees:profile_edit")
    form = RequestForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            sent = services.request_create(
                mentee=asking.mentee, mentor=mentor, by=user, **form.cleaned_data
            )
        except PairingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"Your request is with {mentor.user.name}. You'll hear back by e-mail; "
                "most mentors answer within a week.",
            )
            return redirect(sent)
    context = {"mentor": mentor, "asking": asking, "form": form}
    return render(request, "pairings/mentorshiprequest_form.html", context)


# --- the mentee's requests --------------------------------------------------


@require_GET
def request_list(request: HttpRequest) -> HttpResponse:
    asked = requests_of(request.user).filter(mentee__user=request.user)
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
        requests_of(request.user).select_related(
            "mentee__user", "mentee__program", "mentor__user", "referred_to__user", "pairing"
        ),
        pk=pk,
    )


@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _request_page(request, _request(request, pk))


@require_POST
def request_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    asked = _request(request, pk)
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
def request_reply(request: HttpRequest, pk: int) -> HttpResponse:
    asked = _request(request, pk)
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
        requests_of(request.user)
        .filter(mentor__user=request.user)
        .pending()
        .select_related("mentee__user", "mentee__program")
        .order_by("created_at", "pk")  # who has waited longest comes first
    )
    return render(request, "pairings/inbox.html", {"requests": waiting})


@require_http_methods(["GET", "POST"])
def request_answer(request: HttpRequest, pk: int) -> HttpResponse:
    asked = _request(request, pk)
    if request.method == "GET":
        return _request_page(request, asked)
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


def _answer(
    request: HttpRequest, asked: MentorshipRequest, decision: str, data: dict
) -> HttpResponse:
    mentee = asked.mentee.user.name
    if decision == "accept":
        pairing = services.request_accept(request=asked, by=request.user, reply=data["reply"])
        if pairing.status == PStatus.ACTIVE:
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


@require_GET
def pairing_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    pairings = sorted(
        pairings_of(user).select_related("mentor__user", "mentee__user", "program"),
        key=lambda p: p.status == PStatus.ENDED,  # current ones first, newest first within
    )
    context = {
        "as_mentee": [p for p in pairings if p.mentee.user_id == user.pk],
        "as_mentor": [p for p in pairings if p.mentor.user_id == user.pk],
    }
    return render(request, "pairings/pairing_list.html", context)


def _pairing(request: HttpRequest, pk: int) -> Pairing:
    return get_object_or_404(
        pairings_of(request.user).select_related(
            "mentor__user", "mentee__user", "mentee__program", "program", "request"
        ),
        pk=pk,
    )


def _sides(pairing: Pairing, user: User) -> tuple[str, str]:
    side = pairing.side_of(user)
    return side, "mentee" if side == "mentor" else "mentor"


@require_GET
def pairing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    side, other_side = _sides(pairing, request.user)
    other = getattr(pairing, other_side)
    reflections = [
        (person, learned, carry)
        for person, learned, carry in (
            (pairing.mentee.user, pairing.mentee_learned, pairing.mentee_carry_forward),
            (pairing.mentor.user, pairing.mentor_learned, pairing.mentor_carry_forward),
        )
        if learned.strip() or carry.strip()
    ]
    context = {
        "pairing": pairing,
        "side": side,
        "other": other,
        "other_prompts": other.answered_prompts,
        "i_confirmed": getattr(pairing, f"{side}_confirmed_at") is not None,
        "other_confirmed": getattr(pairing, f"{other_side}_confirmed_at") is not None,
        "shows_contacts": pairing.status in (PStatus.ACTIVE, PStatus.PAUSED),
        "reflections": reflections,
        "can_reflect": _can_reflect(pairing, side),
    }
    return render(request, "pairings/pairing_detail.html", context)


def _can_reflect(pairing: Pairing, side: str) -> bool:
    return pairing.status == PStatus.ENDED and not (
        getattr(pairing, f"{side}_learned").strip()
        or getattr(pairing, f"{side}_carry_forward").strip()
    )


@require_POST
def pairing_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    side, other_side = _sides(pairing, request.user)
    other = getattr(pairing, other_side).user.name
    try:
        pairing = services.pairing_confirm(pairing=pairing, by=request.user)
    except PairingError as error:
        messages.error(request, error.message)
        return redirect(pairing)
    if pairing.status == PStatus.ACTIVE:
        messages.success(
            request,
            f"You and {other} are paired. Your e-mail addresses are below, so one of you "
            "can suggest a first meeting.",
        )
    elif getattr(pairing, f"{other_side}_confirmed_at") is None:
        messages.success(
            request, f"Thank you for confirming. We'll e-mail you both once {other} has too."
        )
    else:
        messages.success(
            request,
            "Thank you for confirming. A program director looks at this pairing before it "
            "starts; you'll both hear by e-mail.",
        )
    return redirect(pairing)


@require_POST
def pairing_pause(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    other = getattr(pairing, _sides(pairing, request.user)[1]).user.name
    try:
        services.pairing_pause(pairing=pairing, by=request.user)
    except PairingError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"The pairing is paused, and we've let {other} know. Your place together stays "
            "held; resume whenever you're both ready.",
        )
    return redirect(pairing)


@require_POST
def pairing_resume(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    other = getattr(pairing, _sides(pairing, request.user)[1]).user.name
    try:
        services.pairing_resume(pairing=pairing, by=request.user)
    except PairingError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, f"Welcome back. The pairing is active again, and we've let {other} know."
        )
    return redirect(pairing)


@require_http_methods(["GET", "POST"])
def pairing_end(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    if request.method == "GET" and pairing.status == PStatus.ENDED:
        messages.info(request, "This pairing has already ended.")
        return redirect(pairing)
    side, other_side = _sides(pairing, request.user)
    form = EndForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.pairing_end(pairing=pairing, by=request.user, **form.cleaned_data)
        except PairingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"The pairing has ended, and we've let {getattr(pairing, other_side).user.name} "
                "know. Thank you for the time you gave each other.",
            )
            return redirect(pairing)
    context = {"pairing": pairing, "form": form, "ending": True, "side": side}
    return render(request, "pairings/pairing_close.html", context)


@require_http_methods(["GET", "POST"])
def pairing_reflect(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    side, other_side = _sides(pairing, request.user)
    if request.method == "GET" and not _can_reflect(pairing, side):
        if pairing.status == PStatus.ENDED:
            messages.info(request, "Your reflection is already saved.")
        else:
            messages.info(request, "Reflections come when a pairing ends.")
        return redirect(pairing)
    form = ReflectForm(request.POST if request.method == "POST" else None)
    if form.is_valid() and pairing.status == PStatus.ENDED and not _can_reflect(pairing, side):
        # Each side adds theirs once; the other person may already have read it.
        form.add_error(None, "Your reflection is already saved; it is on the pairing page.")
    if form.is_valid():
        try:
            services.pairing_reflect(pairing=pairing, by=request.user, **form.cleaned_data)
        except PairingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"Your reflection is saved. {getattr(pairing, other_side).user.name} can read "
                "it on this page.",
            )
            return redirect(pairing)
    context = {"pairing": pairing, "form": form, "ending": False, "side": side}
    return render(request, "pairings/pairing_close.html", context)
