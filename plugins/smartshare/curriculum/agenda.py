"""Sessions on the site: the "Upcoming sessions" page, next sessions of modules and tracks, mentors' schedules
and the calendar files (`.ics`) of every session, track, mentor and of the whole programme.

The build decides what is past at build time; `sessions.js` moves what has passed since into "past" in the
reader's browser, and shows each time in the reader's own time zone when it differs from the session's.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup

from ..core.i18n import Translator, format_minutes
from ..core.ical import EventText, calendar_bytes
from ..core.model import Curriculum, Mentor, Module, Track
from ..core.sessions import SESSIONS_FILE, Schedule, Session
from ..feedback.links import build_link
from ..plugin_support import LateHtml, relative_url, template_translator
from .pages import GeneratedPage, SitePlan


@dataclass
class CalendarFile:
    uri: str  # where it is served, e.g. sessions/calendar/ai.ics
    name: str
    sessions: list[Session]


@dataclass
class AgendaPlan:
    """The agenda page and every calendar file, with their site paths."""

    page: str | None = None  # src_uri of the "Upcoming sessions" page
    session_ics: dict[str, str] = field(default_factory=dict)  # session id → uri
    track_ics: dict[str, str] = field(default_factory=dict)
    mentor_ics: dict[str, str] = field(default_factory=dict)
    programme_ics: str | None = None
    files: list[CalendarFile] = field(default_factory=list)


def plan_agenda(
    curriculum: Curriculum, schedule: Schedule, plan: SitePlan, folder: str, t: Translator, site: str
) -> AgendaPlan:
    agenda = AgendaPlan()
    if not schedule:
        return agenda
    folder = folder.strip("/")
    agenda.page = f"{folder}/index.md"
    title = t("sessions.upcoming")
    plan.add(GeneratedPage(agenda.page, "sessions", title, f"# {title}\n", SESSIONS_FILE))
    agenda.programme_ics = f"{folder}/programme.ics"
    agenda.files.append(CalendarFile(agenda.programme_ics, t("sessions.calendar", site=site), schedule.sessions))
    for session in schedule.sessions:
        uri = f"{folder}/{session.id}.ics"
        agenda.session_ics[session.id] = uri
        agenda.files.append(CalendarFile(uri, t("sessions.calendar_of", site=site, name=session.id), [session]))
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


def build_stamp() -> dt.datetime:
    """DTSTAMP of every event: the build's `SOURCE_DATE_EPOCH` (midnight of the build date without it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.combine(dt.date.today(), dt.time(), tzinfo=dt.timezone.utc)


@dataclass
class SessionView:
    """One session as a page shows it: links relative to that page."""

    session: Session
    modules: list[tuple[Module, str]]  # module and its link, carrying ?session=ID
    mentors: list[tuple[Mentor, str]]
    ics: str
    signup: str | None
    month: str  # YYYY-MM in the session's own time zone
    place_key: str  # what the place filter matches


