"""The one error a service raises when a change can't be made.

Every app's services raise it (or a subclass named for the app) with a message
fit to show the person who tried and a code tests and views can tell apart. A
view catches `Refusal`, shows the message and keeps what was typed. It imports
no app, so any app may use it.
"""


class Refusal(Exception):
    """A change that can't be made, with a message for the person who tried."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code
