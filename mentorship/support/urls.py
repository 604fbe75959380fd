from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("", views.support, name="support"),
    path("sent/<int:pk>/", views.sent, name="sent"),
    path("messages/", views.inbox, name="inbox"),
    path("messages/<int:pk>/", views.message, name="message"),
    path("messages/<int:pk>/read/", views.message_read, name="message_read"),
]