class AgendaRenderer:
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
    ) -> None:
        self.late = late
        self.env, self.t, self.curriculum, self.schedule = env, t, curriculum, schedule
        self.plan, self.agenda, self.urls, self.site_url, self.now = plan, agenda, urls, site_url, now
        self.translate = template_translator(t)
        self.months = t("sessions.months").split(",")
        self.host = urlsplit(site_url).hostname or "smartshare.invalid"

    # -- links ---------------------------------------------------------------------------------------------

    def _link(self, uri: str | None, page_url: str) -> str:
        url = self.urls.get(uri or "")
        return relative_url(url, page_url) if url is not None else ""

    def _file_link(self, uri: str, page_url: str) -> str:
        return relative_url(uri, page_url)

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

    def view(self, session: Session, page_url: str) -> SessionView:
        modules = []
        for mid in session.module_ids:
            module = self.curriculum.modules[mid]
            modules.append((module, f"{self._link(module.src_uri, page_url)}?session={session.id}"))
        mentors = [
            (self.curriculum.mentors[m], self._link(self.plan.mentor_uris.get(m), page_url))
            for m in session.mentors
            if m in self.curriculum.mentors
        ]
        return SessionView(
            session=session,
            modules=modules,
            mentors=mentors,
            ics=self._file_link(self.agenda.session_ics[session.id], page_url),
            signup=self.signup_link(session) if session.status == "planned" else None,
            month=session.start.strftime("%Y-%m"),
            place_key="online" if (session.online and not session.place) else (session.place or ""),
        )

    # -- pages ---------------------------------------------------------------------------------------------

    def _render(self, template: str, page_url: str, **context) -> str:
        return self.env.get_template(f"smartshare/{template}").render(
            t=self.translate,
            raw_t=self.t.template,
            late=lambda caller: Markup(self.late.hold(caller())),
            duration=lambda minutes: format_minutes(minutes, self.t),
            month_name=self.month_name,
            when=self.when,
            feed=lambda uri: self._file_link(uri, page_url) if uri else "",
            programme_ics=self.agenda.programme_ics,
            agenda_link=self._link(self.agenda.page, page_url),
            language=self.t.language,
            **context,
        )

    def month_name(self, month: str) -> str:
        year, number = month.split("-")
        return f"{self.months[int(number) - 1]} {year}"

    @staticmethod
    def when(session: Session) -> str:
        """Fallback text before sessions.js formats it in the reader's language: `2030-01-15 09:30–11:00`."""
        end = session.end
        same_day = end.date() == session.start.date()
        return f"{session.local_start}–{end.strftime('%H:%M' if same_day else '%Y-%m-%d %H:%M')}"

    def _split(self, sessions: list[Session], page_url: str) -> tuple[list[SessionView], list[SessionView]]:
        upcoming, past = Schedule.split(sessions, self.now)
        return [self.view(s, page_url) for s in upcoming], [self.view(s, page_url) for s in past]

    def agenda_page(self, page_url: str) -> str:
        upcoming, past = self._split(self.schedule.sessions, page_url)
        everything = upcoming + past
        filters = self._filters(everything)
        return self._render("sessions.html", page_url, upcoming=upcoming, past=past, filters=filters)

    def _filters(self, views: list[SessionView]) -> list[tuple[str, list[tuple[str, str]]]]:
        tracks = {s.session.track_id for s in views}
        mentors = {m for s in views for m in s.session.mentors}
        places = {s.place_key for s in views if s.place_key}
        languages = {s.session.language for s in views if s.session.language}
        return [
            ("track", [(t.id, t.title) for t in self.curriculum.tracks if t.id in tracks]),
            ("mentor", [(m.id, m.name) for m in self.curriculum.mentors.values() if m.id in mentors]),
            (
                "place",
                [(p, self.t("sessions.online") if p == "online" else p) for p in sorted(places, key=str.casefold)],
            ),
            ("language", [(code, code) for code in sorted(languages)]),
        ]

    def module_block(self, module: Module, page_url: str) -> str:
        sessions = self.schedule.of_module(module.id)
        if not sessions:
            return ""
        upcoming, _ = self._split(sessions, page_url)
        return self._render("sessions-block.html", page_url, upcoming=upcoming, heading="h2", feed_uri=None)

    def track_block(self, track: Track, page_url: str) -> str:
        sessions = self.schedule.of_track(track.id)
        if not sessions:
            return ""
        upcoming, _ = self._split(sessions, page_url)
        feed_uri = self.agenda.track_ics.get(track.id)
        return self._render("sessions-block.html", page_url, upcoming=upcoming, heading="h2", feed_uri=feed_uri)

    def mentor_block(self, mentor: Mentor, page_url: str) -> str:
        sessions = self.schedule.of_mentor(mentor.id)
        if not sessions:
            return ""
        upcoming, past = self._split(sessions, page_url)
        feed_uri = self.agenda.mentor_ics.get(mentor.id)
        return self._render(
            "sessions-mentor.html", page_url, upcoming=upcoming, past=past, feed_uri=feed_uri, mentor=mentor
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

    def calendar(self, file: CalendarFile, stamp: dt.datetime) -> bytes:
        return calendar_bytes(file.sessions, file.name, self.describe, stamp, self.host)
