"""Turning on two-step verification, and landing back where you were going.

allauth's page to add an authenticator app ends on the recovery codes, or the
two-step page. A director sent there by the admin (or by their home page) is
on their way to the admin: they land back there once it is on.
"""

from allauth.mfa.totp.views import ActivateTOTPView
from django.contrib import messages

from mentorship.redirects import local_path

AFTER_TWO_STEP = "after_two_step"


class ActivateTOTP(ActivateTOTPView):
    def dispatch(self, request, *args, **kwargs):
        if target := local_path(request, request.GET.get("next")):
            request.session[AFTER_TWO_STEP] = target
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self) -> str:
        target = self.request.session.pop(AFTER_TWO_STEP, None)
        if target is None:
            return super().get_success_url()
        messages.success(
            self.request,
            "Two-step verification is on, so the program admin is open to you. Keep your "
            "recovery codes somewhere safe: they are under Your account, Two-step "
            "verification, if you ever lose your phone.",
        )
        return target


activate_totp = ActivateTOTP.as_view()
