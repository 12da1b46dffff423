"""Loaded by the Ralph processes the xAPI tests start (PYTHONPATH): two fixes to Ralph 5.1.0, nothing else.

1. Ralph's file-system LRS backend (`ralph runserver -b fs`) writes every statement to one file,
`fs_lrs.jsonl`, with the data backend's default operation, "index", which refuses to write to a file that
exists: the LRS stores the first statement, then answers 500 ("Statement indexation failed") to every other.
The same code is in Ralph's main branch (2026-07). Appending is what the backend's reader expects (one
statement per line), so the LRS backend appends here.
2. The API turns the `activity` query parameter into an `IRI` model before the backend sees it, and the
file-system backend compares that model with the statements' activity ids (strings): `activity=…` never matches,
with or without `related_activities`. The backend is given the IRI's text here.

Everything else (API, authentication, scopes, the other query parameters, paging) is Ralph's own.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

_filter_by_activity = FSLRSBackend._add_filter_by_activity


def _text(iri):
    while hasattr(iri, "root"):
        iri = iri.root
    return iri


FSLRSBackend._add_filter_by_activity = staticmethod(
    lambda filters, object_id, related: _filter_by_activity(filters, _text(object_id), related)
)
