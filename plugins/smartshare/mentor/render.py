"""HTML of the mentor area: the top of a mentor sheet (session kit), a track's review dates, the home page,
the statistics, and the one link a course page may carry to its mentor page."""

from __future__ import annotations

import functools
from html import escape

from jinja2 import Environment

from ..core.i18n import Translator, format_minutes
from ..core.model import Curriculum, Module, Track
from ..core.stats import Stats, hours
from ..plugin_support import template_translator


class MentorRenderer:
    def __init__(self, env: Environment, t: Translator, curriculum: Curriculum, stats: Stats) -> None:
        self.env, self.t, self.curriculum, self.stats = env, t, curriculum, stats
        self.translate = template_translator(t)
        self.facts = {m.id: m for m in stats.total.modules}  # review age and staleness, computed once

    def _render(self, template: str, **context) -> str:
        return self.env.get_template(f"smartshare/{template}").render(
            t=self.translate, duration=lambda m: format_minutes(m, self.t), hours=hours, **context
        )

    def sheet_top(self, module: Module, note_count: int, course_url: str) -> str:
        session = module.session or {}
        return self._render(
            "mentor-kit.html",
            module=module,
            session=session,
            planned=module.planned_minutes,
            note_count=note_count,
            course_url=course_url,
            facts=self.facts.get(module.id),
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
        """The link a course page carries to its mentor page: hidden unless this browser opted in."""
        return self._render("mentor-link.html", href=href, label=self._link_label(kind))
