from django.urls import path

from .views import commitments, export, log, meeting, notes, pairing, plan

app_name = "meetings"

urlpatterns = [
    path("pairings/<int:pk>/", pairing.pairing_page, name="pairing"),
    path("pairings/<int:pairing_id>/log/", log.log, name="log"),
    path("pairings/<int:pairing_id>/plan/", plan.plan, name="plan"),
    path("meetings/<int:pk>/", meeting.detail, name="detail"),
    path("meetings/<int:pk>/calendar.ics", meeting.ics, name="ics"),
    path("notes/<int:pk>/", notes.note, name="note"),
    path("notes/<int:pk>/edit/", notes.note_edit, name="note_edit"),
    path("commitments/<int:pk>/done/", commitments.commitment_done, name="commitment_done"),
    path("commitments/<int:pk>/carry/", commitments.commitment_carry, name="commitment_carry"),
    path("my-notes/export/", export.export, name="export"),
]
