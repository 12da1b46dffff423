"""A module's card (`card.html`) from a stencil of its shape, filled in with the module's own values.

A card is rendered once a module (`Renderer.card` places its links for each page that shows it), about 0.2 ms a
card through Jinja: 2,000 modules have 4,000 cards (two headings). Cards differ in their shape (the heading, a draft
or not, the level, a duration or not, how many known mentors) and otherwise only in strings: the module's page path,
id, duration, audience and tags (as JSON), link, title, summary, and its mentors' links and names. Each shape is
rendered once (`core.stencil.Stencil`) with stand-ins whose strings are tokens, and each card of that shape is the
stencil filled in with the module's values, escaped as the template escapes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from jinja2 import Environment
from jinja2.nodes import EvalContext

from ..core.model import Curriculum, Module
from ..core.stencil import Stencil

#: the two values the template writes through `tojson`: their tokens come out of the render in JSON's quotes
JSON_VALUES = ("audience", "tags")


@dataclass(frozen=True)
class CardShape:
    """What the template's `if`s and `for`s decide (and the heading, written twice): cards of one shape are the same
    but for their strings."""

    heading: str
    draft: bool
    level: str  # a translation key's end ("beginner"), not a value: part of the shape
    duration: bool
    mentors: int  # mentors the curriculum knows (the template leaves out the others)

    @classmethod
    def of(cls, module: Module, heading: str, curriculum: Curriculum) -> CardShape:
        return cls(
            heading=heading,
            draft=module.is_draft,
            level=module.level or "",
            duration=bool(module.duration),
            mentors=sum(1 for id in module.mentors if id in curriculum.mentors),
        )

    def names(self) -> list[str]:
        """The values a card of this shape shows, in the order `card_values` gives them."""
        names = ["page_path", "id", "audience", "tags", "link", "title", "summary"]
        names += ["duration", "duration_text"] if self.duration else []
        return names + [f"{name}_{i}" for i in range(self.mentors) for name in ("mentor_link", "mentor_name")]


def card_values(
    shape: CardShape,
    module: Module,
    curriculum: Curriculum,
    mentor_uris: dict[str, str],
    link: Callable[[str | None], str],
    page_path: Callable[[str], str],
    duration: Callable[[Any], str],
    env: Environment,
) -> list[Any]:
    """The module's values for `shape.names()`, as the template computes them (`tojson` through `env`'s own filter)."""
    tojson = env.filters["tojson"]
    context = EvalContext(env)
    values: list[Any] = [
        page_path(module.src_uri),
        module.id,
        tojson(context, module.audience),
        tojson(context, module.tags),
        link(module.src_uri),
        module.title,
        module.summary,
    ]
    if shape.duration:
        values += [module.duration, duration(module.duration)]
    for id in module.mentors:
        if id in curriculum.mentors:
            values += [link(mentor_uris.get(id)), curriculum.mentors[id].name]
    return values


def card_stencil(shape: CardShape, render: Callable[..., str], translate: Callable[..., str]) -> Stencil:
    """The card of `shape` (`render(**context)` renders the package's `card.html`), each value a token."""
    names = shape.names()

    def stencil_html(tokens: list[str]) -> str:
        token = dict(zip(names, tokens, strict=True))
        mentors = [f"mentor-{i}" for i in range(shape.mentors)]
        module = SimpleNamespace(
            id=token["id"],
            src_uri="module",
            is_draft=shape.draft,
            level=shape.level or None,
            duration=token["duration"] if shape.duration else None,
            audience=token["audience"],
            tags=token["tags"],
            title=token["title"],
            summary=token["summary"],
            mentors=mentors,
        )
        links = {"module": token["link"], **{f"page-{id}": token[f"mentor_link_{i}"] for i, id in enumerate(mentors)}}
        html = render(
            t=translate,
            module=module,
            heading=shape.heading,
            link=lambda uri: links[uri],
            page_path=lambda uri: token["page_path"],
            duration=lambda minutes: token["duration_text"],
            curriculum=SimpleNamespace(
                mentors={id: SimpleNamespace(name=token[f"mentor_name_{i}"]) for i, id in enumerate(mentors)}
            ),
            plan=SimpleNamespace(mentor_uris={id: f"page-{id}" for id in mentors}),
        )
        # `tojson` wrote the two tokens as JSON strings: the value replaces the quotes too (or no stencil is made)
        for name in JSON_VALUES:
            quoted = f'"{token[name]}"'
            html = html.replace(quoted, token[name]) if html.count(quoted) == 1 else html.replace(token[name], "")
        return html

    return Stencil(stencil_html, len(names))
