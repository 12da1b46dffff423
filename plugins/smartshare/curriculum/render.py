"""HTML fragments the curriculum adds to pages: module header and footer, cards, profile and tag lists.

Templates live in `templates/smartshare/` of the package; a site overrides any of them from its `custom_dir`.
Everything that comes from YAML is escaped by Jinja's autoescaping.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from jinja2 import Environment
from markupsafe import Markup, escape

from ..core.frames import replace_frames
from ..core.i18n import Translator, format_date, format_minutes
from ..core.model import Curriculum, Module
from ..core.stencil import Stencil, held_body
from ..plugin_support import LateHtml, is_own_template, relative_url, template_translator
from .card import CardShape, card_stencil, card_values
from .filters import filter_options
from .header import HeaderShape, header_values, stand_ins
from .pages import GeneratedPage, SitePlan
from .progress import module_json, progress_json
from .surface import CurriculumSurface

_FIRST_HEADING = re.compile(r"\s*(<h1\b.*?</h1>)", re.DOTALL)
#: the package's templates: those a stencil fills in (a site's own is rendered for each page)
OWN_TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")


class Renderer:
    def __init__(
        self,
        env: Environment,
        t: Translator,
        surface: CurriculumSurface,
        plan: SitePlan,
        late: LateHtml,
    ) -> None:
        self.env = env
        self.late = late
        self.t = t
        self.surface = surface
        self.curriculum: Curriculum = surface.curriculum
        self.plan = plan
        self.urls = surface.page_urls  # src_uri → site URL of every page
        self._cards: dict[tuple[str, str], _Card] = {}  # (module id, heading) → the card, its links to place
        self._links = _LinkTokens()
        self.translate = template_translator(t)
        self.site = ""  # the site's id for progress files (progress.site_id), set by the plugin
        self._progress_json = ""
        self._module_json: dict[tuple[str, str], str] = {}  # (site, language) → a module page's data block
        # which parts a module's footer shows → its stencil and the values it fills in, in order
        self._footers: dict[tuple[bool, ...], tuple[Stencil, list[str]]] = {}
        self._progress_blocks: dict[str, Stencil] = {}  # the link to the learning page → a module's block
        self._headers: dict[HeaderShape, Stencil] = {}  # a module header's shape → its stencil
        self._card_stencils: dict[CardShape, Stencil] = {}  # a card's shape → its stencil (card.py)

    def _render(
        self,
        template: str,
        page_url: str,
        link: Callable[[str | None], str] | None = None,
        late: Callable[[Callable], str] | None = None,
        **context,
    ) -> str:
        return self.env.get_template(f"smartshare/{template}").render(
            t=self.translate,
            # `{% call late() %}…{% endcall %}`: HTML search must not index joins the page after search read it,
            # rendered then (`on_post_page`) as the agenda's is: card lists were all held from `on_page_content` on
            late=late or (lambda caller: Markup(self.late.hold(lambda: str(caller())))),
            time=self._time,
            anchor=_anchor,
            curriculum=self.curriculum,
            plan=self.plan,
            link=link or self._linker(page_url),
            page_path=self._page_path,
            duration=self._duration,
            page_url=page_url,
            card=lambda module, heading="h3": self.card(module, heading, page_url),
            cards=lambda modules, heading="h3": self.cards(modules, heading, page_url),
            last_changed=self.surface.last_changed,  # dates another plugin provides (intranet: from git)
            progress_data=self.progress_data,
            filter_options=filter_options,
            **context,
        )

    def _linker(self, page_url: str) -> Callable[[str | None], str]:
        """The templates' `link(src_uri)`: the link from the page at `page_url` to a page of the site, or ""."""

        def link(src_uri: str | None) -> str:
            url = self.urls.get(src_uri or "")
            return relative_url(url, page_url) if url is not None else ""

        return link

    def _page_path(self, src_uri: str) -> str:
        """The templates' `page_path(src_uri)`: the page's site URL, or ""."""
        return self.urls.get(src_uri, "")

    def _duration(self, minutes: int) -> str:
        """The templates' `duration(minutes)`, in the site's language."""
        return format_minutes(minutes, self.t)

    def _link_token(self, src_uri: str | None) -> str:
        """A card's `link(src_uri)`: a token that `_links.place` turns into the link from each page, or ""."""
        url = self.urls.get(src_uri or "")
        return "" if url is None else self._links.token(url)

    def _time(self, date: dt.date) -> Markup:
        """Machine-readable ISO date in the attribute, the language's own way of writing it in the text."""
        return Markup('<time datetime="{}">{}</time>').format(date.isoformat(), self.date(date))

    def date(self, date: dt.date) -> str:
        return format_date(date, self.t)

    def card(self, module: Module, heading: str, page_url: str) -> Markup:
        """A module's card, rendered once for every page that shows it: only its links differ from page to page.

        A module is shown on its track's page, on the pages of its tags and mentors, and in lists: thousands of cards
        on a large curriculum, each the same but for where its links lead from. The card is rendered once with a
        token for each `link()`, and each page gets it with the tokens replaced by links relative to that page (by
        `relative_url`, escaped as the template would have: the same bytes as a card rendered for the page).
        """
        return Markup(self._placed_card(module, heading, page_url))

    def cards(self, modules: list[Module], heading: str, page_url: str) -> Markup:
        """The list items of `module_cards` (macros.html): each module's card in an `<li>`, as `card` places it. One
        call for a whole list: a macro call and a `card()` call through Jinja for each of a track's or tag's
        hundreds of cards cost about as much as placing the cards."""
        return Markup("".join([f"<li>{self._placed_card(module, heading, page_url)}</li>" for module in modules]))

    def _placed_card(self, module: Module, heading: str, page_url: str) -> str:
        key = (module.id, heading)
        card = self._cards.get(key)
        if card is None:
            card = self._cards[key] = self._shared_card(module, heading)
        if card.parts is None:  # a card template of the site's own that does more with a link than write it
            return self._render("card.html", page_url, module=module, heading=heading)
        return self._links.place_parts(card.parts, page_url)

    def _shared_card(self, module: Module, heading: str) -> _Card:
        """The card with a link token for each `link()`; the package's own from a stencil of its shape (`card.py`)."""
        shape = CardShape.of(module, heading, self.curriculum)
        stencil = self._card_stencil(shape)
        if stencil is not None:
            mentor_uris, token = self.plan.mentor_uris, self._link_token
            values = card_values(
                shape, module, self.curriculum, mentor_uris, token, self._page_path, self._duration, self.env
            )
            return self._card_of(stencil.fill(values))
        written = []

        def link(src_uri: str | None) -> str:
            token = self._link_token(src_uri)
            if token:
                written.append(token)
            return token

        html = self._render("card.html", "", link, module=module, heading=heading)
        return self._card_of(html if self._links.all_written(html, written) else None)

    def _card_of(self, html: str | None) -> _Card:
        return _Card(None if html is None else self._links.split(html))

    def _card_stencil(self, shape: CardShape) -> Stencil | None:
        """None when the card must be rendered: a site's own template, or a stencil that lost a token."""
        if not is_own_template(self.env, "card.html", OWN_TEMPLATES):
            return None
        stencil = self._card_stencils.get(shape)
        if stencil is None:
            render = self.env.get_template("smartshare/card.html").render
            stencil = self._card_stencils[shape] = card_stencil(shape, render, self.translate)
        return stencil if stencil.usable else None

    def module_header(self, module: Module, page_url: str) -> str:
        """`module-header.html` for the page; the package's own from a stencil of the header's shape (`header.py`)."""
        track, index = self.curriculum.position(module)
        stencil = None
        if is_own_template(self.env, "module-header.html", OWN_TEMPLATES):
            shape = HeaderShape.of(module, self.curriculum, track)
            stencil = self._headers.get(shape)
            if stencil is None:
                stencil = self._headers[shape] = self._header_stencil(shape)
        if stencil is None or not stencil.usable:
            return self._render("module-header.html", page_url, module=module, track=track, index=index)
        link, plan = self._linker(page_url), self.plan
        values = header_values(
            module, self.curriculum, track, index, link, self._duration, plan.mentor_uris, plan.tag_uris
        )
        return stencil.fill(values)

    def _header_stencil(self, shape: HeaderShape) -> Stencil:
        """The package's header of `shape`, each value a token (`header.stand_ins`)."""
        names = shape.names()

        def render(tokens: list[str]) -> str:
            context = stand_ins(shape, dict(zip(names, tokens, strict=True)), self.translate)
            return self.env.get_template("smartshare/module-header.html").render(anchor=_anchor, **context)

        return Stencil(render, len(names))

    def module_footer(self, module: Module, page_url: str) -> str:
        previous, following = self.curriculum.neighbours(module)
        if not is_own_template(self.env, "module-footer.html", OWN_TEMPLATES):
            footer = self._render("module-footer.html", page_url, module=module, previous=previous, following=following)
        else:  # the package's footer is one held block: filled in when the page's held HTML is put back
            footer = self.late.hold(functools.partial(self._footer, module, page_url, previous, following))
        return self._progress_module(module, page_url) + footer

    def _footer(self, module: Module, page_url: str, previous: Module | None, following: Module | None) -> str:
        """`module-footer.html`'s block for the page, from a stencil of its shape: the same footer but for the track's
        title, the neighbours' titles and links, the review and last-changed dates."""
        track = self.curriculum.position(module)[0]
        changed = self.surface.last_changed(module.src_uri)
        shape = (track is not None, previous is not None, following is not None, bool(module.reviewed), bool(changed))
        known = self._footers.get(shape)
        if known is None:
            names = _footer_values(*shape)
            stencil = Stencil(functools.partial(self._footer_stencil, shape, names), len(names))
            known = self._footers[shape] = (stencil, names)
        stencil, names = known
        if not stencil.usable:
            context = {"module": module, "previous": previous, "following": following}
            return held_body(lambda late: self._render("module-footer.html", page_url, late=late, **context))

        link = self._linker(page_url)
        values = {
            "track": track.title if track else "",
            "previous_link": link(previous.src_uri) if previous else "",
            "previous_title": previous.title if previous else "",
            "following_link": link(following.src_uri) if following else "",
            "following_title": following.title if following else "",
            "reviewed": self._time(module.reviewed) if module.reviewed else "",
            "changed": self._time(changed) if changed else "",
        }
        return stencil.fill([values[name] for name in names])

    def _footer_stencil(self, shape: tuple[bool, ...], names: list[str], tokens: list[str]) -> str:
        """The footer's block with a token for each of `names`, the values `_footer` fills in."""
        token = dict(zip(names, tokens, strict=True))
        has_track, has_previous, has_following, reviewed, changed = shape
        track = SimpleNamespace(title=token.get("track", "")) if has_track else None
        previous = SimpleNamespace(src_uri="previous_link", title=token.get("previous_title")) if has_previous else None
        following = SimpleNamespace(src_uri="following_link", title=token.get("following_title"))
        return held_body(
            lambda late: self.env.get_template("smartshare/module-footer.html").render(
                t=self.translate,
                late=late,
                time=lambda date: Markup(token[date]),
                link=lambda uri: token[uri],
                curriculum=SimpleNamespace(position=lambda module: (track, 0)),
                last_changed=lambda uri: "changed" if changed else None,
                module=SimpleNamespace(reviewed="reviewed" if reviewed else None, src_uri=""),
                previous=previous,
                following=following if has_following else None,
            )
        )

    def _progress_module(self, module: Module, page_url: str) -> str:
        """`progress-module.html`, held whole: the same on every module page but for the module's id and the link to
        the learning page, so rendered once for each such link and filled in when the page's held HTML is put back."""
        if not is_own_template(self.env, "progress-module.html", OWN_TEMPLATES):
            return self._render("progress-module.html", page_url, module=module)
        # the same link as the template's `link(plan.learning)`, the same on every page of one depth
        learning = self.urls.get(self.plan.learning or "")
        key = relative_url(learning, page_url) if learning is not None else ""
        stencil = self._progress_blocks.get(key)
        if stencil is None:

            def render(tokens: list[str]) -> str:
                stand_in = SimpleNamespace(id=tokens[0])
                return held_body(
                    lambda late: self._render("progress-module.html", page_url, module=stand_in, late=late)
                )

            stencil = self._progress_blocks[key] = Stencil(render, 1)
        if not stencil.usable:
            return self._render("progress-module.html", page_url, module=module)
        return self.late.hold(functools.partial(stencil.fill, [module.id]))

    def progress_data(self, whole: bool = True) -> str:
        """JSON for progress.js: with every module and track (built once per build) or strings only."""
        language = self.t.language
        if not whole:  # the same on every module page: made once (keyed, as `site` is set after this is made)
            key = (self.site, language)
            if key not in self._module_json:
                self._module_json[key] = module_json(self.t, self.site, language)
            return self._module_json[key]
        if not self._progress_json:
            self._progress_json = progress_json(self.curriculum, self.urls, self.t, self.site, language)
        return self._progress_json

    def catalogue(self, html: str, page_url: str, lead: str | None) -> str:
        """The whole catalogue page: its title, `lead`, the tracks, then the author's text (index.md) folded.

        The author's text may be long (the example has four paragraphs): before the tracks it pushed them below
        the fold of a laptop, and a learner came for the tracks.
        """
        match = _FIRST_HEADING.match(html)
        heading, intro = (match.group(1), html[match.end() :]) if match else ("", html)
        return self._render(
            "catalogue.html", page_url, heading=Markup(heading), intro=Markup(intro.strip()), lead=lead or ""
        )

    def generated(self, page: GeneratedPage, page_url: str) -> str:
        if page.kind == "reference":
            return ""
        context = {"page": page}
        if page.kind == "track":
            context["track"] = self.curriculum.track(page.key)
        elif page.kind == "mentor":
            context["mentor"] = self.curriculum.mentors[page.key]
        elif page.kind == "tag":
            context["tag_modules"] = self.curriculum.tags()[page.key]
        return self._render(f"{page.kind}.html", page_url, **context)


