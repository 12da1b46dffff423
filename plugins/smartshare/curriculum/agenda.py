"""Sessions on the site: the "Upcoming sessions" page, next sessions of modules and tracks, mentors' schedules
and the calendar files (`.ics`) of every session, track, mentor and of the whole programme.

The build decides what is past at build time; `sessions.js` moves what has passed since into "past" in the
reader's browser, and shows each time in the reader's own time zone when it differs from the session's.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup
from mkdocs import utils as mkdocs_utils
from mkdocs.structure.files import File

from ..cache.memo import BytesMemo
from ..core.defaults import AGENDA_PAGE_LIMIT
from ..core.i18n import Translator, format_minutes, format_month
from ..core.ical import DEPENDENCIES, CalendarWriter, EventText
from ..core.model import Curriculum, Mentor, Module, Track
from ..core.schema import SESSION_STATUSES
from ..core.sessions import SESSIONS_FILE, Schedule, Session
from ..core.stencil import Stencil, held_body
from ..feedback.links import build_link
from ..plugin_support import LateHtml, is_own_template, template_translator
from .entry import EntryStencils
from .pages import GeneratedPage, SitePlan
from .render import OWN_TEMPLATES

# Sessions one agenda page lists at most. A larger programme gets a page per month (`sessions/2027-03/`, every
# session of that month), and the agenda page shows the next months up to this many sessions, links to every
# month, and the latest past sessions: 5,000 sessions on one page made 8 MB of HTML that every browser, the
# search and the link check had to read in one piece. The limit is the plugin's `agenda_page_limit`.
AGENDA_PAST = 50


@dataclass
class CalendarFile:
    uri: str  # where it is served, e.g. sessions/calendar/ai.ics
    name: str | None  # a feed's name; None for a one-session "Add to calendar" file (see core/ical.py)
    sessions: list[Session]


@dataclass
class AgendaPlan:
    """The agenda page and every calendar file, with their site paths."""

    page: str | None = None  # src_uri of the "Upcoming sessions" page
    months: dict[str, str] = field(default_factory=dict)  # YYYY-MM → src_uri of its page (large programmes only)
    page_limit: int = AGENDA_PAGE_LIMIT  # sessions listed at most on the agenda page (the plugin's `agenda_page_limit`)
    session_ics: dict[str, str] = field(default_factory=dict)  # session id → uri
    track_ics: dict[str, str] = field(default_factory=dict)
    mentor_ics: dict[str, str] = field(default_factory=dict)
    programme_ics: str | None = None
    files: list[CalendarFile] = field(default_factory=list)


def plan_agenda(
    curriculum: Curriculum,
    schedule: Schedule,
    plan: SitePlan,
    folder: str,
    t: Translator,
    site: str,
    page_limit: int = AGENDA_PAGE_LIMIT,
) -> AgendaPlan:
    agenda = AgendaPlan(page_limit=page_limit)
    if not schedule:
        return agenda
    folder = folder.strip("/")
    agenda.page = f"{folder}/index.md"
    title = t("sessions.upcoming")
    plan.add(GeneratedPage(agenda.page, "sessions", title, f"# {title}\n", SESSIONS_FILE))
    if len(schedule.sessions) > page_limit:
        names = t("sessions.months").split(",")
        for month in dict.fromkeys(s.start.strftime("%Y-%m") for s in schedule.sessions):
            year, number = month.split("-")
            name = f"{names[int(number) - 1]} {year}"
            agenda.months[month] = uri = f"{folder}/{month}.md"
            plan.add(GeneratedPage(uri, "sessions-month", name, f"# {name}\n", SESSIONS_FILE, month))
    agenda.programme_ics = f"{folder}/programme.ics"
    agenda.files.append(CalendarFile(agenda.programme_ics, t("sessions.calendar", site=site), schedule.sessions))
    for session in schedule.sessions:
        uri = f"{folder}/{session.id}.ics"
        agenda.session_ics[session.id] = uri
        agenda.files.append(CalendarFile(uri, None, [session]))
    for track in curriculum.tracks:
        if schedule.of_track(track.id):
            uri = f"{folder}/tracks/{track.id}.ics"
            agenda.track_ics[track.id] = uri
            name = t("sessions.calendar_of", site=site, name=track.title)
            agenda.files.append(CalendarFile(uri, name, schedule.of_track(track.id)))
    for mentor in curriculum.mentors.values():
        if schedule.of_mentor(mentor.id):
            uri = f"{folder}/mentors/{mentor.id}.ics"
            agenda.mentor_ics[mentor.id] = uri
            name = t("sessions.calendar_of", site=site, name=mentor.name)
            agenda.files.append(CalendarFile(uri, name, schedule.of_mentor(mentor.id)))
    return agenda


def calendar_memo(config, language: str | None) -> BytesMemo | None:
    """The build cache's memo of calendar components (smartshare/cache, `memo.py`), None without the cache: one
    entry per curriculum folder and language (two configurations that build one site share it)."""
    cache = config.plugins.get("smartshare/cache")
    if cache is None or not hasattr(cache, "memo"):
        return None
    return cache.memo(f"calendars\0{config.docs_dir}\0{language or ''}", *DEPENDENCIES)


def build_stamp() -> dt.datetime:
    """DTSTAMP of every event: the build's `SOURCE_DATE_EPOCH` (midnight of the build date without it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.combine(dt.date.today(), dt.time(), tzinfo=dt.timezone.utc)


