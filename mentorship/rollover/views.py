"""The rollover wizard for directors (/director/rollover/<program>/), and the
two pages people asked by it answer on: a graduate's "would you mentor as
alumni?" and a mentor's places for next year.

The wizard is behind the admin's gate (staff with two-step verification) and
shows only programs the director directs: any other slug is a 404. It shows
the plan at any time; it changes anything only from the day it opens (April 1
for a July year).
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mentorship.director import director_page
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear, Appointment

from . import services
from .forms import CapacityForm, ChoiceForm
from .models import AlumniOffer, CapacityConfirmation, Rollover, opens_on
from .plan import plan_for, year_before
from .services import RolloverError


def _program(request: HttpRequest, slug: str) -> Program:
    return get_object_or_404(Program.objects.directed_by(request.user), slug=slug)


def _next_year(program: Program) -> AcademicYear:
    """The year after today's, read without writing: unsaved when nobody made it yet."""
    starts = program.year_start_on_or_before(timezone.localdate())
    starts = starts.replace(year=starts.year + 1)
    return AcademicYear.objects.filter(program=program, starts_on=starts).first() or AcademicYear(
        program=program, starts_on=starts, ends_on=AcademicYear.last_day_after(starts)
    )


def _wizard_url(program: Program) -> str:
    return reverse("rollover:wizard", args=[program.slug])


def _render_wizard(
    request: HttpRequest, program: Program, *, bad_form: ChoiceForm | None = None
) -> HttpResponse:
    to_year = _next_year(program)
    plan = plan_for(program, to_year)
    opening = opens_on(to_year.starts_on)
    for move in plan.advances + plan.graduates:
        choice = move.choice
        move.form = ChoiceForm(
            initial={
                "user": move.user.pk,
                "choice": choice.choice if choice else "advance",
                "expected_end": choice.expected_end if choice else None,
                "reason": choice.reason if choice else "",
            },
            prefix=f"p{move.user.pk}",
        )
        if bad_form is not None and bad_form.prefix == move.form.prefix:
            move.form = bad_form
        move.offer = plan.offers.get(move.user.pk)
    rollover = plan.rollover
    context = {
        "program": program,
        "plan": plan,
        "rollover": rollover,
        "opens_on": opening,
        "is_open": timezone.localdate() >= opening,
        "editable": rollover is None or rollover.is_editable,
        "scheduled": rollover is not None and rollover.state == Rollover.State.SCHEDULED,
        "applied": rollover is not None and rollover.state == Rollover.State.APPLIED,
        "figures": plan.figures(),
        "unasked_graduates": sum(1 for m in plan.graduates if m.user.pk not in plan.offers),
        "unasked_mentors": sum(1 for m in plan.mentors if m.confirmation is None),
    }
    return render(request, "rollover/wizard.html", context)


