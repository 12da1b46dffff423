"""smartshare/rich in whole-site builds: libraries only where used, the glossary, media files, and the vendored
libraries pinned to the versions in vendor/package.json."""

import json
import re
from pathlib import Path

import pytest

from sitebuilder import basic_tree, build_site, module

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "plugins/smartshare/rich/assets/vendor"

DIAGRAM = "\n```mermaid\nflowchart LR\n    A[Ask] --> B[Answer]\n```\n"
MATHS = "\nThe cost is $C$ and\n\n$$\n\\frac{R}{C}\n$$\n"
# the page's only formula and only diagram are in the answer key, which learners see once they answer
QUIZ_KEY = """
/// quiz
What does the return on ad spend compare?

- [x] Revenue and cost
    Right: $\\frac{R}{C}$, as this flow shows:

    ```mermaid
    flowchart LR
        R[Revenue] --> C[Cost]
    ```
- [ ] Clicks and views
///
"""
GLOSSARY = """\
# jargon
LLM:
  en: Large language model — predicts the next words.
  fr: Grand modèle de langage.
ROAS: Return on ad spend.
"""


def rich_tree() -> dict[str, str]:
    tree = basic_tree()
    tree["ai/chatbots.md"] = module("Chatbots") + DIAGRAM + "\nAn LLM answers.\n"
    tree["ai/machine-learning.md"] = module("Machine learning", mentors=["leo-martin"]) + MATHS
    tree["ai/track.yml"] = tree["ai/track.yml"] + "  - plain\n  - ad-spend\n"
    tree["ai/ad-spend.md"] = module("Ad spend") + QUIZ_KEY
    tree["ai/plain.md"] = module("Plain") + "\n```python\nprint('hi')\n```\n"
    tree["glossary.yml"] = GLOSSARY
    tree["ai/demo.webm"] = "not really a video"
    tree["ai/demo.vtt"] = "WEBVTT\n"
    tree["ai/plain.md"] += (
        '\n<video controls src="demo.webm"><track kind="captions" src="demo.vtt" srclang="en"></video>\n'
    )
    return tree


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    build = build_site(
        tmp_path_factory.mktemp("rich"),
        rich_tree(),
        config={"plugins": ["search", "smartshare/curriculum", "smartshare/quiz", "smartshare/rich"]},
    )
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def without_rich(tmp_path_factory):
    tree = rich_tree()
    del tree["glossary.yml"]
    plugins = ["search", "smartshare/curriculum", "smartshare/quiz"]
    build = build_site(tmp_path_factory.mktemp("plain"), tree, config={"plugins": plugins})
    assert build.returncode == 0, build.output
    return build


def assets_of(html: str) -> list[str]:
    """What the page makes the browser load: script files, stylesheets, inline scripts that load more."""
    found = re.findall(r'<script[^>]* src="([^"]+)"', html) + re.findall(
        r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', html
    )
    found += ["inline loader" for _ in re.findall(r"data-smartshare-provides", html)]
    return sorted(found)


def test_a_page_without_diagrams_or_maths_loads_what_it_loaded_without_the_plugin(built, without_rich):
    assert assets_of(built.html("ai/plain/")) == assets_of(without_rich.html("ai/plain/"))
    assert "vendor/" not in built.html("ai/plain/")


def test_pages_with_a_diagram_or_maths_carry_the_loader_for_what_they_use(built):
    assert '<script data-smartshare-provides="mermaid">' in built.html("ai/chatbots/")
    assert '<pre class="mermaid"><code>flowchart LR' in built.html("ai/chatbots/")
    maths = built.html("ai/machine-learning/")
    assert '<script data-smartshare-provides="katex">' in maths
    assert '<span class="arithmatex">\\(C\\)</span>' in maths
    # the loader finds the packaged files from the page's address
    assert '})("../../assets/smartshare/");' in maths
    assert (built.site / "assets/smartshare/vendor/katex/katex.min.js").is_file()


