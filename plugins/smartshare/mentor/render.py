"""HTML of the mentor area: the top of a mentor sheet (session kit), a track's review dates, the home page,
the statistics, and the one link a course page may carry to its mentor page."""

from __future__ import annotations

import functools
import os
from html import escape
from types import SimpleNamespace

from jinja2 import Environment

from ..core.i18n import Translator, format_minutes
from ..core.model import Curriculum, Module, Track
from ..core.stats import ModuleFacts, Stats, hours
from ..core.stencil import Stencil
from ..plugin_support import is_own_template, template_translator

OWN_TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
#: what a session's kit lists: the session's keys the kit template reads
KIT_LISTS = ("discovery", "run_sheet", "debrief")


class MentorRenderer:
    def __init__(self, env: Environment, t: Translator, curriculum: Curriculum, stats: Stats) -> None:
        self.env, self.t, self.curriculum, self.stats = env, t, curriculum, stats
        self.translate = template_translator(t)
        self.facts = {m.id: m for m in stats.total.modules}  # review age and staleness, computed once
        #: the session kit's stencils by shape; None for a shape whose stencil did not give the template's bytes
        self._kits: dict[tuple, Stencil | None] = {}
        self._own_kit = is_own_template(env, "mentor-kit.html", OWN_TEMPLATES)
        #: the course pages' link to their mentor page, by kind of page; None where the stencil is not used
        self._links: dict[str, Stencil | None] = {}
        self._own_link = is_own_template(env, "mentor-link.html", OWN_TEMPLATES)

    def _render(self, template: str, **context) -> str:
        return self.env.get_template(f"smartshare/{template}").render(
            t=self.translate, duration=lambda m: format_minutes(m, self.t), hours=hours, **context
        )

    def sheet_top(self, module: Module, note_count: int, course_url: str) -> str:
        """The session kit: rendered once for each shape of kit (how many questions, steps and debrief items, which
        of the review's and the notes' texts), then filled in with each sheet's values. A site's own
        `mentor-kit.html` is rendered for each sheet."""
        facts = self.facts.get(module.id)
        kit = _Kit.of(module, note_count, course_url, facts) if self._own_kit else None
        if kit is not None and kit.shape not in self._kits:
            html = self._kit(module, module.session or {}, module.planned_minutes, note_count, course_url, facts)
            self._kits[kit.shape] = self._kit_stencil(kit, html)
            return html
        stencil = self._kits[kit.shape] if kit is not None else None
        if stencil is None:
            return self._kit(module, module.session or {}, module.planned_minutes, note_count, course_url, facts)
        return stencil.fill(kit.values)

    def _kit_stencil(self, kit: _Kit, html: str) -> Stencil | None:
        """The shape's stencil, if it gives `html` for the kit it was made for: a translation that formats a value
        otherwise than as a string (`{count:d}`, `{date!r}`) fails the render with tokens or gives other bytes."""
        try:
            stencil = Stencil(lambda tokens: self._kit(*kit.stand_ins(tokens)), len(kit.values))
        except (ValueError, TypeError, KeyError):
            return None
        return stencil if stencil.usable and stencil.fill(kit.values) == html else None

    def _kit(self, module, session, planned, note_count, course_url, facts) -> str:
        return self._render(
            "mentor-kit.html",
            module=module,
            session=session,
            planned=planned,
            note_count=note_count,
            course_url=course_url,
            facts=facts,
        )

    def track(self, track: Track, links: dict[str, tuple[str, str]], course_url: str) -> str:
        """`links`: module id → (its mentor sheet, its course page), relative to the track's mentor page."""
        rows = [(self.facts[m.id], *links[m.id]) for m in self.curriculum.modules_of(track) if m.id in self.facts]
        return self._render(
            "mentor-track.html", track=track, rows=rows, max_age=self.stats.review_max_age, course_url=course_url
        )

    def home(self, tracks: list[tuple[Track, str, list[tuple[Module, str]]]], reference: str, stats: str) -> str:
        return self._render("mentor-home.html", tracks=tracks, reference=reference, stats_url=stats)

    def statistics(self) -> str:
        modules = self.stats.total.modules
        attention = [m for m in modules if not m.questions or m.stale_review or m.reviewed is None]
        return self._render("mentor-stats.html", stats=self.stats, attention=attention)

    def mentor_sections(self, sections: list[tuple[object, str]]) -> str:
        """Other plugins' sections about each mentor (mentor, HTML), under one heading of the statistics page."""
        if not sections:
            return ""
        heading = self.t("mentor.by_mentor")
        return f"<h2>{escape(heading)}</h2>" + "".join(html for _, html in sections)

    def toggle(self) -> str:
        """The mentor view switch of every page's header (see `toggle.py`)."""
        return self._render("mentor-toggle.html")

    @functools.lru_cache(maxsize=4)  # noqa: B019 (one renderer per build)
    def _link_label(self, kind: str) -> str:
        return self.t(f"mentor.link_{kind}")

    def course_link(self, kind: str, href: str) -> str:
        """The link a course page carries to its mentor page: hidden unless this browser opted in. Rendered once for
        each kind of page with a token for the link, then filled in (a site's own `mentor-link.html` is rendered for
        each page)."""
        if kind not in self._links:
            html = self._course_link(kind, href)
            self._links[kind] = self._link_stencil(kind, href, html) if self._own_link else None
            return html
        stencil = self._links[kind]
        return stencil.fill([href]) if stencil is not None else self._course_link(kind, href)

    def _course_link(self, kind: str, href: str) -> str:
        return self._render("mentor-link.html", href=href, label=self._link_label(kind))

    def _link_stencil(self, kind: str, href: str, html: str) -> Stencil | None:
        stencil = Stencil(lambda tokens: self._course_link(kind, tokens[0]), 1)
        return stencil if stencil.usable and stencil.fill([href]) == html else None


