"""Match Day's pages: people.py for mentees and mentors in a round (/rounds/…),
director.py for the directors who run it (/director/rounds/…)."""

from . import director, people

__all__ = ["director", "people"]
