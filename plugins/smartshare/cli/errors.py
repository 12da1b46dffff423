"""A mistake in how the command was used: reported as one line, never as a traceback."""

from __future__ import annotations


class UsageError(Exception):
    """Unknown track, bad slug, missing folder…: `main` prints the message and exits with `code`."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
