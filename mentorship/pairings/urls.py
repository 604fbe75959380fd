from django.urls import path

from . import views

app_name = "pairings"

urlpatterns = [
    path("mentors/<int:mentor_id>/ask/", views.request_create, name="request_create"),
    path("requests/", views.request_list, name="request_list"),
    path("inbox/", views.inbox, name="inbox"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/withdraw/", views.request_withdraw, name="request_withdraw"),
    path("requests/<int:pk>/answer/", views.request_answer, name="request_answer"),
    path("requests/<int:pk>/reply/", views.request_reply, name="request_reply"),
    path("pairings/", views.pairing_list, name="list"),
    path("pairings/<int:pk>/", views.pairing_detail, name="detail"),
    path("pairings/<int:pk>/confirm/", views.pairing_confirm, name="confirm"),
    path("pairings/<int:pk>/pause/", views.pairing_pause, name="pause"),
    path("pairings/<int:pk>/resume/", views.pairing_resume, name="resume"),
    path("pairings/<int:pk>/end/", views.pairing_end, name="end"),
    path("pairings/<int:pk>/reflect/", views.pairing_reflect, name="reflect"),
]
