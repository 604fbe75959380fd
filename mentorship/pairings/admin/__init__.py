"""The directors' admin of requests and pairings, registered here and nowhere else.

pairings.py (the pairing changelist and proposing), actions.py (its actions),
figures.py (its meeting figures), filters.py, forms.py, export.py (the CSV),
requests.py (the requests' changelist) and history.py (what both share).
"""

from django.contrib import admin

from ..models import MentorshipRequest, Pairing
from . import conflicts  # noqa: F401  (registers ConflictNotice)
from .pairings import PairingAdmin
from .requests import MentorshipRequestAdmin

admin.site.register(MentorshipRequest, MentorshipRequestAdmin)
admin.site.register(Pairing, PairingAdmin)
