"""Directors bring in a class here: upload, preview with every problem, confirm;
then follow each invitation (sent, opened, joined, expired) and send it again."""

import os

from django import forms
from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest
from django.shortcuts import redirect
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ConfirmImportForm, ImportForm

from accounts.admin_site import ROWS_PER_PAGE
from mentorship.programs.admin import DirectedProgramListFilter, repeats_a_filter
from mentorship.programs.models import Program

from .models import Invitation
from .resources import LEVELS_TEXT, IncomingClassResource
from .services import InvitationRefusal, invitation_send_again

SKIP_LABEL = "Leave out the rows with problems and invite everyone else"


class ClassUploadForm(ImportForm):
    """The file, the program the class joins, and whether rows with problems are
    left out (after a first look) or stop the upload until they are fixed."""

    program = forms.ModelChoiceField(
        label="Program they join",
        queryset=Program.objects.none(),
        empty_label="Choose the program",
        error_messages={"required": "Choose the program the class joins."},
    )
    skip_problems = forms.BooleanField(label=SKIP_LABEL, required=False)
    field_order = ["program", "import_file", "format", "skip_problems", "resource"]

    def __init__(self, formats, resources, programs=None, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.fields["import_file"].label = "Spreadsheet or CSV file"
        self.fields["import_file"].error_messages["required"] = "Choose the file to upload."
        self.fields["format"].label = "Its format"
        self.fields["format"].error_messages["required"] = "Choose the file's format."
        self.fields["program"].queryset = (
            programs if programs is not None else Program.objects.none()
        )
        if programs is not None and len(programs) == 1:
            self.initial.setdefault("program", programs[0].pk)


class ClassConfirmForm(ConfirmImportForm):
    program = forms.ModelChoiceField(queryset=Program.objects.none(), widget=forms.HiddenInput)
    skip_problems = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, programs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = (
            programs if programs is not None else Program.objects.none()
        )


class InvitationStateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Invitation.State.choices

    def queryset(self, request, queryset):
        if self.value() in Invitation.State.values:
            return queryset.in_state(self.value())
        return queryset


@admin.register(Invitation)
class InvitationAdmin(ImportMixin, admin.ModelAdmin):
    resource_classes = [IncomingClassResource]
    formats = [CSV, XLSX]
    import_form_class = ClassUploadForm
    confirm_form_class = ClassConfirmForm
    import_template_name = "admin/invitations/invitation/import.html"
    skip_admin_log = True

    list_display = [
        "name",
        "email",
        "level",
        "starts_on",
        "state",
        "sent_at",
        "times_sent",
        "program_name",
    ]
    list_filter = [DirectedProgramListFilter, InvitationStateFilter, "level"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    search_fields = ["name", "email"]
    actions = ["send_again"]
    fields = [
        "name",
        "email",
        "program",
        "level",
        "starts_on",
        "invited_by",
        "created_at",
        "sent_at",
        "times_sent",
        "opened_at",
        "joined_at",
    ]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest):
        program = Program.objects.filter(pk=OuterRef("program_id")).order_by()
        return Invitation.objects.directed_by(request.user).annotate(
            program_name=Subquery(program.values("name"))
        )

    def get_list_display(self, request):
        if repeats_a_filter(request, "program", program=True):
            return [f for f in self.list_display if f != "program_name"]
        return self.list_display

    # Invitations are made by bringing in a class, never one by one in a form,
    # and they are a record: kept, not edited or deleted here.
    def has_add_permission(self, request):
        return False

    def has_import_permission(self, request):
        return request.user.has_perm("invitations.add_invitation")

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # The action (send again) needs change; the fields stay read-only.
        return request.user.has_perm("invitations.change_invitation") and obj is None

    # --- The upload -------------------------------------------------------

    def get_import_form_kwargs(self, request):
        kwargs = super().get_import_form_kwargs(request)
        kwargs["programs"] = Program.objects.directed_by(request.user)
        return kwargs

    def get_confirm_form_kwargs(self, request, import_form=None):
        kwargs = super().get_confirm_form_kwargs(request, import_form)
        kwargs["programs"] = Program.objects.directed_by(request.user)
        return kwargs

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["program"] = import_form.cleaned_data["program"].pk
            initial["skip_problems"] = import_form.cleaned_data["skip_problems"]
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        data = form.cleaned_data if form is not None and hasattr(form, "cleaned_data") else {}
        return {
            "program": data.get("program"),
            "skip_problems": bool(data.get("skip_problems")),
            "by": request.user,
        }

    def get_import_context_data(self, **kwargs):
        return {"levels_text": LEVELS_TEXT, "skip_label": SKIP_LABEL, **kwargs}

    def process_import(self, request, **kwargs):
        # The upload is kept until it is confirmed once: a second confirmation (the
        # button pressed twice, the page sent again) finds it gone and invites no one.
        form = self.create_confirm_form(request)
        if form.is_valid() and not os.path.exists(self._upload_path(form)):
            messages.info(
                request,
                "That upload has already been confirmed: everyone in it was invited once. "
                "The invitations are below.",
            )
            return redirect("admin:invitations_invitation_changelist")
        try:
            return super().process_import(request, **kwargs)
        except FileNotFoundError:  # confirmed at the same moment in another tab
            messages.info(request, "That upload has already been confirmed.")
            return redirect("admin:invitations_invitation_changelist")

    def _upload_path(self, form) -> str:
        storage = self.get_tmp_storage_class()(
            name=form.cleaned_data["import_file_name"], **self.get_tmp_storage_class_kwargs()
        )
        return storage.get_full_path()

    def add_success_message(self, result, request):
        invited = result.totals.get("new", 0)
        left_out = result.totals.get("skip", 0) + result.totals.get("invalid", 0)
        people = "person" if invited == 1 else "people"
        text = f"Invited {invited} {people}: each has an e-mail with a link to join."
        if left_out:
            text += f" {left_out} {'row was' if left_out == 1 else 'rows were'} left out."
        messages.success(request, text)

    # --- The list ---------------------------------------------------------

    @admin.display(description="state")
    def state(self, obj: Invitation) -> str:
        state = obj.state()
        if state == Invitation.State.SENT:
            return f"Sent, good until {obj.expires_at:%-d %b}"
        return state.label

    @admin.display(description="program", ordering="program__name")
    def program_name(self, obj: Invitation) -> str:
        return obj.program_name

    @admin.action(description="Send the invitation again (a new link, good for 14 days)")
    def send_again(self, request, queryset):
        sent, joined = 0, []
        for invitation in queryset.filter(joined_at__isnull=True):
            try:
                invitation_send_again(invitation=invitation)
                sent += 1
            except InvitationRefusal:
                joined.append(invitation.name)
        joined += list(queryset.filter(joined_at__isnull=False).values_list("name", flat=True))
        if sent:
            self.message_user(
                request,
                f"Sent {sent} invitation{'s' if sent != 1 else ''} again; "
                "earlier links no longer work.",
                messages.SUCCESS,
            )
        if joined:
            self.message_user(
                request,
                f"Already joined, so not sent again: {', '.join(sorted(joined))}.",
                messages.INFO,
            )
