"""A session's entry in a list (`sessions-entry.html`) from a stencil of its shape.

An entry is rendered once a session (about 0.1 ms each, thousands of sessions); most of them differ only by their
strings. The shape is what the template decides on: the status, a replacement, how many modules and known mentors,
and which of the optional facts (parts, place, online link, capacity, language, notes, sign-up link) the session has.
Each shape is rendered once with tokens where the session's own values go, then filled in per session. The template
writes a session's id, time zone and language more than once: the stencil allows a token written several times.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from types import SimpleNamespace
from typing import TYPE_CHECKING

from jinja2 import Template

from ..core.stencil import Stencil

if TYPE_CHECKING:
    from .agenda import SessionView

#: the format of the entry's `data-start` and `data-end` (as the template writes them)
UTC_STAMP = "%Y-%m-%dT%H:%M:%SZ"


class _Stamp:
    """A stand-in for a date the template formats: its token whatever the format (the value is formatted here)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def strftime(self, _format: str) -> str:
        return self._token

    def isoformat(self) -> str:
        return self._token


class EntryStencils:
    """`entry(view)` is `template.render(v=view, label=labels, **context)`, from a stencil of the view's shape."""

    def __init__(self, template: Template, labels: dict, context: Callable[[], dict]) -> None:
        self._template, self._labels, self._context = template, labels, context
        self._stencils: dict[tuple, Stencil] = {}
        #: translated texts by key and values (a seat count, a part of a series, a duration): the same for many
        #: sessions, and `Markup.format` cost as much as the rest of a session's values
        self._texts: dict[tuple, object] = {}

    def entry(self, view: SessionView) -> str | None:
        """The entry's HTML, or None when the template's render of its shape is no stencil (render it instead)."""
        shape = _shape(view)
        values = self._values(view)
        stencil = self._stencils.get(shape)
        if stencil is None:
            names = list(values)
            render = functools.partial(self._render, shape, names)
            stencil = self._stencils[shape] = Stencil(render, len(names), repeats=True)
        return stencil.fill(list(values.values())) if stencil.usable else None

    def _values(self, view: SessionView) -> dict[str, object]:
        """The session's own values, by name, in an order fixed by its shape."""
        s, context = view.session, self._context()
        t = functools.partial(self._same, context["t"])
        values: dict[str, object] = {
            "id": s.id,
            "start_utc": s.start_utc.strftime(UTC_STAMP),
            "end_utc": s.end_utc.strftime(UTC_STAMP),
            "start": s.start.isoformat(),
            "timezone": s.timezone,
            "track": s.track_id or "",
            "place_key": view.place_key,
            "month": view.month,
            "when": context["when"](s),
            "duration": self._same(context["duration"], s.duration),
            "ics": view.ics,
        }
        if s.mentors:
            values["mentor_ids"] = " ".join(s.mentors)
        if s.language:
            values["language"] = s.language
        for i, (module, href) in enumerate(view.modules):
            values[f"module_href_{i}"], values[f"module_title_{i}"] = href, module.title
        for i, (mentor, href) in enumerate(view.mentors):
            values[f"mentor_href_{i}"], values[f"mentor_name_{i}"] = href, mentor.name
        if s.parts:
            values["sessions.part"] = t("sessions.part", part=s.part, parts=s.parts)
        if _replaced(s):
            values["sessions.replaced_by"] = t("sessions.replaced_by", session=s.replaced_by)
        if s.capacity:
            values["sessions.seats"] = t("sessions.seats", count=s.capacity)
        for name in ("place", "online", "notes"):
            if getattr(s, name):
                values[name] = getattr(s, name)
        if view.signup:
            values["signup"] = view.signup
        return values

    def _same(self, translate: Callable[..., object], *args: object, **values: object) -> object:
        """`translate(*args, **values)`, kept for the next session with the same arguments (a build's texts are
        fixed): a translation's key always comes first, a duration is a number alone."""
        memo = (*args, *values.items())
        text = self._texts.get(memo)
        if text is None:
            text = self._texts[memo] = translate(*args, **values)
        return text

    def _render(self, shape: tuple, names: list[str], tokens: list[str]) -> str:
        """The template rendered for a session of `shape` whose every value is its token."""
        k = dict(zip(names, tokens, strict=True))
        status, replaced, modules, mentors, parts, _place, _online, capacity, _language, _notes, _signup, _ids = shape
        session = SimpleNamespace(
            id=k["id"],
            start_utc=_Stamp(k["start_utc"]),
            end_utc=_Stamp(k["end_utc"]),
            start=_Stamp(k["start"]),
            timezone=k["timezone"],
            track_id=k["track"],
            mentors=[k["mentor_ids"]] if "mentor_ids" in k else [],
            language=k.get("language"),
            status=status,
            replaced_by="replaced" if replaced else None,
            parts=2 if parts else 0,
            part=1 if parts else 0,
            capacity=1 if capacity else None,
            duration=0,
            place=k.get("place"),
            online=k.get("online"),
            notes=k.get("notes"),
        )
        view = SimpleNamespace(
            session=session,
            modules=[(SimpleNamespace(title=k[f"module_title_{i}"]), k[f"module_href_{i}"]) for i in range(modules)],
            mentors=[(SimpleNamespace(name=k[f"mentor_name_{i}"]), k[f"mentor_href_{i}"]) for i in range(mentors)],
            ics=k["ics"],
            signup=k.get("signup"),
            month=k["month"],
            place_key=k["place_key"],
        )
        context = self._context()
        translate = context["t"]
        context["t"] = lambda key, **values: k[key] if key in k else translate(key, **values)
        context["when"] = lambda _session: k["when"]
        context["duration"] = lambda _minutes: k["duration"]
        return self._template.render(v=view, label=self._labels, **context)


def _replaced(session) -> bool:
    """Whether the entry names the session that replaces it (within its status, which a planned one does not show)."""
    return bool(session.status != "planned" and session.replaced_by and session.replaced_by != "none")


def _shape(view: SessionView) -> tuple:
    """What the template decides on (`_render` unpacks it in this order)."""
    s = view.session
    return (
        s.status,
        _replaced(s),
        len(view.modules),
        len(view.mentors),
        bool(s.parts),
        bool(s.place),
        bool(s.online),
        bool(s.capacity),
        bool(s.language),
        bool(s.notes),
        bool(view.signup),
        bool(s.mentors),
    )
