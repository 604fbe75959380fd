"""The meeting pages, one module per family: log.py (logging a session), plan.py,
meeting.py (a meeting and its calendar file), notes.py, commitments.py (keeping
or carrying one) and export.py (a person's own notes)."""
