"""A session's entry is rendered once for each shape of entry and filled in with the session's values: the same bytes
as `sessions-entry.html` rendered for the session, whatever its values and the language; a site's own template is
rendered for each session."""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from jinja2 import Environment

from smartshare.core.i18n import TRANSLATIONS, Translator
from smartshare.core.schema import SESSION_STATUSES
from smartshare.core.sessions import Session
from smartshare.curriculum.agenda import AgendaPlan, AgendaRenderer, SessionView
from smartshare.curriculum.pages import SitePlan
from smartshare.plugin_support import LateHtml
from stencilrender import random_text, template_env

#: what a value may hold: what HTML escapes, entities, quotes, non-ASCII letters, a token's look, the root marker
PIECES = ["a", "s-0001", "/", "&", "&amp;", "<", ">", '"', "'", "é", "聊天", "%20", "#", "?x=1", " ", "{", "}"]
PIECES += ["smartshare-stencil-", "-0-", "\n", AgendaRenderer.ROOT, "none"]
ZONES = ["UTC", "Europe/Paris", "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham"]


def _text(draw: random.Random, most: int = 6) -> str:
    return random_text(draw, PIECES, most)


def _maybe(draw: random.Random, value):
    return value if draw.random() < 0.5 else draw.choice([None, ""])


def _agenda(language: str, env: Environment) -> AgendaRenderer:
    now = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
    schedule = SimpleNamespace(sessions=[])
    return AgendaRenderer(
        env, Translator(language), None, schedule, SitePlan(), AgendaPlan(), {}, "", now, LateHtml("c")
    )  # type: ignore[arg-type]


def _view(draw: random.Random) -> SessionView:
    zone = draw.choice(ZONES)
    start = dt.datetime(2030, draw.randint(1, 12), draw.randint(1, 28), draw.randint(0, 23), draw.choice([0, 15, 30]))
    parts = draw.choice([0, 0, 2, 5])
    session = Session(
        id=_text(draw) or "s1",
        module_ids=[],
        start=start.replace(tzinfo=ZoneInfo(zone)),
        timezone=zone,
        duration=draw.choice([30, 90, 600, 1500]),
        mentors=[_text(draw) or "m" for _ in range(draw.choice([0, 1, 3]))],
        track_id=_maybe(draw, _text(draw) or "t"),
        place=_maybe(draw, _text(draw) or "p"),
        online=_maybe(draw, "https://x/?a=1&b=" + _text(draw)),
        language=_maybe(draw, draw.choice(["en", "fr", "de-CH", _text(draw) or "x"])),
        capacity=draw.choice([None, 0, 1, 2, 12, 1000]),
        status=draw.choice(SESSION_STATUSES),
        replaced_by=draw.choice([None, "", "none", _text(draw) or "s2"]),
        notes=_maybe(draw, _text(draw, 12) or "n"),
        part=draw.randint(1, parts) if parts else 0,
        parts=parts,
    )
    return SessionView(
        session=session,
        modules=[(SimpleNamespace(title=_text(draw)), _text(draw)) for _ in range(draw.choice([1, 1, 2, 4]))],  # type: ignore[misc]
        mentors=[(SimpleNamespace(name=_text(draw)), _text(draw)) for _ in range(draw.choice([0, 1, 2]))],  # type: ignore[misc]
        ics=_text(draw) or "x.ics",
        signup=_maybe(draw, "https://x/?s=" + _text(draw)),
        month=start.strftime("%Y-%m"),
        place_key=_text(draw),
    )


def _rendered(agenda: AgendaRenderer, view: SessionView) -> str:
    return agenda._entry_template.render(v=view, label=agenda._labels, **agenda._context())


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_a_session_s_entry_is_the_one_rendered_for_it(language, monkeypatch):
    draw = random.Random(f"entry-{language}")
    agenda = _agenda(language, template_env())
    for n in range(300):
        view = _view(draw)
        monkeypatch.setattr(agenda, "view", lambda session, view=view: view)
        agenda._entries.clear()  # ids repeat here; each entry is kept by its session's id
        assert agenda.entry(view.session) == _rendered(agenda, view), n
    stencils = agenda._entry_stencils._stencils  # type: ignore[union-attr]
    assert 1 < len(stencils) < 300 and all(s.usable for s in stencils.values())


def test_an_entry_of_one_shape_is_rendered_once(monkeypatch):
    draw = random.Random(3)
    agenda = _agenda("en", template_env())
    view = _view(draw)
    renders = []
    render = agenda._entry_template.render
    monkeypatch.setattr(agenda._entry_template, "render", lambda **context: renders.append(1) or render(**context))
    for n in range(5):
        session = Session(**{**view.session.__dict__, "id": f"s{n}"})
        monkeypatch.setattr(
            agenda, "view", lambda session, view=view: SessionView(**{**view.__dict__, "session": session})
        )
        assert f'data-smartshare-session="s{n}"' in agenda.entry(session)
    assert len(renders) == 1


def test_a_site_s_own_entry_template_is_rendered_for_each_session(tmp_path, monkeypatch):
    (tmp_path / "smartshare").mkdir()
    (tmp_path / "smartshare" / "sessions-entry.html").write_text("<li>{{ v.session.id }}{{ v.session.id }}</li>")
    agenda = _agenda("en", template_env(str(tmp_path)))
    assert agenda._entry_stencils is None
    view = _view(random.Random(4))
    session = Session(**{**view.session.__dict__, "id": "a&b"})
    monkeypatch.setattr(agenda, "view", lambda session: SessionView(**{**view.__dict__, "session": session}))
    assert agenda.entry(session) == "<li>a&amp;ba&amp;b</li>"
