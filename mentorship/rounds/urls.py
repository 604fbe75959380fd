from . import views

app_name = "rounds"

# Residents' and mentors' pages (views/people.py), then directors' (views/director.py).
urlpatterns = views.people.urlpatterns + views.director.urlpatterns
