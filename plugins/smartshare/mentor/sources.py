"""Where the texts the leak check looks for were written: mentor notes and session kits of a module."""

from __future__ import annotations

import os
from collections.abc import Callable

from ..core.model import Module
from ..core.problems import display_path
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


def shown_paths(folder: str) -> Callable[[str], str]:
    """`display_path(os.path.join(folder, uri))` for the `src_uri` of a file in `folder`, with `folder`'s own path
    relative to the working folder found once: `os.path.relpath` reads the working folder and walks both paths on
    every call (about 60 µs, a twelfth of a sheet's area hook). A `uri` that is not a plain relative path (an empty
    part, `.` or `..`, a backslash) is shown by `display_path` itself."""
    try:
        base = os.path.relpath(folder)
    except ValueError:  # another drive on Windows: shown as given
        return lambda uri: os.path.join(folder, uri)

    def shown(uri: str) -> str:
        parts = uri.split("/")
        if "\\" in uri or any(part in ("", ".", "..") for part in parts):
            return display_path(os.path.join(folder, uri))
        relative = os.path.join(*parts) if base == "." else os.path.join(base, *parts)
        return os.path.join(folder, uri) if relative.startswith("..") else relative.replace(os.sep, "/")

    return shown
