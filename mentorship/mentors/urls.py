from django.urls import path

from . import views

app_name = "mentors"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("profile/pledge/", views.pledge, name="pledge"),
]
