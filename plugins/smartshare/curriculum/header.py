"""The module header (`module-header.html`) from a stencil of its shape, filled in with the module's own values.

Every module page shows a header; rendered through Jinja for each it was the largest render of a module page (about
0.45 ms). Headers differ in their shape (a draft or not, which facts are shown, the level, how many mentors,
objectives, prerequisites and tags) and otherwise only in strings: the module's id and summary, its track's title and
link, its place in the track, its duration, audience, mentors' names, objectives, prerequisites' titles and tags, and
the links to them. Each shape is rendered once (`core.stencil.Stencil`) with stand-ins whose strings are tokens, and
each header of that shape is the stencil filled in with the module's values, escaped as the template escapes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from ..core.model import Curriculum, Module, Track

#: the translated text the template formats the module's place in its track with, and the values it takes
POSITION_KEY = "curriculum.module_position"


@dataclass(frozen=True)
class HeaderShape:
    """What the template's `if`s and `for`s decide: headers of one shape are the same but for their strings."""

    draft: bool
    track: bool
    level: str  # a translation key's end ("beginner"), not a value: part of the shape
    duration: bool
    audience: bool
    mentors: int  # mentors the curriculum knows (the template leaves out the others)
    objectives: int
    prerequisites: bool  # the module lists prerequisites (the paragraph is written, even if none is known)
    known_prerequisites: int  # of those, modules the curriculum has (the ones the template links)
    tags: int

    @classmethod
    def of(cls, module: Module, curriculum: Curriculum, track: Track | None) -> HeaderShape:
        return cls(
            draft=module.is_draft,
            track=track is not None,
            level=module.level or "",
            duration=bool(module.duration),
            audience=bool(module.audience),
            mentors=sum(1 for id in module.mentors if id in curriculum.mentors),
            objectives=len(module.objectives),
            prerequisites=bool(module.prerequisites),
            known_prerequisites=sum(1 for id in module.prerequisites if id in curriculum.modules),
            tags=len(module.tags),
        )

    def names(self) -> list[str]:
        """The values a header of this shape shows, in the order `header_values` gives them."""
        names = ["id", "summary"]
        names += ["track_link", "track_title", "position", "total"] if self.track else []
        names += ["duration"] if self.duration else []
        names += ["audience"] if self.audience else []
        names += [f"{name}_{i}" for i in range(self.mentors) for name in ("mentor_link", "mentor_name")]
        names += [f"objective_{i}" for i in range(self.objectives)]
        names += [f"{name}_{i}" for i in range(self.known_prerequisites) for name in ("prerequisite_link", "title")]
        return names + [f"{name}_{i}" for i in range(self.tags) for name in ("tag_link", "tag")]


def header_values(
    module: Module,
    curriculum: Curriculum,
    track: Track | None,
    index: int,
    link: Callable[[str | None], str],
    duration: Callable[[int], str],
    mentor_uris: dict[str, str],
    tag_uris: dict[str, str],
) -> list[str]:
    """The module's values in the order of `HeaderShape.names`: what the template writes for them (`link`, the links
    from the page; `duration`, the template's `duration`), unescaped."""
    values = [module.id, module.summary]
    if track is not None:
        values += [link(track.index_uri), track.title, str(index + 1), str(len(track.module_ids))]
    if module.duration:
        values.append(duration(module.duration))
    if module.audience:  # Jinja's `join` of plain strings: joined, then escaped as one string
        values.append(", ".join(map(str, module.audience)))
    for id in module.mentors:
        if id in curriculum.mentors:
            values += [link(mentor_uris.get(id)), curriculum.mentors[id].name]
    values += module.objectives
    for id in module.prerequisites:
        if id in curriculum.modules:
            values += [link(curriculum.modules[id].src_uri), curriculum.modules[id].title]
    for tag in module.tags:
        values += [link(tag_uris.get(tag)), tag]
    return values


def stand_ins(shape: HeaderShape, token: dict[str, str], translate: Callable[..., Any]) -> dict[str, Any]:
    """The template's context for a header of `shape` whose every string is its token (`token[name]`): a stand-in
    module, track, curriculum and plan, `link` giving the token of the link it is asked for."""
    mentors = [f"mentor_{i}" for i in range(shape.mentors)]
    prerequisites = [f"prerequisite_{i}" for i in range(shape.known_prerequisites)]
    module = SimpleNamespace(
        id=token["id"],
        is_draft=shape.draft,
        summary=token["summary"],
        level=shape.level,
        duration=shape.duration,
        audience=[token["audience"]] if shape.audience else [],
        mentors=mentors,
        objectives=[token[f"objective_{i}"] for i in range(shape.objectives)],
        # a listed prerequisite the curriculum does not have is left out by the template: it stands for them all
        prerequisites=prerequisites or (["unknown"] if shape.prerequisites else []),
        tags=[token[f"tag_{i}"] for i in range(shape.tags)],
    )
    curriculum = SimpleNamespace(
        mentors={id: SimpleNamespace(name=token[f"mentor_name_{i}"]) for i, id in enumerate(mentors)},
        modules={
            id: SimpleNamespace(src_uri=f"prerequisite_link_{i}", title=token[f"title_{i}"])
            for i, id in enumerate(prerequisites)
        },
    )
    plan = SimpleNamespace(
        mentor_uris={id: f"mentor_link_{i}" for i, id in enumerate(mentors)},
        tag_uris={token[f"tag_{i}"]: f"tag_link_{i}" for i in range(shape.tags)},
    )
    track = SimpleNamespace(index_uri="track_link", title=token.get("track_title"), module_ids=())

    def t(key: str, **values: object) -> Any:
        # the place in the track is two numbers the template computes (`index + 1`, `module_ids | length`): their
        # tokens go in where the translated text writes them
        if key == POSITION_KEY:
            values = {**values, "position": token["position"], "total": token["total"]}
        return translate(key, **values)

    return {
        "t": t,
        "module": module,
        "track": track if shape.track else None,
        "index": 0,
        "curriculum": curriculum,
        "plan": plan,
        "link": lambda name: token[name],
        "duration": lambda minutes: token["duration"],
    }
