from django.urls import path

from . import pairing_views, request_views

app_name = "pairings"

urlpatterns = [
    path("mentors/<int:mentor_id>/ask/", request_views.request_create, name="request_create"),
    path("requests/", request_views.request_list, name="request_list"),
    path("inbox/", request_views.inbox, name="inbox"),
    path("requests/<int:pk>/", request_views.request_detail, name="request_detail"),
    path("requests/<int:pk>/withdraw/", request_views.request_withdraw, name="request_withdraw"),
    path("requests/<int:pk>/answer/", request_views.request_answer, name="request_answer"),
    path("requests/<int:pk>/reply/", request_views.request_reply, name="request_reply"),
    path("pairings/", pairing_views.pairing_list, name="list"),
    path("pairings/<int:pk>/", pairing_views.pairing_detail, name="detail"),
    path("pairings/<int:pk>/confirm/", pairing_views.pairing_confirm, name="confirm"),
    path("pairings/<int:pk>/pause/", pairing_views.pairing_pause, name="pause"),
    path("pairings/<int:pk>/resume/", pairing_views.pairing_resume, name="resume"),
    path("pairings/<int:pk>/end/", pairing_views.pairing_end, name="end"),
    path("pairings/<int:pk>/reflect/", pairing_views.pairing_reflect, name="reflect"),
]
