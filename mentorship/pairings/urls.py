from django.urls import path

from .views import asking, pairings, requests

app_name = "pairings"

urlpatterns = [
    # Asking: a mentor's page (under the directory's mentors/ path) and the request form.
    path("mentors/<int:pk>/", asking.mentor_page, name="mentor"),
    path("mentors/<int:mentor_id>/ask/", asking.request_create, name="request_create"),
    # The mentee's requests.
    path("requests/", requests.request_list, name="request_list"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path("requests/<int:pk>/withdraw/", requests.request_withdraw, name="request_withdraw"),
    path("requests/<int:pk>/reply/", requests.question_answer, name="question_answer"),
    # The mentor's inbox and answer.
    path("inbox/", requests.inbox, name="inbox"),
    path("requests/<int:pk>/answer/", requests.request_answer, name="request_answer"),
    # A pairing's steps; its own page, with its meetings, is meetings:pairing.
    path("pairings/", pairings.pairing_list, name="list"),
    path("pairings/<int:pk>/confirm/", pairings.pairing_confirm, name="confirm"),
    path("pairings/<int:pk>/pause/", pairings.pairing_pause, name="pause"),
    path("pairings/<int:pk>/resume/", pairings.pairing_resume, name="resume"),
    path("pairings/<int:pk>/end/", pairings.pairing_end, name="end"),
    path("pairings/<int:pk>/reflect/", pairings.pairing_reflect, name="reflect"),
]
