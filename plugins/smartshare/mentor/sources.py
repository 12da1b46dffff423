"""Where the texts the leak check looks for were written: mentor notes and session kits of a module."""

from __future__ import annotations

from ..core.model import Module
from ..feedback.mentorblock import mentor_notes
from .leaks import Secret


def note_origins(module: Module, path: str, count: int) -> list[tuple[str, int, int]]:
    """path:line:col of each of the module's `count` rendered notes (the module's first line if they disagree)."""
    lines = [module.body_line + first - 1 for first, _ in mentor_notes(module.body)]
    if len(lines) != count:
        return [(path, 1, 1)] * count
    return [(path, line, 1) for line in lines]


def kit_secrets(module: Module, path: str) -> list[Secret]:
    """Discovery questions and debrief items of the session kit (run-sheet steps are short labels)."""
    session = module.session or {}
    texts = [*(session.get("discovery") or []), *(session.get("debrief") or [])]
    return [Secret(str(text), (path, 1, 1)) for text in texts if str(text).strip()]