@dataclass
class SessionView:
    """One session as a list shows it, with links from a page `depth` folders below the site root."""

    session: Session
    modules: list[tuple[Module, str]]  # module and its link, carrying ?session=ID
    mentors: list[tuple[Mentor, str]]
    ics: str
    signup: str | None
    month: str  # YYYY-MM in the session's own time zone
    place_key: str  # what the place filter matches


# Next sessions shown on a module or track page; the rest are one click away on the agenda, filtered.
NEXT_ON_MODULE = 5
NEXT_ON_TRACK = 10
# A mentor's page: their next sessions (a term, at a glance) and their latest past ones; the agenda filtered by
# the mentor and the mentor's calendar feed have them all. Without a bound, 5,000 sessions are listed again on
# the mentors' pages, as long as the agenda itself.
MENTOR_NEXT = 20
MENTOR_PAST = 10


class AgendaRenderer:
    """HTML of session lists and the calendar files.

    Links in session lists go up to the site root and down again (`../../ai/chatbots/`) rather than being the
    shortest relative path: an entry is rendered once, with a marker where the way up to the root goes, and each
    page puts in its own `../` (a 2,000-module site with 5,000 sessions lists each session on four pages or more).
    """

    ROOT = "\x00root\x00"  # cannot occur in escaped HTML

    def __init__(
        self,
        env: Environment,
        t: Translator,
        curriculum: Curriculum,
        schedule: Schedule,
        plan: SitePlan,
        agenda: AgendaPlan,
        urls: dict[str, str],
        site_url: str,
        now: dt.datetime,
        late: LateHtml,
        memo: BytesMemo | None = None,
    ) -> None:
        self.late = late
        self.env, self.t, self.curriculum, self.schedule = env, t, curriculum, schedule
        self.plan, self.agenda, self.urls, self.site_url, self.now = plan, agenda, urls, site_url, now
        self.translate = template_translator(t)
        host = urlsplit(site_url).hostname or "localhost"
        self.memo = memo
        self.writer = CalendarWriter(schedule.sessions, self.describe, now, host, memo)
        self._entries: dict[str, str] = {}
        self._entry_template = env.get_template("smartshare/sessions-entry.html")
        # the fixed texts of an entry, translated once rather than ten times per session
        fixed = ["sessions.status", "curriculum.mentors", "sessions.filter.place", "sessions.online"]
        fixed += ["curriculum.duration", "sessions.seats_label", "sessions.language", "sessions.signup"]
        fixed += ["sessions.add_to_calendar"] + [f"sessions.status.{status}" for status in SESSION_STATUSES]
        self._labels = {key: self.translate(key) for key in fixed}
        self._labels["raw:sessions.your_time"] = t.template("sessions.your_time")
        # a site's own entry template is rendered per session, as written
        own = is_own_template(env, "sessions-entry.html", OWN_TEMPLATES)
        self._entry_stencils = EntryStencils(self._entry_template, self._labels, self._context) if own else None
        self._split_cache: dict[int, tuple[list[Session], list[Session]]] = {}
        self._all_months: dict[str, list[Session]] | None = None
        self._next_blocks: dict[tuple[bool, bool], Stencil] = {}  # (upcoming sessions, a feed) → a block's stencil

    # -- links ---------------------------------------------------------------------------------------------

    @staticmethod
    def _depth(page_url: str) -> int:
        return page_url.count("/")

    def _link(self, uri: str | None, depth: int | None) -> str:
        """The page's URL from a page `depth` folders down; `None`: from wherever the entry will be placed."""
        url = self.urls.get(uri or "")
        return self._up(depth) + url if url is not None else ""

    def _file_link(self, uri: str, depth: int | None) -> str:
        return self._up(depth) + uri

    def _up(self, depth: int | None) -> str:
        return self.ROOT if depth is None else "../" * depth

    def _absolute(self, uri: str | None) -> str | None:
        url = self.urls.get(uri or "")
        if url is None or not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + url

    def signup_link(self, session: Session) -> str | None:
        if not session.signup:
            return None
        modules = [self.curriculum.modules[m] for m in session.module_ids]
        track = self.curriculum.track(session.track_id or "")
        mentors = [self.curriculum.mentors[m].name for m in session.mentors if m in self.curriculum.mentors]
        values = {
            "session": session.id,
            "module": ", ".join(m.id for m in modules),
            "title": ", ".join(m.title for m in modules),
            "track": track.title if track else "",
            "mentor": ", ".join(mentors),
            "url": self._absolute(modules[0].src_uri) or "",
        }
        return build_link(session.signup, values)

    def view(self, session: Session, depth: int | None = None) -> SessionView:
        modules = []
        for mid in session.module_ids:
            module = self.curriculum.modules[mid]
            modules.append((module, f"{self._link(module.src_uri, depth)}?session={session.id}"))
        mentors = [
            (self.curriculum.mentors[m], self._link(self.plan.mentor_uris.get(m), depth))
            for m in session.mentors
            if m in self.curriculum.mentors
        ]
        return SessionView(
            session=session,
            modules=modules,
            mentors=mentors,
            ics=self._file_link(self.agenda.session_ics[session.id], depth),
            signup=self.signup_link(session) if session.status == "planned" else None,
            month=session.start.strftime("%Y-%m"),
            place_key="online" if (session.online and not session.place) else (session.place or ""),
        )

    # -- pages ---------------------------------------------------------------------------------------------

    def _context(self) -> dict:
        return {
            "t": self.translate,
            "raw_t": self.t.template,
            "duration": lambda minutes: format_minutes(minutes, self.t),
            "when": self.when,
            "language": self.t.language,
        }

    def entry(self, session: Session) -> str:
        """The entry's HTML with `ROOT` where the way up to the site root goes."""
        html = self._entries.get(session.id)
        if html is None:
            view = self.view(session)
            html = self._entry_stencils.entry(view) if self._entry_stencils else None
            if html is None:
                html = self._entry_template.render(v=view, label=self._labels, **self._context())
            self._entries[session.id] = html
        return html

    def every_entry(self) -> dict[str, str]:
        """Every session's entry: made from the curriculum, its plan and the pages' URLs, all final by `on_nav`, so
        another process renders them while the build reads its pages (`take_entries`, `plugin_support.made_beside`)."""
        return {session.id: self.entry(session) for session in self.schedule.sessions}

    def take_entries(self, entries: dict[str, str] | None) -> None:
        """Entries `every_entry` gave in another process: each is the one `entry` would render here."""
        for session_id, html in (entries or {}).items():
            self._entries.setdefault(session_id, html)

    def entries(self, sessions: list[Session], depth: int) -> Markup:
        return Markup("".join(self.entry(s) for s in sessions).replace(self.ROOT, "../" * depth))

    def _render(self, template: str, page_url: str, **context) -> str:
        depth = self._depth(page_url)
        return self.env.get_template(f"smartshare/{template}").render(
            # rendered when the page is written (`on_post_page`), not held from `on_page_content` on: the month
            # pages (8 MB at 5,000 sessions) and the blocks of 2,000 module pages were all in memory at once
            late=lambda caller: Markup(self.late.hold(lambda: str(caller()))),
            entries=lambda sessions: self.entries(sessions, depth),
            month_name=self.month_name,
            feed=lambda uri: self._file_link(uri, depth) if uri else "",
            programme_ics=self.agenda.programme_ics,
            agenda_link=self._link(self.agenda.page, depth),
            **self._context(),
            **context,
        )

    def month_name(self, month: str) -> str:
        year, number = month.split("-")
        return format_month(int(year), int(number), self.t)

    @staticmethod
    def when(session: Session) -> str:
        """Fallback text before sessions.js formats it in the reader's language: `2030-01-15 09:30–11:00`."""
        end = session.end
        same_day = end.date() == session.start.date()
        return f"{session.local_start}–{end.strftime('%H:%M' if same_day else '%Y-%m-%d %H:%M')}"

    def _split(self, sessions: list[Session]) -> tuple[list[Session], list[Session]]:
        key = id(sessions)  # the schedule's own lists: each is split once per build
        if key not in self._split_cache:
            self._split_cache[key] = Schedule.split(sessions, self.now)
        return self._split_cache[key]

    def agenda_page(self, page_url: str) -> str:
        upcoming, past = self._split(self.schedule.sessions)
        months = _by_month(upcoming)
        filters = self._filters(self.schedule.sessions)
        if not self.agenda.months:  # the whole programme fits on one page
            return self._render("sessions.html", page_url, months=months, upcoming=upcoming, past=past, filters=filters)
        shown: dict[str, list[Session]] = {}
        for month, group in months.items():  # whole months, at least one, up to the limit
            if shown and sum(map(len, shown.values())) + len(group) > self.agenda.page_limit:
                break
            shown[month] = group
        return self._render(
            "sessions.html",
            page_url,
            months=shown,
            upcoming=upcoming,
            past=past[:AGENDA_PAST],
            filters=filters,
            month_links=self._month_links(page_url),
        )

    def month_page(self, month: str, page_url: str) -> str:
        """Every session of one month: those still to come by month, then the past ones."""
        if self._all_months is None:
            self._all_months = _by_month(self.schedule.sessions)
        sessions = self._all_months.get(month, [])
        upcoming, past = Schedule.split(sessions, self.now)
        return self._render(
            "sessions.html",
            page_url,
            months=_by_month(upcoming),
            upcoming=upcoming,
            past=past,
            filters=self._filters(sessions),
            month_links=self._month_links(page_url),
        )

    def _month_links(self, page_url: str) -> list[tuple[str, str]]:
        depth = self._depth(page_url)
        return [(month, self._link(uri, depth)) for month, uri in self.agenda.months.items()]

    def _filters(self, sessions: list[Session]) -> list[tuple[str, list[tuple[str, str]]]]:
        tracks = {s.track_id for s in sessions}
        mentors = {m for s in sessions for m in s.mentors}
        places = {"online" if (s.online and not s.place) else (s.place or "") for s in sessions} - {""}
        languages = {s.language for s in sessions if s.language}
        return [
            ("track", [(t.id, t.title) for t in self.curriculum.tracks if t.id in tracks]),
            ("mentor", [(m.id, m.name) for m in self.curriculum.mentors.values() if m.id in mentors]),
            (
                "place",
                [(p, self.t("sessions.online") if p == "online" else p) for p in sorted(places, key=str.casefold)],
            ),
            ("language", [(code, code) for code in sorted(languages)]),
        ]

    def _next_block(self, sessions: list[Session], page_url: str, limit: int, feed_uri: str | None, query: str) -> str:
        """`sessions-block.html`, held whole: the same on every page but for its entries and links, so rendered once
        for each shape (sessions to come or none, a feed or none) and filled in when the page's held HTML is put back.
        """
        upcoming, _ = self._split(sessions)
        more = f"{self._link(self.agenda.page, self._depth(page_url))}{query}"
        stencil = self._next_block_stencil(bool(upcoming), bool(feed_uri))
        if stencil is None:
            return self._render(
                "sessions-block.html", page_url, upcoming=upcoming[:limit], feed_uri=feed_uri, more_link=more
            )
        depth = self._depth(page_url)
        feed = [self._file_link(feed_uri, depth)] if feed_uri else []
        return self.late.hold(lambda: stencil.fill([self.entries(upcoming[:limit], depth), more, *feed]))

    def _next_block_stencil(self, upcoming: bool, feed: bool) -> Stencil | None:
        """None when the block must be rendered for its page: a site's own template, or a stencil that lost a token."""
        if not is_own_template(self.env, "sessions-block.html", OWN_TEMPLATES):
            return None
        stencil = self._next_blocks.get((upcoming, feed))
        if stencil is None:
            make = functools.partial(self._next_stencil, upcoming, feed)
            stencil = self._next_blocks[(upcoming, feed)] = Stencil(make, 3 if feed else 2)
        return stencil if stencil.usable else None

    def _next_stencil(self, upcoming: bool, feed: bool, tokens: list[str]) -> str:
        """The block with tokens for its entries, the link to the agenda and the feed's link."""

        def render(late) -> str:
            return self.env.get_template("smartshare/sessions-block.html").render(
                late=late,
                entries=lambda sessions: Markup(tokens[0]),
                feed=lambda uri: tokens[2],
                **self._context(),
                upcoming=[True] if upcoming else [],
                feed_uri="feed" if feed else None,
                more_link=tokens[1],
            )

        return held_body(render)

    def module_block(self, module: Module, page_url: str) -> str:
        sessions = self.schedule.of_module(module.id)
        if not sessions:
            return ""
        return self._next_block(sessions, page_url, NEXT_ON_MODULE, None, "")

    def track_block(self, track: Track, page_url: str) -> str:
        sessions = self.schedule.of_track(track.id)
        if not sessions:
            return ""
        feed_uri = self.agenda.track_ics.get(track.id)
        return self._next_block(sessions, page_url, NEXT_ON_TRACK, feed_uri, f"?track={track.id}")

    def mentor_block(self, mentor: Mentor, page_url: str) -> str:
        sessions = self.schedule.of_mentor(mentor.id)
        if not sessions:
            return ""
        upcoming, past = self._split(sessions)
        feed_uri = self.agenda.mentor_ics.get(mentor.id)
        more = ""
        if len(upcoming) > MENTOR_NEXT or len(past) > MENTOR_PAST:
            more = f"{self._link(self.agenda.page, self._depth(page_url))}?mentor={mentor.id}"
        return self._render(
            "sessions-mentor.html",
            page_url,
            upcoming=upcoming[:MENTOR_NEXT],
            past=past[:MENTOR_PAST],
            feed_uri=feed_uri,
            mentor=mentor,
            more_link=more,
        )

    # -- calendars -----------------------------------------------------------------------------------------

    def describe(self, session: Session) -> EventText:
        modules = [self.curriculum.modules[m] for m in session.module_ids]
        mentors = [self.curriculum.mentors[m].name for m in session.mentors if m in self.curriculum.mentors]
        title = ", ".join(m.title for m in modules)
        if session.parts:
            title += f" ({self.t('sessions.part', part=session.part, parts=session.parts)})"
        lines = [f"{self.t('curriculum.mentors')}: {', '.join(mentors)}"] if mentors else []
        if session.online:
            lines.append(f"{self.t('sessions.join_online')}: {session.online}")
        signup = self.signup_link(session) if session.status == "planned" else None
        if signup:
            lines.append(f"{self.t('sessions.signup')}: {signup}")
        if session.replaced_by and session.replaced_by in self.schedule.by_id:
            lines.append(self.t("sessions.replaced_by", session=session.replaced_by))
        if session.notes:
            lines.append(session.notes)
        page = self._absolute(modules[0].src_uri)
        url = f"{page}?session={session.id}" if page else None
        location = session.place or session.online
        return EventText(title, "\n".join(lines), url, location)

    def calendar(self, file: CalendarFile) -> bytes:
        return self.writer.calendar_bytes(file.name, file.sessions)

    def finish(self, log) -> None:
        """After the build: the build cache keeps the calendar components (and what SEQUENCE is derived from) for
        the next one."""
        memo = self.memo
        if memo is not None:
            # the components of the calendars, and in a git repository SEQUENCE's two (sessionhistory.py)
            log.debug(f"calendars: {memo.hits} components from the cache, {memo.made} made")
            memo.save()


