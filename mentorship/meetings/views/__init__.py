"""The meeting pages, one module per family: pairing.py (a pairing's own page,
its story of meetings), log.py (logging a session), plan.py,
meeting.py (a meeting and its calendar file), notes.py, commitments.py (keeping
or carrying one) and export.py (a person's own notes)."""
