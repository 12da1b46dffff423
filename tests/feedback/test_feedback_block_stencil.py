"""A module's feedback block is rendered once for each shape of block and filled in with the module's values: the same
bytes as `feedback.html` rendered for the module, whatever its values, links, contacts and language."""

from __future__ import annotations

import datetime as dt
import os
import random
from types import SimpleNamespace

import material
import pytest
from jinja2 import Environment, FileSystemLoader

from smartshare.core.i18n import TRANSLATIONS, Translator
from smartshare.core.model import Mentor, Module
from smartshare.core.stencil import Stencil
from smartshare.feedback import render as feedback_render
from smartshare.feedback.render import FeedbackRenderer

TEMPLATES = os.path.join(os.path.dirname(feedback_render.__file__), "templates")
THEME = os.path.join(os.path.dirname(material.__file__), "templates")
#: what a value may hold: what HTML escapes, entities, quotes, non-ASCII letters, braces, percent escapes, a token's look
PIECES = ["a", "module-0001", "/", "&", "&amp;", "<", ">", '"', "'", "é", "聊天", "%20", "#", "?x=1", " ", "{", "}"]
PIECES += ["http", "smartshare-stencil-", "-0-", "\n"]
CHANNELS = [
    None,
    "mailto:learning@example.com?subject=Feedback on {title} ({track})&body=Rating: {rating}%0D%0APage: {url}",
    "https://forms.example.com/f?module={module}&rating={rating}&score={score}&s={session}&m={mentor}",
    "{url}",  # leads to http only when the site has an address: the same template, two shapes
    "HTTP://example.com/{title}",
]


def _text(draw: random.Random, most: int = 6) -> str:
    return "".join(draw.choice(PIECES) for _ in range(draw.randint(0, most)))


def _env(*dirs: str) -> Environment:
    return Environment(
        loader=FileSystemLoader([*dirs, TEMPLATES, THEME]), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )


def _curriculum(draw: random.Random):
    mentors = {}
    for n in range(6):
        contact = draw.choice([None, "", "mailto:m@example.com", "mailto:m@example.com?subject=x", "https://x.org/"])
        mentors[f"m{n}"] = Mentor(f"m{n}", _text(draw) or "Ann", "role", contact=contact)
    tracks = {f"t{n}": SimpleNamespace(title=_text(draw), feedback=draw.choice(CHANNELS)) for n in range(3)}
    return SimpleNamespace(track=tracks.get, mentors=mentors)


def _module(draw: random.Random, n: int) -> Module:
    return Module(
        id=f"t/{_text(draw) or 'm'}-{n}",
        src_uri="t/m.md",
        track_id=draw.choice(["t0", "t1", "t2", "gone", _text(draw)]),
        title=_text(draw),
        summary="",
        objectives=[],
        mentors=draw.sample(["m0", "m1", "m2", "m3", "m4", "m5", "nobody"], draw.randint(0, 4)),
        feedback=draw.choice([None, None, *CHANNELS]),
    )


def _renderers(language: str, draw: random.Random, env: Environment) -> tuple[FeedbackRenderer, FeedbackRenderer]:
    """Two renderers of one build: the second renders every block in full, as the block was made before stencils."""
    curriculum = _curriculum(draw)
    site_url = draw.choice(["", "https://learn.example.com/", "http://127.0.0.1:8000/x&y/"])
    channel = draw.choice(CHANNELS)
    made = [
        FeedbackRenderer(
            env,
            Translator(language),
            curriculum,
            channel,
            site_url,
            dt.date(2030, 1, 1),
            lang=language,
            build=lambda: "abc123",
        )
        for _ in range(2)
    ]
    return made[0], made[1]


def _full(renderer: FeedbackRenderer, module: Module, page_url: str, edit_url: str | None) -> str:
    links = renderer.feedback_links(module, page_url)
    mailto = bool(links) and feedback_render.is_mailto(links[0].href)
    return renderer._block(module, links, mailto, renderer.mentor_contacts(module), edit_url)


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_the_block_is_the_one_rendered_for_the_module(language):
    draw = random.Random(f"feedback-{language}")
    env = _env()
    # two builds (six before): each part of a block's shape left out of it (a mailto channel, which links lead to
    # http, how many contacts, an edit link) fails every language in the first build already
    for build in range(2):
        stenciled, full = _renderers(language, draw, env)
        for n in range(100):
            module = _module(draw, n)
            page_url = draw.choice(["", f"t/m-{n}/", _text(draw) + "/"])
            edit_url = draw.choice([None, "", "https://git.example.com/edit/" + _text(draw)])
            expected = _full(full, module, page_url, edit_url)
            assert stenciled.feedback_block(module, page_url, edit_url) == expected, (build, n)
        assert stenciled._stencils  # the blocks came from stencils
        assert all(stencil.usable for stencil in stenciled._stencils.values())


def test_a_block_of_one_shape_is_rendered_once(monkeypatch):
    draw = random.Random(7)
    renderer, _ = _renderers("en", draw, _env())
    renderer.channel = CHANNELS[1]
    rendered: list[str] = []
    render = renderer._render
    monkeypatch.setattr(renderer, "_render", lambda template, **c: rendered.append(template) or render(template, **c))
    for n in range(40):
        module = Module(f"t/m{n}", "t/m.md", "t0", f"Module {n} & co", "", [], mentors=[])
        assert f'data-module="t/m{n}"' in renderer.feedback_block(module, f"t/m{n}/", "https://git.example.com/e")
    assert rendered == ["feedback.html"]


def test_a_site_s_own_block_is_rendered_for_each_module(tmp_path):
    own = tmp_path / "smartshare"
    own.mkdir()
    (own / "feedback.html").write_text("<p>{{ module.title }} {{ comment.href if comment }}</p>")
    renderer = FeedbackRenderer(
        _env(str(tmp_path)), Translator("en"), _curriculum(random.Random(1)), CHANNELS[2], "", dt.date(2030, 1, 1)
    )
    for n in range(3):
        module = Module(f"t/m{n}", "t/m.md", "t0", f"Title {n}", "", [])
        assert renderer.feedback_block(module, "x/", None).startswith(f"<p>Title {n} https://forms.example.com/")
    assert not renderer._stencils


def test_a_stencil_whose_render_loses_doubles_or_changes_a_token_is_not_used():
    assert Stencil(lambda tokens: f"<a>{tokens[0]}</a><b>{tokens[1]}</b>", 2).fill(["<x>", "&"]) == (
        "<a>&lt;x&gt;</a><b>&amp;</b>"
    )
    assert not Stencil(lambda tokens: tokens[0], 2).usable
    assert not Stencil(lambda tokens: tokens[0] * 2, 1).usable
    assert not Stencil(lambda tokens: tokens[0].upper(), 1).usable
    assert not Stencil(lambda tokens: tokens[0][:-1], 1).usable
    assert Stencil(lambda tokens: tokens[1] + tokens[0], 2, ["http"]).fill(["a", "b"]) == "ba"
    assert Stencil(lambda tokens: "<p>no value</p>", 0).fill([]) == "<p>no value</p>"
