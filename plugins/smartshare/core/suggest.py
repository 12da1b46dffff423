"""'Did you mean …?' hints for misspelt keys and ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    return difflib.get_close_matches(str(word), sorted(set(candidates)), n=limit, cutoff=0.6)


def did_you_mean(word: str, candidates: Iterable[str], fallback: str = "") -> str:
    """A hint naming the closest candidates, or `fallback` when none is close."""
    matches = closest(word, candidates)
    if not matches:
        return fallback
    quoted = " or ".join(f"'{m}'" for m in matches)
    return f"did you mean {quoted}?"
