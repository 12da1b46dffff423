"""A mentor sheet's session kit is rendered once for each shape of kit and filled in with the sheet's values: the same
bytes as `mentor-kit.html` rendered for the sheet, whatever the values and the language (mentor/render.py)."""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader

from smartshare.core.i18n import TRANSLATIONS, Translator
from smartshare.core.model import Module
from smartshare.core.stats import ModuleFacts
from smartshare.mentor.render import OWN_TEMPLATES, MentorRenderer, _Kit

#: what a value may hold: what HTML escapes, entities, quotes, non-ASCII letters, braces, a token's look
PIECES = ["a", "Step", "/", "&", "&amp;", "<", ">", '"', "'", "é", "聊天", "{", "}", "{0}", " ", "\n"]
PIECES += ["smartshare-stencil-", "-0-", "../x/", "?q=1#y"]


def _text(draw: random.Random) -> str:
    return "".join(draw.choice(PIECES) for _ in range(draw.randint(0, 5)))


def _value(draw: random.Random) -> object:
    return draw.choice([_text(draw), _text(draw), draw.randint(0, 90), None, 2.5, True])


def _step(draw: random.Random) -> dict:
    step = {"step": _value(draw), "minutes": draw.choice([draw.randint(1, 30), _value(draw)])}
    for key in draw.sample(["step", "minutes"], draw.randint(0, 1)):  # a step lacking a key is written as nothing
        del step[key]
    return step


def _session(draw: random.Random) -> dict | None:
    if draw.random() < 0.1:
        return None
    session: dict = {}
    for name in ("discovery", "debrief"):
        session[name] = draw.choice([None, [], [_value(draw) for _ in range(draw.randint(1, 2))]])
    session["run_sheet"] = draw.choice([None, [], [_step(draw) for _ in range(draw.randint(1, 3))]])
    if draw.random() < 0.1:  # read by the template in another way than a list: rendered
        session[draw.choice(["discovery", "run_sheet", "debrief"])] = draw.choice(["one text", {"a": 1}, [["x"]]])
    if draw.random() < 0.05 and type(session["run_sheet"]) is list:
        session["run_sheet"].append("a step that is no mapping")
    return session


def _module(draw: random.Random, index: int) -> Module:
    module = Module(f"t/m{index}", f"t/m{index}.md", "t", _text(draw), "", [], session=_session(draw))
    planned = module.planned_minutes
    module.duration = draw.choice([None, 0, planned, planned + 5, draw.randint(1, 90)])
    return module


def _facts(draw: random.Random, module: Module) -> ModuleFacts | None:
    if draw.random() < 0.15:
        return None
    reviewed = draw.choice([None, dt.date(2026, 11, 28), dt.date(2020, 1, 2)])
    return ModuleFacts(module.id, "t", module.title, "published", 0, 0, [], reviewed, None, draw.random() < 0.5)


def _renderer(language: str, env: Environment, modules: list[Module], draw: random.Random) -> MentorRenderer:
    facts = [f for f in (_facts(draw, m) for m in modules) if f is not None]
    stats = SimpleNamespace(total=SimpleNamespace(modules=facts), review_max_age=365)
    return MentorRenderer(env, Translator(language), SimpleNamespace(), stats)  # type: ignore[arg-type]


def _env(*dirs: str) -> Environment:
    loader = FileSystemLoader([*dirs, OWN_TEMPLATES])
    return Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)


def _kits(language: str, seed: int, env: Environment) -> tuple[MentorRenderer, list[str], list[str], list[int]]:
    """Random sheets' kits from the stencils, and rendered whole by the template for each sheet; the renders of
    `sheet_top` counted (`renders[0]`) with the kits no stencil stands for (`renders[1]`)."""
    draw = random.Random(seed)
    modules = [_module(draw, i) for i in range(200)]
    renderer = _renderer(language, env, modules, draw)
    renders = [0, sum(1 for m in modules if _Kit.of(m, 0, "", None) is None)]
    whole = renderer._kit

    def counted(*args):
        renders[0] += 1
        return whole(*args)

    renderer._kit = counted  # type: ignore[method-assign]
    calls = [
        (m, draw.choice([0, 0, 1, 2, 7]), draw.choice(["../../../t/m/", "a&b/<c>/", "", "index.html"])) for m in modules
    ]
    filled = [renderer.sheet_top(*call) for call in calls]
    expected = [whole(m, m.session or {}, m.planned_minutes, n, url, renderer.facts.get(m.id)) for m, n, url in calls]
    return renderer, filled, expected, renders


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_kits_filled_are_the_kits_rendered(language):
    # two seeds (four before): each part of a kit's shape left out of it (notes, facts, review, staleness, the three
    # lists' lengths, a duration that disagrees) fails every language on the first seed already
    for seed in range(2):
        renderer, filled, expected, renders = _kits(language, seed, _env())
        for got, want in zip(filled, expected, strict=True):
            assert got == want
        shapes = renderer._kits
        assert shapes and all(stencil is not None for stencil in shapes.values())  # no shape fell back
        # each shape rendered twice (with tokens, and its first kit), then filled; kits no stencil stands for
        assert renders[0] == 2 * len(shapes) + renders[1] and len(shapes) + renders[1] < len(filled)


def test_sheets_of_one_shape_are_filled():
    draw = random.Random(5)
    sessions = [
        {"discovery": [f"Why {i} & <b>?"], "run_sheet": [{"step": f"Step {i}", "minutes": i}]} for i in range(30)
    ]
    modules = [Module(f"t/m{i}", f"t/m{i}.md", "t", "T", "", [], duration=i, session=s) for i, s in enumerate(sessions)]
    renderer = _renderer("en", _env(), modules, draw)
    renders = []
    whole = renderer._kit
    renderer._kit = lambda *args: renders.append(args) or whole(*args)  # type: ignore[method-assign]
    for module in modules:
        assert renderer.sheet_top(module, 2, "../../m/") == whole(
            module, module.session, module.planned_minutes, 2, "../../m/", renderer.facts.get(module.id)
        )
    assert len(renders) == 2 * len(renderer._kits) < len(modules) / 2


def test_a_site_kit_is_rendered_for_each_sheet(tmp_path):
    own = tmp_path / "smartshare"
    own.mkdir()
    (own / "mentor-kit.html").write_text("<p>{{ course_url }} {{ note_count }} {{ session.discovery }}</p>")
    renderer, filled, expected, renders = _kits("en", 1, _env(str(tmp_path)))
    assert filled == expected and renders[0] == len(filled) and not renderer._kits
    assert filled[0].startswith("<p>")


def test_a_translation_that_formats_a_value_has_the_kit_rendered(monkeypatch):
    for key, text in [("mentor.notes_count", "Notes: {count:d}."), ("mentor.reviewed_on", "On {date:12}.")]:
        monkeypatch.setitem(TRANSLATIONS["en"], key, text)
        renderer, filled, expected, _ = _kits("en", 3, _env())
        assert filled == expected
        assert None in renderer._kits.values()  # the shapes with that text rendered for each sheet
        monkeypatch.undo()
