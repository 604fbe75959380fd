"""The director's pages of a round (/director/rounds/...)."""

urlpatterns = []
