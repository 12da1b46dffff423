"""A module page's footer and progress block and a page's next-sessions block are rendered once for each shape of block and
filled in with the page's values: the same bytes as the template rendered for the page, whatever the values, the
page's place and the language."""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

import pytest
from jinja2 import Environment

from smartshare.core.i18n import TRANSLATIONS, Translator
from smartshare.core.model import Module
from smartshare.curriculum.agenda import AgendaPlan, AgendaRenderer
from smartshare.curriculum.pages import GeneratedPage, SitePlan
from smartshare.curriculum.render import Renderer
from smartshare.plugin_support import LateHtml
from stencilrender import random_text, template_env

#: what a value may hold: what HTML escapes, entities, quotes, non-ASCII letters, a token's look, the root marker
PIECES = ["a", "module-0001", "/", "&", "&amp;", "<", ">", '"', "'", "é", "聊天", "%20", "#", "?x=1", " ", "{", "}"]
PIECES += ["smartshare-stencil-", "-0-", "\n", AgendaRenderer.ROOT]
PAGES = ["", "index.html", "track-01/", "track-01/module-0001/", "a/b/c/", "sessions/2030-01/", "x&y/<z>/"]


def _text(draw: random.Random, most: int = 6) -> str:
    return random_text(draw, PIECES, most)


def _urls(draw: random.Random) -> dict[str, str]:
    return {"learning.md": draw.choice(["learning/", "my&learning/", "index.html#x"]), "sessions/index.md": "sessions/"}


def _renderer(language: str, draw: random.Random, env: Environment) -> Renderer:
    plan = SitePlan()
    if draw.random() < 0.7:
        plan.add(GeneratedPage(draw.choice(["learning.md", "gone.md"]), "learning", "Learning"))
    surface = SimpleNamespace(curriculum=None, page_urls=_urls(draw), last_changed=lambda uri: None)
    renderer = Renderer(env, Translator(language), surface, plan, LateHtml("curriculum"))  # type: ignore[arg-type]
    renderer.site = draw.choice(["", "abc&def"])
    return renderer


#: the builds each random test makes (four before): every part of a block's shape left out of it fails every language
#: within two (checked by breaking on purpose: the progress block's link, whether sessions are to come and whether
#: there is a feed, each of the footer's five)
BUILDS = 2


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_a_module_s_progress_block_is_the_one_rendered_for_its_page(language):
    draw = random.Random(f"progress-{language}")
    env = template_env()
    for build in range(BUILDS):
        renderer = _renderer(language, draw, env)
        for n in range(120):
            module = SimpleNamespace(id=_text(draw) or f"m{n}")
            page_url = draw.choice(PAGES)
            full = renderer.late.release(renderer._render("progress-module.html", page_url, module=module))
            assert renderer.late.release(renderer._progress_module(module, page_url)) == full, (build, n)
        assert renderer._progress_blocks and all(s.usable for s in renderer._progress_blocks.values())


def _agenda(language: str, draw: random.Random, env: Environment) -> AgendaRenderer:
    plan = AgendaPlan(page=draw.choice(["sessions/index.md", "gone.md", None]))
    schedule = SimpleNamespace(sessions=[])
    now = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
    agenda = AgendaRenderer(
        env,
        Translator(language),
        None,
        schedule,
        SitePlan(),
        plan,
        _urls(draw),
        "",
        now,
        LateHtml("c"),  # type: ignore[arg-type]
    )
    # each list of sessions has its entries, written once (`entries` puts in the page's way up to the root)
    written: dict[int, str] = {}
    agenda.entry = lambda session: written.setdefault(id(session), _text(draw, 12))  # type: ignore[method-assign]
    return agenda


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_a_next_sessions_block_is_the_one_rendered_for_its_page(language, monkeypatch):
    draw = random.Random(f"sessions-{language}")
    env = template_env()
    for build in range(BUILDS):
        agenda = _agenda(language, draw, env)
        for n in range(120):
            sessions = [SimpleNamespace(id=f"s{i}") for i in range(draw.choice([0, 1, 3, 6]))]
            monkeypatch.setattr(agenda, "_split", lambda sessions: (sessions, []))
            page_url = draw.choice(PAGES)
            feed_uri = draw.choice([None, "", "calendars/t&1.ics", _text(draw)])
            limit, query = draw.choice([1, 3, 5]), draw.choice(["", "?track=t&1", "?mentor=" + _text(draw)])
            depth = agenda._depth(page_url)
            more = f"{agenda._link(agenda.agenda.page, depth)}{query}"
            full = agenda.late.release(
                agenda._render(
                    "sessions-block.html", page_url, upcoming=sessions[:limit], feed_uri=feed_uri, more_link=more
                )
            )
            assert agenda.late.release(agenda._next_block(sessions, page_url, limit, feed_uri, query)) == full, (
                build,
                n,
            )
        assert agenda._next_blocks and all(s.usable for s in agenda._next_blocks.values())


