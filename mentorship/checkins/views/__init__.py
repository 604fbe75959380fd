"""Check-ins' pages: people.py for the person asked (/checkins/<id>/), director.py
for the programs' directors (/director/checkins/…)."""

from . import director, people

__all__ = ["director", "people"]
