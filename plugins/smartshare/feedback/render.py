"""HTML the feedback plugin adds: the feedback block at the end of a module page."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from jinja2 import Environment

from ..core.i18n import Translator, format_minutes
from ..core.model import Curriculum, Module
from ..core.sessions import Schedule
from ..core.stencil import Stencil
from ..plugin_support import is_own_template, template_translator
from .links import RATINGS, build_link, is_mailto

# Filled in by feedback.js in the browser: the score is known only after the self-check, and the page's own
# address only where the site is served. Letters and `_` survive percent-encoding unchanged.
SCORE_TOKEN = "SMARTSHARE_SCORE"
URL_TOKEN = "SMARTSHARE_URL"
# the session the learner came from (`?session=ID` in the page address), known only in the browser
SESSION_TOKEN = "SMARTSHARE_SESSION"
# the theme's own icons, inlined as SVG: emoji faces show as empty boxes where no emoji font is installed
FACES = {
    "1": "material/emoticon-sad-outline",
    "2": "material/emoticon-neutral-outline",
    "3": "material/emoticon-happy-outline",
}
# the package's templates: its own block's values a stencil fills in (a site's own `feedback.html` is rendered for
# each page)
OWN_TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")


@dataclass
class FeedbackLink:
    label: str
    href: str  # works without JavaScript: no score, the page's address as known at build time
    live_href: str  # the same with tokens feedback.js replaces
    face: str = ""
    rating: str = ""


class FeedbackRenderer:
    def __init__(
        self,
        env: Environment,
        t: Translator,
        curriculum: Curriculum,
        channel: str | None,
        site_url: str,
        today: dt.date,
        lang: str = "",
        build: Callable[[], str] = str,
    ) -> None:
        """`lang` is the language of the pages (theme.language); `build` gives the build's commit, "" if unknown."""
        self.env, self.t, self.curriculum = env, t, curriculum
        self.channel, self.site_url, self.today = channel, site_url, today
        self.lang, self.build = lang, build
        self.translate = template_translator(t)
        # (ratings' links, mailto, which links lead to http, contacts, an edit link) → the block with tokens
        self._stencils: dict[tuple, Stencil] = {}

    def _render(self, template: str, **context) -> str:
        return self.env.get_template(f"smartshare/{template}").render(
            t=self.translate, raw_t=self.t.template, duration=lambda m: format_minutes(m, self.t), **context
        )

    def channel_for(self, module: Module) -> str | None:
        track = self.curriculum.track(module.track_id)
        return module.feedback or (track.feedback if track else None) or self.channel

    def values(self, module: Module, page_url: str) -> dict[str, str]:
        track = self.curriculum.track(module.track_id)
        mentors = [self.curriculum.mentors[m].name for m in module.mentors if m in self.curriculum.mentors]
        url = (self.site_url.rstrip("/") + "/" + page_url) if self.site_url else page_url
        return {
            "module": module.id,
            "title": module.title,
            "track": track.title if track else "",
            "mentor": ", ".join(mentors),
            "url": url,
            "lang": self.lang,
            "build": self.build(),
        }

    def feedback_links(self, module: Module, page_url: str) -> list[FeedbackLink]:
        template = self.channel_for(module)
        if not template:
            return []
        static = self.values(module, page_url)
        live = {**static, "score": SCORE_TOKEN, "url": URL_TOKEN, "session": SESSION_TOKEN}
        links = []
        for rating in (*RATINGS, ""):
            label = self.t(f"feedback.rating_{rating}" if rating else "feedback.tell_more")
            links.append(
                FeedbackLink(
                    label,
                    build_link(template, {**static, "rating": rating}),
                    build_link(template, {**live, "rating": rating}),
                    FACES.get(rating, ""),
                    rating,
                )
            )
        return links

    def mentor_contacts(self, module: Module) -> list[tuple[str, str]]:
        contacts = []
        for mentor_id in module.mentors:
            mentor = self.curriculum.mentors.get(mentor_id)
            if mentor and mentor.contact:
                href = mentor.contact
                if is_mailto(href) and "?" not in href:
                    href += "?subject=" + build_link("{title}", {"title": module.title})
                contacts.append((mentor.name, href))
        return contacts

    def feedback_block(self, module: Module, page_url: str, edit_url: str | None) -> str:
        """The block at the end of `module`'s page: rendered once for each shape of block (how many links and
        contacts, which links lead to http, an edit link or not), then filled in with each module's own values."""
        links = self.feedback_links(module, page_url)
        contacts = self.mentor_contacts(module)
        mailto = bool(links) and is_mailto(links[0].href)
        if not is_own_template(self.env, "feedback.html", OWN_TEMPLATES):
            return self._block(module, links, mailto, contacts, edit_url)
        http = tuple(link.href.startswith("http") for link in links)
        shape = (len(links), mailto, http, len(contacts), bool(edit_url))
        stencil = self._stencils.get(shape)
        if stencil is None:
            stencil = self._stencils[shape] = self._stencil(links, mailto, http, len(contacts), edit_url)
        if not stencil.usable:
            return self._block(module, links, mailto, contacts, edit_url)
        values = [module.id, module.track_id]
        values += [href for link in links for href in (link.href, link.live_href)]
        values += [part for contact in contacts for part in contact]
        return stencil.fill(values + ([edit_url] if edit_url else []))

    def _stencil(
        self, links: list[FeedbackLink], mailto: bool, http: tuple[bool, ...], contacts: int, edit_url: str | None
    ) -> Stencil:
        """The block with a token for each value `feedback_block` fills in, in that order. An http link's tokens
        start with `http`, as the template asks."""
        prefixes = ["", ""] + ["http" if h else "" for h in http for _ in (0, 1)] + [""] * (2 * contacts + 1)

        def render(tokens: list[str]) -> str:
            module = SimpleNamespace(id=tokens[0], track_id=tokens[1])
            at = 2 + 2 * len(links)
            stand_ins = [
                FeedbackLink(link.label, tokens[2 + 2 * i], tokens[3 + 2 * i], link.face, link.rating)
                for i, link in enumerate(links)
            ]
            people = [(tokens[at + 2 * i], tokens[at + 2 * i + 1]) for i in range(contacts)]
            edit = tokens[at + 2 * contacts] if edit_url else None
            return self._block(module, stand_ins, mailto, people, edit)

        return Stencil(render, 2 + 2 * len(links) + 2 * contacts + (1 if edit_url else 0), prefixes)

    def _block(self, module, links: list[FeedbackLink], mailto: bool, contacts: list, edit_url: str | None) -> str:
        return self._render(
            "feedback.html",
            module=module,
            mailto=mailto,
            ratings=links[:-1],
            comment=links[-1] if links else None,
            contacts=contacts,
            edit_url=edit_url,
        )

    @functools.cached_property
    def _schedule(self) -> Schedule:
        return Schedule(self.curriculum.sessions)

    def past_sessions(self, module: Module, page_url: str) -> str:
        """Mentor-only: the module's sessions that took place before the build, each with its feedback link."""
        template = self.channel_for(module)
        rows = []
        for session in self._schedule.of_module(module.id)[::-1]:
            if session.end.date() >= self.today and session.status != "done":
                continue
            mentors = [self.curriculum.mentors[m].name for m in session.mentors if m in self.curriculum.mentors]
            values = {**self.values(module, page_url), "session": session.id, "rating": ""}
            rows.append((session, mentors, build_link(template, values) if template else None))
        return self._render("sessions-mentor-past.html", rows=rows) if rows else ""