@require_GET
@director_page
def wizard(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_wizard(request, _program(request, slug))


def _prepared(request: HttpRequest, slug: str) -> tuple[Program, Rollover]:
    program = _program(request, slug)
    to_year = services.next_year_of(program)
    return program, services.rollover_prepare(program=program, to_year=to_year, by=request.user)


@require_POST
@director_page
def choose(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    program = _program(request, slug)
    from_year = year_before(_next_year(program))
    appointment = get_object_or_404(
        Appointment.objects.filter(year=from_year).select_related("user"), user_id=user_id
    )
    form = ChoiceForm(request.POST, prefix=f"p{user_id}")
    if not form.is_valid() or form.cleaned_data["user"] != user_id:
        return _render_wizard(request, program, bad_form=form)
    try:
        program, rollover = _prepared(request, slug)
        services.rollover_choose(
            rollover=rollover,
            user=appointment.user,
            choice=form.cleaned_data["choice"],
            expected_end=form.cleaned_data["expected_end"],
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
    except RolloverError as error:
        if error.code in ("applied", "not_open"):  # the page has no controls to show it at
            messages.error(request, error.message)
            return redirect(_wizard_url(program))
        form.add_error(None, error.message)
        return _render_wizard(request, program, bad_form=form)
    name = appointment.user.name
    messages.success(
        request,
        {
            "advance": f"{name} moves on as planned.",
            "hold_back": f"{name} stays at their level next year.",
            "extend": f"{name} is extended at their level.",
        }[form.cleaned_data["choice"]]
        + " Nothing changes until the year's first day.",
    )
    return redirect(f"{_wizard_url(program)}#person-{user_id}")


def _step(request: HttpRequest, slug: str, act, said) -> HttpResponse:
    """A wizard button: prepare the rollover, make the change, say what happened."""
    program = _program(request, slug)
    try:
        program, rollover = _prepared(request, slug)
        result = act(rollover=rollover, by=request.user)
    except RolloverError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, said(result))
    return redirect(_wizard_url(program))


@require_POST
@director_page
def ask_alumni(request: HttpRequest, slug: str) -> HttpResponse:
    return _step(
        request,
        slug,
        services.rollover_ask_alumni,
        lambda n: (
            f"We e-mailed {n} graduate{'s' if n != 1 else ''} to ask whether they'd "
            "mentor as alumni. Their answers appear here as they come in."
        ),
    )


@require_POST
@director_page
def ask_capacity(request: HttpRequest, slug: str) -> HttpResponse:
    return _step(
        request,
        slug,
        services.rollover_ask_capacity,
        lambda n: (
            f"We e-mailed {n} mentor{'s' if n != 1 else ''} to ask how many mentees "
            "they can take next year. Their answers appear here as they come in."
        ),
    )


@require_POST
@director_page
def confirm(request: HttpRequest, slug: str) -> HttpResponse:
    return _step(
        request,
        slug,
        services.rollover_confirm,
        lambda r: (
            f"Scheduled for {r.to_year.starts_on:%-d %B %Y}. Until then you can "
            "still change the choices below, or undo it."
        ),
    )


@require_POST
@director_page
def undo(request: HttpRequest, slug: str) -> HttpResponse:
    return _step(
        request,
        slug,
        services.rollover_undo,
        lambda r: (
            "Undone: nothing will change on the year's first day. Your choices "
            "are kept, should you schedule it again."
        ),
    )


# --- the people asked --------------------------------------------------------


@require_http_methods(["GET", "POST"])
def alumni(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(
        AlumniOffer.objects.filter(user=request.user).select_related(
            "rollover__program", "rollover__to_year"
        ),
        pk=pk,
    )
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer not in ("yes", "no"):
            messages.error(request, "Choose yes or no.")
            return redirect(offer)
        try:
            services.alumni_answer(offer=offer, by=request.user, accepted=answer == "yes")
        except RolloverError as error:
            messages.error(request, error.message)
            return redirect(offer)
        messages.success(
            request,
            "Thank you. From July you'll be listed as an alumni mentor; residents may ask you."
            if answer == "yes"
            else "Thank you for letting us know. Congratulations, and keep in touch.",
        )
        return redirect(offer)
    return render(request, "rollover/alumni_answer.html", {"offer": offer})


@require_http_methods(["GET", "POST"])
def capacity(request: HttpRequest, pk: int) -> HttpResponse:
    confirmation = get_object_or_404(
        CapacityConfirmation.objects.filter(user=request.user).select_related("year__program"),
        pk=pk,
    )
    profile = getattr(request.user, "mentor_profile", None)
    initial = (
        confirmation.capacity if confirmation.confirmed_at else getattr(profile, "capacity", 2)
    )
    form = CapacityForm(request.POST or None, initial={"capacity": initial})
    if form.is_valid():
        try:
            services.capacity_confirm(
                confirmation=confirmation, by=request.user, capacity=form.cleaned_data["capacity"]
            )
        except RolloverError as error:
            form.add_error("capacity", error.message)
        else:
            n = form.cleaned_data["capacity"]
            messages.success(
                request,
                f"Thank you: {n} place{'s' if n != 1 else ''} from "
                f"{confirmation.year.starts_on:%-d %B %Y}. You can change it here until then.",
            )
            return redirect(confirmation)
    return render(
        request, "rollover/capacity_confirm.html", {"confirmation": confirmation, "form": form}
    )