# What search leaves out of a module header, as `module-header.html` writes it (README, "What search finds in a module
# header"). Each is a frame of the template's fixed markup (`core.frames`); the header's text from YAML is escaped, so
# it cannot write one.
#: a draft's notice, the same on every draft
_DRAFT_NOTICE = ('<p class="smartshare-draft-notice" role="note">', "</p>")
#: track position, level, duration, audience: excluded from the index already (`data-search-exclude`), parsed all the
#: same; and the mentors' label, whose names stay
_FACT = ('<div class="smartshare-facts__item" data-search-exclude>', "</div>")
_FACT_LABEL = ("<dt data-search-exclude>", "</dt>")
#: the objectives' label ("Objectives"), the same on every module; the objectives stay
_OBJECTIVES_LABEL = ('<div class="admonition abstract smartshare-objectives">', "</p>")
_OBJECTIVES_LABEL_START = '\n    <p class="admonition-title">'
#: prerequisites: the label and other modules' titles, which their own pages are found by
_PREREQUISITES = ('<p class="smartshare-prerequisites">', "</p>")
#: the tag list, when the page's search entries carry the tags (`tags` in its front matter)
_TAGS = ('<ul class="smartshare-tags"', "</ul>")


def hold_unsearched_header(header: str, hold: Callable[[str], str], tags_indexed: bool) -> str:
    """`header` (a module header as `Renderer.module_header` wrote it) with what search has no use for replaced by
    what `hold` returns: the draft notice, the facts and the mentors' label, the objectives' label, the prerequisites
    and, when `tags_indexed` (the page's search entries carry its tags), the tag list. The summary, the mentors'
    names and the objectives stay, as a learner searches for them."""

    def framed(opening: str, closing: str, starts: str = "") -> Callable[[str], str | None]:
        def held(inside: str) -> str | None:
            # a comment is no header's own (its text is escaped): another plugin's held HTML, left whole
            if "<!--" in inside or not inside.startswith(starts):
                return None
            if starts:  # the frame's opening stays: it is not held
                return opening + hold(inside + closing)
            return hold(opening + inside + closing)

        return held

    frames = [_DRAFT_NOTICE, _FACT, _FACT_LABEL, _PREREQUISITES] + ([_TAGS] if tags_indexed else [])
    for opening, closing in frames:
        header = replace_frames(header, opening, closing, framed(opening, closing))
    opening, closing = _OBJECTIVES_LABEL
    return replace_frames(header, opening, closing, framed(opening, closing, _OBJECTIVES_LABEL_START))


