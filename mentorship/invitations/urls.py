from django.urls import path

from . import views

app_name = "invitations"

urlpatterns = [
    path("<int:pk>/<str:key>/", views.join, name="join"),
]
