"""Get support: the program's resources and a private message to its wellness
contact; the contact's inbox. Messages come through SupportMessage.objects.visible_to
(the recipient's own) or sent_by (the sender's), so anyone else gets a 404."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mentorship.once import already_made, form_token, posted_token
from mentorship.programs.models import Program
from mentorship.refusal import Refusal

from . import services
from .forms import SupportMessageForm
from .models import SupportMessage, SupportSetup


def _own_program(user) -> Program | None:
    """The program this person is a resident of (a mentee profile names one)."""
    # Mentee profiles are an app beside this one: reached by their reverse name.
    return Program.objects.filter(mentee_profiles__user=user).first()


@require_http_methods(["GET", "POST"])
def support(request: HttpRequest) -> HttpResponse:
    program = _own_program(request.user)
    setup = (
        SupportSetup.objects.filter(program=program)
        .select_related("contact")
        .prefetch_related("resources")
        .first()
        if program
        else None
    )
    contact = setup.contact if setup else None
    if made := already_made(request, SupportMessage.objects.sent_by(request.user)):
        return redirect("support:sent", pk=made.pk)
    form = None
    if contact is not None and contact.pk != request.user.pk:
        form = SupportMessageForm(
            request.POST if request.method == "POST" else None,
            contact_name=contact.get_short_name(),
        )
        if form.is_valid():
            try:
                message = services.support_message_send(
                    program=program,
                    by=request.user,
                    body=form.cleaned_data["body"],
                    form_token=posted_token(request),
                )
            except Refusal as error:
                form.add_error("body", error.message)
            else:
                return redirect("support:sent", pk=message.pk)
    context = {
        "program": program,
        "setup": setup,
        "contact": contact,
        "resources": list(setup.resources.all()) if setup else [],
        "form": form,
        "once": form_token(request),
    }
    return render(request, "support/support.html", context)


@require_GET
def sent(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(
        SupportMessage.objects.sent_by(request.user).select_related("recipient"), pk=pk
    )
    return render(request, "support/message_sent.html", {"message": message})


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    rows = SupportMessage.objects.visible_to(request.user).select_related("sender", "program")
    return render(request, "support/message_list.html", {"support_messages": rows})


@require_GET
def message(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(
        SupportMessage.objects.visible_to(request.user).select_related("sender", "program"),
        pk=pk,
    )
    return render(request, "support/message_detail.html", {"message": message})


@require_POST
def message_read(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(SupportMessage.objects.visible_to(request.user), pk=pk)
    services.support_message_read(message=message, by=request.user)
    messages.success(request, "Marked as read. Only you can see that.")
    return redirect("support:inbox")
