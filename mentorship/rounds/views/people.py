"""A mentee's list and a mentor's answers in a round (/rounds/...)."""

urlpatterns = []