class _Kit:
    """A session kit's shape and values, in the order `stand_ins` gives tokens for them."""

    def __init__(self, shape: tuple, values: list, facts: ModuleFacts | None, duration: object) -> None:
        self.shape, self.values, self.facts, self.duration = shape, values, facts, duration

    @classmethod
    def of(cls, module: Module, note_count: int, course_url: str, facts: ModuleFacts | None) -> _Kit | None:
        """None for a session the template reads in another way than a mapping of lists (of mappings for the run
        sheet's steps): such a kit is rendered."""
        session = module.session or {}
        if type(session) is not dict:
            return None
        lists = [session.get(name) or [] for name in KIT_LISTS]
        if any(type(items) is not list for items in lists):
            return None
        discovery, steps, debrief = lists
        if any(type(step) is not dict for step in steps):
            return None
        reviewed = facts.reviewed if facts is not None else None
        planned, duration = (module.planned_minutes, module.duration) if steps else (0, None)
        mismatch = bool(duration and planned != duration)
        shape = (
            bool(note_count),
            facts is None,
            reviewed is None,
            bool(facts is not None and facts.stale_review),
            len(discovery),
            len(steps),
            len(debrief),
            mismatch,
        )
        values: list = [course_url]
        values += [note_count] if note_count else []
        values += [reviewed.isoformat()] if reviewed is not None else []
        values += ([planned] if steps else []) + ([duration] if mismatch else [])
        values += discovery
        # a key a step lacks is written as nothing, as Jinja writes an undefined value
        values += [step.get(key, "") for step in steps for key in ("step", "minutes")]
        values += debrief
        # a kit whose duration agrees with the steps has the planned minutes' token as its duration (or no duration)
        return cls(shape, values, facts, duration if not mismatch else None)

    def stand_ins(self, tokens: list[str]) -> tuple:
        """`_kit`'s arguments for the shape, with a token for every value."""
        (notes, _, _, stale, discovered, stepped, debriefed, mismatch), at = self.shape, 1
        note_count = tokens[at] if notes else 0
        at += notes
        facts = None
        if self.facts is not None:
            reviewed = SimpleNamespace(isoformat=lambda token=tokens[at]: token) if self.facts.reviewed else None
            at += reviewed is not None
            facts = SimpleNamespace(reviewed=reviewed, stale_review=stale)
        planned = tokens[at] if stepped else 0
        at += bool(stepped)
        duration = tokens[at] if mismatch else (planned if self.duration else self.duration)
        at += mismatch
        discovery, at = tokens[at : at + discovered], at + discovered
        steps = [{"step": tokens[at + 2 * i], "minutes": tokens[at + 2 * i + 1]} for i in range(stepped)]
        at += 2 * stepped
        session = {"discovery": discovery, "run_sheet": steps, "debrief": tokens[at : at + debriefed]}
        return SimpleNamespace(duration=duration), session, planned, note_count, tokens[0], facts