def test_a_formula_or_diagram_only_in_a_quiz_answer_key_still_gets_the_loader(built):
    # the quiz holds its answer keys back from search before the loader is added, and puts them back in the page
    page = built.html("ai/ad-spend/")
    assert '<span class="arithmatex">\\(\\frac{R}{C}\\)</span>' in page
    assert '<pre class="mermaid"><code>flowchart LR' in page
    assert '<script data-smartshare-provides="mermaid katex">' in page


def test_glossary_terms_become_focusable_abbreviations_on_the_pages_that_use_them(built):
    assert '<abbr tabindex="0" title="Large language model — predicts the next words.">LLM</abbr>' in built.html(
        "ai/chatbots/"
    )
    assert "<abbr" not in built.html("ai/plain/")


def test_the_glossary_page_lists_every_term_in_the_sites_language(built):
    page = built.html("glossary/")
    assert "<h1" in page and ">Glossary" in page
    assert re.findall(r"<dt>(.*?)</dt>", page) == [
        '<abbr tabindex="0" title="Large language model — predicts the next words.">LLM</abbr>',
        '<abbr tabindex="0" title="Return on ad spend.">ROAS</abbr>',
    ]
    assert not (built.site / "glossary.yml").exists()


def test_video_and_caption_files_are_found_like_markdown_images(built):
    page = built.html("ai/plain/")
    assert '<video controls src="../demo.webm"><track kind="captions" src="../demo.vtt" srclang="en">' in page


def test_code_blocks_are_highlighted_with_a_copy_button_enabled(built):
    page = built.html("ai/plain/")
    assert '<span class="nb">print</span>' in page
    assert '"content.code.copy"' in page and '"content.tooltips"' in page


def test_vendored_libraries_are_the_versions_pinned_in_vendor_package_json():
    pinned = json.loads((ROOT / "vendor/package.json").read_text())["dependencies"]
    lock = json.loads((ROOT / "vendor/package-lock.json").read_text())["packages"]
    for package in ("mermaid", "katex"):
        assert lock[f"node_modules/{package}"]["version"] == pinned[package]
    assert f'version:"{pinned["mermaid"]}"' in (VENDOR / "mermaid/mermaid.min.js").read_text(encoding="utf-8")
    assert f'version:"{pinned["katex"]}"' in (VENDOR / "katex/katex.min.js").read_text(encoding="utf-8")
    assert f'content:"{pinned["katex"]}"' in (VENDOR / "katex/katex.min.css").read_text(encoding="utf-8")


def test_each_vendored_library_ships_with_its_licence_and_every_font_its_stylesheet_names():
    assert "Knut Sveidqvist" in (VENDOR / "mermaid/LICENSE").read_text()
    assert "Khan Academy" in (VENDOR / "katex/LICENSE").read_text()
    css = (VENDOR / "katex/katex.min.css").read_text()
    fonts = set(re.findall(r"url\((fonts/[^)]+\.woff2)\)", css))
    assert fonts and all((VENDOR / "katex" / font).is_file() for font in fonts)


def test_smartshare_check_and_the_build_report_the_same_glossary_problems(tmp_path):
    import subprocess
    import sys

    tree = basic_tree()
    tree["glossary.yml"] = "LLM: Large language model\nKPI:\nRAG:\n  fr: Génération augmentée\n"
    build = build_site(tmp_path, tree, config={"plugins": ["search", "smartshare/curriculum", "smartshare/rich"]})
    expected = [
        "curricula/glossary.yml:2:5: error [glossary] 'KPI' has no meaning — write `TERM: meaning`, or one meaning per language (`en: …`, `fr: …`) under the term",
        "curricula/glossary.yml:3:1: warning [glossary-language] 'RAG' has no meaning in 'en', the site's language — add `en: …` under 'RAG'",
    ]
    assert build.returncode == 1
    assert [line.split("smartshare: ", 1)[1] for line in build.warnings if "glossary.yml" in line] == expected
    check = subprocess.run(
        [sys.executable, "-m", "smartshare", "check"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert check.returncode == 1
    assert check.stdout.splitlines()[:2] == expected
