from django.urls import path

from . import log_views, page_views, pairing_page

app_name = "meetings"

urlpatterns = [
    path("pairings/<int:pk>/", pairing_page.pairing_page, name="pairing"),
    path("pairings/<int:pairing_id>/log/", log_views.log, name="log"),
    path("pairings/<int:pairing_id>/plan/", page_views.plan, name="plan"),
    path("meetings/<int:pk>/", page_views.detail, name="detail"),
    path("meetings/<int:pk>/calendar.ics", page_views.ics, name="ics"),
    path("notes/<int:pk>/", page_views.note, name="note"),
    path("notes/<int:pk>/edit/", page_views.note_edit, name="note_edit"),
    path("commitments/<int:pk>/done/", log_views.commitment_done, name="commitment_done"),
    path("commitments/<int:pk>/carry/", log_views.commitment_carry, name="commitment_carry"),
    path("my-notes/export/", page_views.export, name="export"),
]
