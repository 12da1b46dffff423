"""The curriculum as learners meet it: tracks in order, their modules, mentors and tags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # translations.py reads the model: no import at run time
    from .translations import Translations


@dataclass
class Mentor:
    id: str
    name: str
    role: str
    bio: str = ""
    expertise: list[str] = field(default_factory=list)
    contact: str | None = None


@dataclass
class Module:
    id: str  # "ai/chatbots": its path in the curriculum, without ".md"
    src_uri: str  # "ai/chatbots.md", relative to the curriculum folder
    track_id: str
    title: str
    summary: str
    objectives: list[str]
    mentors: list[str] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)
    level: str | None = None
    duration: int | None = None  # minutes
    prerequisites: list[str] = field(default_factory=list)  # module ids, resolved
    tags: list[str] = field(default_factory=list)
    reviewed: dt.date | None = None
    status: str = "published"
    lang: str | None = None
    feedback: str | None = None
    session: dict | None = None
    body: str = ""  # the Markdown after the front matter
    body_line: int = 1  # line of the file where `body` starts

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @property
    def slug(self) -> str:
        return self.id.rsplit("/", 1)[-1]

    # -- review and session rules: written once here, used by the loader, the mentor view and `smartshare stats`

    def review_age(self, today: dt.date) -> int | None:
        """Days since the last review, or None when the module was never reviewed."""
        return (today - self.reviewed).days if self.reviewed else None

    def is_stale(self, today: dt.date, max_age: int) -> bool:
        """Due for a review: reviewed more than `max_age` days ago, or never reviewed.

        A module nobody has reviewed is as due for review as one reviewed long ago, so "never reviewed" counts as
        stale. (The build warns only about a written date that is too old: that is a line the author can update.)
        """
        age = self.review_age(today)
        return age is None or age > max_age

    @property
    def run_sheet(self) -> list[dict]:
        """The steps of the session's run sheet that are steps (mappings); empty without a run sheet."""
        steps = (self.session or {}).get("run_sheet") or []
        return [step for step in steps if isinstance(step, dict)] if isinstance(steps, list) else []

    @property
    def planned_minutes(self) -> int:
        """The minutes of the run sheet's steps added up (0 without a run sheet)."""
        minutes = (step.get("minutes") for step in self.run_sheet)
        return sum(m for m in minutes if isinstance(m, int) and not isinstance(m, bool))

    @property
    def run_sheet_disagrees(self) -> bool:
        """The run sheet's minutes do not add up to the duration (only when both are written)."""
        return bool(self.run_sheet and self.duration and self.planned_minutes != self.duration)


@dataclass
class Track:
    id: str  # the folder, relative to the curriculum folder ("ai", "skills/soft")
    title: str
    summary: str
    module_ids: list[str]  # in learning order; only modules that exist (and are not left out as drafts)
    audience: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    order: int = 100
    feedback: str | None = None

    @property
    def src_uri(self) -> str:
        return f"{self.id}/track.yml"

    @property
    def index_uri(self) -> str:
        return f"{self.id}/index.md"


@dataclass
class Curriculum:
    tracks: list[Track] = field(default_factory=list)  # in catalogue order
    modules: dict[str, Module] = field(default_factory=dict)  # every module that is part of the site
    mentors: dict[str, Mentor] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)  # src_uris of draft modules not built
    sessions: list = field(default_factory=list)  # `core.sessions.Session`s from sessions.yml, in start order
    #: `core.translations.Translations` when the curriculum has translations or languages (else None)
    translations: Translations | None = None

    def __post_init__(self) -> None:
        self._track_by_id = {t.id: t for t in self.tracks}
        self._module_by_uri = {m.src_uri: m for m in self.modules.values()}
        self._positions = {mid: (t, i) for t in self.tracks for i, mid in enumerate(t.module_ids)}
        self._tags: dict[str, list[Module]] | None = None
        self._by_mentor: dict[str, list[Module]] | None = None

    def track(self, track_id: str) -> Track | None:
        return self._track_by_id.get(track_id)

    def track_by_index_uri(self, src_uri: str) -> Track | None:
        return self._track_by_id.get(src_uri.rsplit("/", 1)[0]) if src_uri.endswith("/index.md") else None

    def module_by_uri(self, src_uri: str) -> Module | None:
        return self._module_by_uri.get(src_uri)

    def modules_of(self, track: Track) -> list[Module]:
        return [self.modules[mid] for mid in track.module_ids]

    def neighbours(self, module: Module) -> tuple[Module | None, Module | None]:
        """Previous and next module in the module's track."""
        if module.id not in self._positions:
            return None, None
        track, index = self._positions[module.id]
        ids = track.module_ids
        previous = self.modules[ids[index - 1]] if index > 0 else None
        following = self.modules[ids[index + 1]] if index + 1 < len(ids) else None
        return previous, following

    def position(self, module: Module) -> tuple[Track | None, int]:
        """The module's track and its 0-based place in it."""
        return self._positions.get(module.id, (None, -1))

    def track_duration(self, track: Track) -> int:
        return sum(m.duration or 0 for m in self.modules_of(track))

    def track_levels(self, track: Track) -> list[str]:
        from .schema import LEVELS

        found = {m.level for m in self.modules_of(track)}
        return [level for level in LEVELS if level in found]

    def tags(self) -> dict[str, list[Module]]:
        """Each tag with its modules, tags sorted case-insensitively, modules in catalogue order."""
        if self._tags is None:  # computed once: every tag page asks
            by_tag: dict[str, list[Module]] = {}
            for module in self.ordered_modules():
                for tag in module.tags:
                    by_tag.setdefault(tag, []).append(module)
            self._tags = dict(sorted(by_tag.items(), key=lambda item: item[0].casefold()))
        return self._tags

    def modules_by_mentor(self, mentor_id: str) -> list[Module]:
        if self._by_mentor is None:  # computed once: every mentor page asks
            self._by_mentor = {}
            for module in self.ordered_modules():
                for mentor in module.mentors:
                    self._by_mentor.setdefault(mentor, []).append(module)
        return self._by_mentor.get(mentor_id, [])

    def ordered_modules(self) -> list[Module]:
        """Modules in catalogue order: by track, then by their place in it; modules in no track last."""
        ordered = [self.modules[mid] for t in self.tracks for mid in t.module_ids]
        placed = set(self._positions)
        return ordered + sorted((m for m in self.modules.values() if m.id not in placed), key=lambda m: m.id)