def test_a_block_of_one_shape_is_rendered_once(monkeypatch):
    draw = random.Random(5)
    renderer = _renderer("en", draw, template_env())
    agenda = _agenda("en", draw, template_env())
    monkeypatch.setattr(agenda, "_split", lambda sessions: (sessions, []))
    rendered = []
    for owner in (renderer.env, agenda.env):
        get = owner.get_template
        monkeypatch.setattr(owner, "get_template", lambda name, get=get: rendered.append(name) or get(name))
    pages = [f"track-01/module-{n:04}/" for n in range(30)]
    for page in pages:
        assert f'data-smartshare-progress-module="{page}"' in renderer.late.release(
            renderer._progress_module(SimpleNamespace(id=page), page)
        )
        agenda.late.release(agenda._next_block([SimpleNamespace(id=page)], page, 3, None, ""))
    templates = [name for name in rendered if name.endswith(("progress-module.html", "sessions-block.html"))]
    # each page looks the templates up to know whether they are the site's own; rendered: the first page only
    assert len(templates) == 2 * len(pages) + 2
    assert len(renderer._progress_blocks) == len(agenda._next_blocks) == 1


def test_a_site_s_own_blocks_are_rendered_for_each_page(tmp_path):
    own = tmp_path / "smartshare"
    own.mkdir()
    (own / "progress-module.html").write_text("<p>{{ module.id }} {{ page_url }}</p>")
    (own / "module-footer.html").write_text("<p>{{ module.title }} {{ page_url }}</p>")
    (own / "sessions-block.html").write_text("<p>{{ more_link }} {{ upcoming | length }}</p>")
    draw = random.Random(3)
    renderer = _renderer("en", draw, template_env(str(tmp_path)))
    agenda = _agenda("en", draw, template_env(str(tmp_path)))
    for n in range(3):
        assert renderer._progress_module(SimpleNamespace(id=f"m{n}"), f"t/m{n}/") == f"<p>m{n} t/m{n}/</p>"
        renderer.curriculum = SimpleNamespace(neighbours=lambda module: (None, None))
        footer = renderer.module_footer(Module(f"t/m{n}", "t/m.md", "t", f"T{n}", "", []), f"t/m{n}/")
        assert footer == f"<p>t/m{n} t/m{n}/</p><p>T{n} t/m{n}/</p>"
        assert agenda._next_block([], f"t/m{n}/", 3, None, f"?x{n}").endswith(f"?x{n} 0</p>")
    assert not renderer._progress_blocks and not renderer._footers and not agenda._next_blocks


def _module(draw: random.Random, n: int) -> Module:
    reviewed = draw.choice([None, dt.date(2000 + n % 40, 1 + n % 12, 1 + n % 28)])
    src_uri = draw.choice([f"t/m{n}.md", "learning.md", "gone.md"])
    return Module(f"t/m{n}", src_uri, "t", _text(draw) or "Title", "", [], reviewed=reviewed)


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_a_module_s_footer_is_the_one_rendered_for_its_page(language):
    draw = random.Random(f"footer-{language}")
    env = template_env()
    for build in range(BUILDS):
        renderer = _renderer(language, draw, env)
        changed = {}
        renderer.surface.last_changed = changed.get
        for n in range(120):
            module, previous, following = (_module(draw, n) for _ in range(3))
            previous, following = (draw.choice([None, neighbour]) for neighbour in (previous, following))
            track = draw.choice([None, SimpleNamespace(title=_text(draw))])
            renderer.curriculum = SimpleNamespace(position=lambda module, track=track: (track, 0))
            changed[module.src_uri] = draw.choice([None, dt.date(2031, 2, 3)])
            page_url = draw.choice(PAGES)
            context = {"module": module, "previous": previous, "following": following}
            full = renderer.late.release(renderer._render("module-footer.html", page_url, **context))
            assert renderer._footer(module, page_url, previous, following) == full, (build, n)
        assert renderer._footers and all(s.usable for s, _ in renderer._footers.values())