class LazyFile(File):
    """A generated file whose bytes are made when MkDocs writes it (or when something reads it), and not kept.

    The calendars of 5,000 sessions are about 25 MB of text: made in `on_files`, all of them stayed in memory for
    the whole build (and in the memory of each worker the build forks). Each is now made and written in turn.
    """

    make: Callable[[], bytes]
    #: its bytes come from the curriculum and the site's URLs, both set in `on_files`: the build cache may write it
    #: while the pages are read (smartshare/cache, `static.py`)
    ready_at_nav = True

    @classmethod
    def of(cls, config, src_uri: str, make: Callable[[], bytes]) -> LazyFile:
        file = cls.generated(config, src_uri, content=b"")  # `_content` set: MkDocs treats it as generated
        file.make = make
        return file

    @property
    def content_bytes(self) -> bytes:
        return self.make()

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.make = lambda: value

    @property
    def content_string(self) -> str:
        return self.make().decode("utf-8")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.make = lambda: value.encode("utf-8")

    def copy_file(self, dirty: bool = False) -> None:
        # MkDocs' writer as the build has it then: the cache links a calendar the last build wrote the same
        mkdocs_utils.write_file(self.make(), self.abs_dest_path)


def _by_month(sessions: list[Session]) -> dict[str, list[Session]]:
    """Sessions grouped by the month of their start, in their own time zone (YYYY-MM), in order."""
    months: dict[str, list[Session]] = {}
    for session in sessions:
        months.setdefault(session.start.strftime("%Y-%m"), []).append(session)
    return months
