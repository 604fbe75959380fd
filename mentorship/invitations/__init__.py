"""Bringing in a class: a director's upload of the incoming residents, and the
invitation each of them follows to join."""
