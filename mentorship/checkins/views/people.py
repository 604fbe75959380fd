"""The one page of a check-in for the person asked: its questions while it is open,
their own answers once given, a word when it closed. Only that person finds it:
anyone else, their mentor, a director or the superuser included, gets a 404."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_http_methods

from ..forms import CheckinForm
from ..models import Checkin
from ..services import Answered, CheckinError, checkin_answer, questions_for


def _mine(request: HttpRequest, pk: int) -> Checkin:
    return get_object_or_404(
        Checkin.objects.of_person(request.user).select_related(
            "program", "pairing__mentor__user", "pairing__mentee__user"
        ),
        pk=pk,
    )


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    checkin = _mine(request, pk)
    partner = checkin.pairing.other_person(request.user) if checkin.pairing else None
    context = {"checkin": checkin, "partner": partner}
    if request.method == "POST" and not checkin.is_open:
        # A second tap, or the page left open past its closing day: the service says which.
        try:
            checkin_answer(checkin=checkin, by=request.user, answers={})
        except CheckinError as error:
            messages.info(request, error.message)
        return redirect(checkin)
    if checkin.status == Checkin.Status.ANSWERED:
        context["answers"] = [
            (answer.question, answer.text or answer.question.label_of(answer.number), answer)
            for answer in checkin.answers.select_related("question").order_by(
                "question__program_id", "question__order", "question__pk"
            )
        ]
        return render(request, "checkins/checkin_answer.html", context)
    if checkin.status == Checkin.Status.CLOSED:
        return render(request, "checkins/checkin_answer.html", context)
    questions = questions_for(checkin)
    form = CheckinForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            done = checkin_answer(checkin=checkin, by=request.user, answers=form.answers())
        except CheckinError as error:
            if error.code in ("answered", "closed"):
                messages.info(request, error.message)
                return redirect(checkin)
            form.add_error(None, error.message)
        else:
            messages.success(request, thanks(done, partner))
            return redirect(checkin)
    context.update(form=form, rows=form.rows())
    return render(request, "checkins/checkin_answer.html", context)


def thanks(done: Answered, partner) -> str:
    """What an answer set going, in the words of the page it lands on."""
    said = ["Thank you: your answers are in."]
    if done.new_mentor_asked:
        said.append(
            "Your program director will be in touch to help you find a new mentor"
            + (f"; {partner.user.get_short_name()} isn't told." if partner else ".")
        )
    if done.wellness_told:
        said.append(
            "Your program's wellness contact has your request for support and will "
            "reach out to you."
        )
    if done.wellness_is_mentor:
        return format_html(
            "{} Your program's wellness contact is your own mentor, so nothing was sent: "
            '<a href="{}">Get support</a> lists others you can talk to now.',
            format_html_join(" ", "{}", ((s,) for s in said)),
            reverse("support:support"),
        )
    if done.wellness_missing:
        return format_html(
            "{} Your program hasn't named a wellness contact yet, so no one was told "
            'that you asked for support. <a href="{}">Get support</a> lists who you '
            "can talk to now.",
            format_html_join(" ", "{}", ((s,) for s in said)),
            reverse("support:support"),
        )
    return " ".join(said)


urlpatterns = [
    path("checkins/<int:pk>/", answer, name="answer"),
]
