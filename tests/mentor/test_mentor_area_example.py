"""The example curriculum built: every mentor note, session kit and debrief text is in the mentor area and in no
file outside it (HTML, search index, sitemap, JavaScript, CSS); mentor pages are noindex, unsearched, unmapped.

The texts are read from the sources here, independently of the plugin's own leak check."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

import pytest

from examplesite import DEFAULT_LANGUAGE
from smartshare.core.loader import LoadOptions, load_curriculum

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "mentor"
OPENER = re.compile(r"^ {0,3}/{3,} *mentor *$")
CLOSER = re.compile(r"^ {0,3}/{3,} *$")


def mentor_texts() -> dict[str, list[str]]:
    """Module id → fragments of its mentor notes (Markdown markup removed) and of its session kit; `<id>.<lang>` →
    fragments of the mentor notes of its translation into `lang` (`chatbots.zh.md`)."""
    curriculum, _ = load_curriculum(str(ROOT / "curricula"), LoadOptions())
    texts: dict[str, list[str]] = {}
    for module in curriculum.modules.values():
        session = module.session or {}
        kit = [*session.get("discovery", []), *session.get("debrief", [])]
        kit += [step["step"] for step in session.get("run_sheet", [])]
        texts[module.id] = note_fragments(module.body) + [k for k in kit if len(k) >= 12]
    for path in sorted((ROOT / "curricula").rglob("*.*.md")):  # translations: their notes are their own
        stem, lang = path.stem.rsplit(".", 1)
        module_id = path.parent.relative_to(ROOT / "curricula").as_posix() + "/" + stem
        if module_id in texts:
            texts[f"{module_id}.{lang}"] = note_fragments(path.read_text(encoding="utf-8"))
    return texts


def note_fragments(body: str) -> list[str]:
    notes, inside = [], False
    for line in body.splitlines():
        if OPENER.match(line):
            inside = True
        elif inside and CLOSER.match(line):
            inside = False
        elif inside:
            notes.append(line)
    return [f.strip() for f in re.split(r"[*_`\[\]()\"“”「」]", " ".join(notes)) if len(f.strip()) >= 25]


def readable(path: Path) -> str:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)  # \\u escapes become characters
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", text)).split())


def learner_files(root: Path) -> list[Path]:
    """Every file outside the mentor areas: `mentor/` of each language site (`en/mentor/`, `fr/mentor/` …)."""
    kinds = {".html", ".json", ".js", ".css", ".xml", ".gz", ".txt"}
    return [
        p for p in root.rglob("*") if p.is_file() and p.suffix in kinds and PREFIX not in p.relative_to(root).parts[:2]
    ]


@pytest.fixture(scope="module")
def texts():
    found = mentor_texts()
    assert sum(len(v) for v in found.values()) > 100  # the example is full of notes and kits
    return found


def test_every_mentor_note_and_session_kit_is_on_its_module_s_mentor_sheet(example_root, texts):
    for key, fragments in texts.items():
        module_id, _, lang = key.partition(".")
        sheet = readable(example_root / (lang or DEFAULT_LANGUAGE) / PREFIX / module_id / "index.html")
        for fragment in fragments:
            assert " ".join(fragment.split()) in sheet, (module_id, fragment)


def test_no_mentor_text_is_in_any_file_outside_the_mentor_area(example_root, texts):
    """In every language site: a translation's notes and the default language's (shown where not translated)."""
    assert any(key.endswith(".fr") for key in texts) and any(key.endswith(".zh") for key in texts)
    files = learner_files(example_root)
    assert {p.relative_to(example_root).parts[0] for p in files} >= {"en", "fr", "zh", "index.html"}
    kinds = {p.suffix for p in files}
    assert {".html", ".json", ".js", ".css", ".xml", ".gz"} <= kinds  # search index, sitemap and assets included
    wanted = [" ".join(f.split()) for fragments in texts.values() for f in fragments]
    for path in files:
        text = readable(path)
        leaked = [f for f in wanted if f in text]
        assert not leaked, (str(path.relative_to(example_root)), leaked[:3])


def test_course_pages_hold_no_mentor_markup_only_the_hidden_link_to_their_mentor_page(example_build):
    page = (example_build / "ai" / "chatbots" / "index.html").read_text(encoding="utf-8")
    for marker in ("smartshare-mentor-note", "smartshare-mentor-kit", "data-smartshare-mentor-only", "<template"):
        assert marker not in page
    links = re.findall(r'<p class="smartshare-mentor-link" data-smartshare-mentor-link hidden><a href="([^"]+)">', page)
    assert links == ["../../mentor/ai/chatbots/"]
    assert page.count("mentor/") == 1  # that link is the only trace of the area


def test_mentor_pages_carry_noindex_and_are_in_neither_search_nor_sitemap(example_build):
    pages = sorted((example_build / PREFIX).rglob("index.html"))
    assert len(pages) > 15
    for path in pages:
        assert '<meta name="robots" content="noindex">' in path.read_text(encoding="utf-8"), path
    index = json.loads((example_build / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("ai/chatbots/") for loc in locations)
    assert not [loc for loc in locations if loc.startswith(PREFIX + "/")]
    sitemap = (example_build / "sitemap.xml").read_text(encoding="utf-8")
    assert "/ai/chatbots/</loc>" in sitemap
    assert f"/{PREFIX}/" not in sitemap
    assert f"/{PREFIX}/" not in gzip.decompress((example_build / "sitemap.xml.gz").read_bytes()).decode()
    assert '<meta name="robots"' not in (example_build / "ai" / "chatbots" / "index.html").read_text(encoding="utf-8")


def test_the_mentor_area_has_its_own_navigation_and_every_page_it_promises(example_build):
    sheet = (example_build / PREFIX / "ai" / "chatbots" / "index.html").read_text(encoding="utf-8")
    primary = sheet[sheet.index("md-nav--primary") :]
    primary = primary[: primary.index('<div class="md-content"')]
    for entry in (
        "Mentor area",
        "Mentors: Artificial intelligence for managers",
        "Field reference",
        "Curriculum statistics",
    ):
        assert entry in primary
    assert "Catalogue" not in primary  # the course navigation is not repeated here
    home = (example_build / PREFIX / "index.html").read_text(encoding="utf-8")
    assert 'href="ai/chatbots/"' in home and 'href="fields/"' in home and 'href="statistics/"' in home
    stats = (example_build / PREFIX / "statistics" / "index.html").read_text(encoding="utf-8")
    assert "smartshare stats" in stats and "Mentors&#39; load" in stats
    fields = (example_build / PREFIX / "fields" / "index.html").read_text(encoding="utf-8")
    assert "Module front matter" in fields
    course_nav = (example_build / "ai" / "chatbots" / "index.html").read_text(encoding="utf-8")
    assert "Curriculum statistics" not in course_nav and "Mentor sheet:" not in course_nav


ASSET = re.compile(r'<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"')
AREA_ONLY = {"mentor.css", "mentor.js"}  # the area's own assets; mentor-view.* (the switch and link) load everywhere


def loaded_smartshare_assets(page: Path) -> set[str]:
    """The names of the scripts and stylesheets under assets/smartshare/ that `page` loads."""
    found = (m.group(1) or m.group(2) for m in ASSET.finditer(page.read_text(encoding="utf-8")))
    return {url.split("?")[0].rsplit("/", 1)[1] for url in found if "assets/smartshare/" in url}


def test_a_learner_page_loads_no_asset_of_the_mentor_area_only_its_switch(example_build):
    learner_pages = [p for p in example_build.rglob("*.html") if p.relative_to(example_build).parts[0] != PREFIX]
    assert len(learner_pages) > 30
    for page in learner_pages:
        assert not loaded_smartshare_assets(page) & AREA_ONLY, page.relative_to(example_build)
    course = loaded_smartshare_assets(example_build / "ai" / "chatbots" / "index.html")
    assert {"mentor-view.css", "mentor-view.js"} <= course  # the mentor view's switch is on every page
    for path in ("index.html", "ai/index.html", "ai/chatbots/index.html", "statistics/index.html"):
        assert loaded_smartshare_assets(example_build / PREFIX / path) >= AREA_ONLY, path
