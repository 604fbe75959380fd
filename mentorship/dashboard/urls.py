from django.urls import path

from . import views

# Not namespaced: "home" is where log-in, onboarding and many pages send people back.
urlpatterns = [
    path("", views.home, name="home"),
]
