"""A mentee's list and a mentor's answers in a round (/rounds/<id>/…): the page
(mine.py), a mentee's changes to their list (lists.py), a mentor's answers
(answers.py). Every change is a POST from the page, or for "Add to my list" from
the mentors' directory and pages (templatetags/rounds.py)."""

from django.urls import path

from . import answers, lists, mine

urlpatterns = [
    path("rounds/<int:pk>/", mine.mine, name="mine"),
    path("rounds/<int:pk>/add/", lists.add, name="add"),
    path("rounds/<int:pk>/choices/<int:choice_id>/move/", lists.move, name="move"),
    path("rounds/<int:pk>/choices/<int:choice_id>/remove/", lists.remove, name="remove"),
    path("rounds/<int:pk>/choices/<int:choice_id>/note/", lists.note, name="note"),
    path("rounds/<int:pk>/submit/", lists.submit, name="submit"),
    path("rounds/<int:pk>/places/", answers.places, name="places"),
    path("rounds/<int:pk>/ranking/", answers.ranking, name="ranking"),
    path("rounds/<int:pk>/mark/", answers.mark, name="mark"),
    path("rounds/<int:pk>/marks/<int:exclusion_id>/unmark/", answers.unmark, name="unmark"),
]
