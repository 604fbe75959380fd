"""Every change of a request or a pairing, one function each.

Each checks the transition and who may make it, locks what it must, records who
and when, and queues its e-mail for after the commit. An illegal transition
raises PairingError with a message fit to show the person who tried.

requests.py holds a request's life, pairings.py a pairing's, changes.py what
they share. Callers use this package's names: `services.request_accept(...)`.
"""

from .changes import WRONG_SIDE, PairingError, is_director_of
from .conflicts import conflict_notice_resolve, conflict_notices_find
from .pairings import (
    pairing_activate,
    pairing_approve_conflict,
    pairing_confirm,
    pairing_end,
    pairing_from_round,
    pairing_pause,
    pairing_propose,
    pairing_reassign,
    pairing_reflect,
    pairing_resume,
)
from .requests import (
    request_accept,
    request_answer_question,
    request_ask_more,
    request_create,
    request_decline,
    request_expire,
    request_withdraw,
    requests_expire_stale,
)

__all__ = [
    "WRONG_SIDE",
    "PairingError",
    "conflict_notice_resolve",
    "conflict_notices_find",
    "is_director_of",
    "pairing_activate",
    "pairing_approve_conflict",
    "pairing_confirm",
    "pairing_end",
    "pairing_from_round",
    "pairing_pause",
    "pairing_propose",
    "pairing_reassign",
    "pairing_reflect",
    "pairing_resume",
    "request_accept",
    "request_answer_question",
    "request_ask_more",
    "request_create",
    "request_decline",
    "request_expire",
    "request_withdraw",
    "requests_expire_stale",
]
