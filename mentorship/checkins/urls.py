from . import views

app_name = "checkins"

# The person asked (views/people.py), then the directors (views/director.py).
urlpatterns = views.people.urlpatterns + views.director.urlpatterns
