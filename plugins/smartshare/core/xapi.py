"""xAPI: the statements the site sends to a Learning Record Store, and reading them back as feedback records."""

from __future__ import annotations

from .feedbackrecords import FeedbackRecord
from .problems import Problem


def read_statements(
    endpoint: str, *, auth: str | None = None, since: str | None = None
) -> tuple[list[FeedbackRecord], list[Problem]]:
    """Every statement of the site's activities in the LRS at `endpoint` (following `more` pages), as records.

    `auth` is an `Authorization` header value (`Basic …`); `since` an ISO 8601 timestamp. Problems are one per
    statement that cannot be read, located at the endpoint URL.
    """
    raise NotImplementedError
