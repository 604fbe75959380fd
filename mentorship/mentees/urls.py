from django.urls import path

from . import views

app_name = "mentees"

urlpatterns = [
    path("profile/", views.profile_edit, name="profile_edit"),
    path("<int:pk>/", views.detail, name="detail"),
]
