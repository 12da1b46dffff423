"""What the filters of a list of module cards offer (catalogue, track pages): plain Python, no MkDocs.

The cards carry their module's level, duration, audience and tags as data- attributes (card.html); the form
(filters.html) offers only the values its modules have; filters.js hides the cards that do not match. The
duration ranges are defined here only: each option carries its bounds to the script.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.model import Module
from ..core.schema import LEVELS

#: (key in the URL and the translation table, shortest, longest) in minutes; None: no upper bound
DURATION_RANGES: tuple[tuple[str, int, int | None], ...] = (
    ("up-to-30", 0, 30),
    ("30-60", 31, 60),
    ("over-60", 61, None),
)


@dataclass
class FilterOptions:
    levels: list[str] = field(default_factory=list)  # in the schema's order
    durations: list[tuple[str, int, int | None]] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)  # sorted, as written
    tags: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.levels or self.durations or self.audiences or self.tags)


def filter_options(modules: Iterable[Module]) -> FilterOptions:
    modules = list(modules)
    levels = {m.level for m in modules if m.level}
    minutes = [m.duration for m in modules if m.duration]
    return FilterOptions(
        levels=[level for level in LEVELS if level in levels],
        durations=[r for r in DURATION_RANGES if any(r[1] <= d and (r[2] is None or d <= r[2]) for d in minutes)],
        audiences=sorted({a for m in modules for a in m.audience}, key=str.casefold),
        tags=sorted({tag for m in modules for tag in m.tags}, key=str.casefold),
    )