def _anchor(href: str, text: str) -> Markup:
    return Markup('<a href="{0}">{1}</a>').format(href, text)


def _footer_values(track: bool, previous: bool, following: bool, reviewed: bool, changed: bool) -> list[str]:
    """The values a module footer of this shape shows, in the order `Renderer._footer` fills them in."""
    names = ["track"] if track and (previous or following) else []
    names += ["previous_link", "previous_title"] if previous else []
    names += ["following_link", "following_title"] if following else []
    return names + (["reviewed"] if reviewed else []) + (["changed"] if changed else [])


@dataclass(frozen=True)
class _Card:
    #: the card cut at its link tokens (`_LinkTokens.split`); None when the card must be rendered for each page
    parts: list[str] | None


class _LinkTokens:
    """Stand-ins for links in HTML shared by pages at different places of the site, replaced page by page."""

    def __init__(self) -> None:
        # a nonce, as `LateHtml`'s markers: text from YAML cannot forge a token (and \x1a is not allowed in YAML)
        self._prefix = f"\x1asmartshare-link-{secrets.token_hex(6)}-"
        self._pattern = re.compile(re.escape(self._prefix) + r"(\d{1,9})\x1a")
        self._urls: list[str] = []
        self._numbers: dict[str, int] = {}
        self._page: str | None = None  # the page the links below were made for
        self._placed: dict[str, str] = {}  # token number → its link from `_page`, escaped

    def token(self, url: str) -> str:
        number = self._numbers.get(url)
        if number is None:
            number = self._numbers[url] = len(self._urls)
            self._urls.append(url)
        return f"{self._prefix}{number}\x1a"

    def all_written(self, html: str, tokens: list[str]) -> bool:
        """Whether every token handed out went into `html` as it was, and nothing else looks like one."""
        return len(self._pattern.findall(html)) == len(tokens) and all(token in html for token in tokens)

    def split(self, html: str) -> list[str]:
        """`html` cut at its tokens: its text at even places, the tokens' numbers at odd ones."""
        return self._pattern.split(html)

    def place(self, html: str, page_url: str) -> str:
        """`html` with each token replaced by its link relative to `page_url`, escaped as Jinja escapes a string."""
        return self.place_parts(self.split(html), page_url)

    def place_parts(self, parts: list[str], page_url: str) -> str:
        """`place` of HTML already cut by `split`: a card is cut once, and placed on every page that shows it.

        A page's cards are placed one after another, and most of their links lead to the same few pages (a track's
        mentors): each link is made once for the page."""
        if page_url != self._page:
            self._page, self._placed = page_url, {}
        placed = self._placed
        placing = parts[:]
        for at in range(1, len(placing), 2):
            number = placing[at]
            found = placed.get(number)
            if found is None:
                found = placed[number] = str(escape(relative_url(self._urls[int(number)], page_url)))
            placing[at] = found
        return "".join(placing)
