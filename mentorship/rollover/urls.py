from django.urls import path

from . import views

app_name = "rollover"

urlpatterns = [
    path("director/rollover/<slug:slug>/", views.wizard, name="wizard"),
    path("director/rollover/<slug:slug>/people/<int:user_id>/", views.choose, name="choose"),
    path("director/rollover/<slug:slug>/ask-alumni/", views.ask_alumni, name="ask_alumni"),
    path("director/rollover/<slug:slug>/ask-capacity/", views.ask_capacity, name="ask_capacity"),
    path("director/rollover/<slug:slug>/confirm/", views.confirm, name="confirm"),
    path("director/rollover/<slug:slug>/undo/", views.undo, name="undo"),
    path("rollover/alumni/<int:pk>/", views.alumni, name="alumni"),
    path("rollover/capacity/<int:pk>/", views.capacity, name="capacity"),
]
