"""Our scripts and stylesheets are served minified: the same program, fewer bytes, the same bytes on every build."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest

import smartshare
from smartshare.assetmin import minifiable, minified

PACKAGE = Path(smartshare.__file__).parent
ROOT = PACKAGE.parents[1]
# what a module page loads of quiz, feedback and mentor (benchmarks/run.py, `learner_assets`): not the mentor
# area's own mentor.css and mentor.js, nor feedback-figures.css (linked from mentor pages' figures only)
LEARNER_PAGE = (
    "quiz/assets/quiz.css",
    "quiz/assets/quiz.js",
    "feedback/assets/feedback.css",
    "feedback/assets/feedback.js",
    "mentor/assets/mentor-view.css",
    "mentor/assets/mentor-view.js",
    "mentor/assets/source-links.css",
)
SCRIPTS = sorted(p for p in PACKAGE.glob("*/assets/**/*.js") if minifiable(str(p)))

# Parses a script and its minified copy with ESLint's parser (espree, node_modules) and prints the names of the
# pairs whose syntax trees differ, positions aside: the same tree is the same program.
SAME_PROGRAM = """
const fs = require("fs"), espree = require(process.argv[1] + "/node_modules/espree");
const options = { ecmaVersion: 2020, sourceType: "script" };
const tree = (text) => JSON.stringify(espree.parse(text, options),
  (key, value) => (["start", "end", "range", "loc"].includes(key) ? undefined : value));
const pairs = JSON.parse(fs.readFileSync(0, "utf8"));
console.log(JSON.stringify(pairs.filter(([name, source, small]) => tree(source) !== tree(small)).map(([n]) => n)));
"""


def test_what_a_module_page_loads_of_quiz_feedback_and_mentor_weighs_at_most_6_kb_gzipped():
    sizes = {name: len(gzip.compress(minified(str(PACKAGE / name)), 9)) for name in LEARNER_PAGE}
    assert sum(sizes.values()) <= 6 * 1024, sizes


def test_every_minified_script_is_the_same_program_as_its_source():
    if shutil.which("node") is None or not (ROOT / "node_modules" / "espree").is_dir():
        pytest.skip("needs Node.js and ESLint's parser: `make lint` installs them (node_modules)")
    assert len(SCRIPTS) >= 10, SCRIPTS  # every package's scripts, not a folder that moved
    pairs = [
        [str(p.relative_to(PACKAGE)), p.read_text(encoding="utf-8"), minified(str(p)).decode("utf-8")] for p in SCRIPTS
    ]
    assert all(len(small) < len(source) for _, source, small in pairs)
    run = subprocess.run(
        ["node", "-e", SAME_PROGRAM, str(ROOT)], input=json.dumps(pairs), capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []


def test_a_stylesheet_loses_its_comments_and_spaces_only():
    css = minified(str(PACKAGE / "mentor/assets/source-links.css")).decode("utf-8")
    assert css == (
        ":root:not(.smartshare-mentor-view) :is(.md-header__source,.md-nav__source,.md-content__button){display:none}"
    )


def test_libraries_shipped_minified_by_their_authors_are_served_as_they_are():
    assert not minifiable("vendor/katex/katex.min.js") and not minifiable("vendor/mermaid/mermaid.min.js")
    assert not minifiable("vendor/katex/katex.min.css") and not minifiable("vendor/katex/LICENSE")
    assert minifiable("quiz.js") and minifiable("quiz.css")


def test_the_same_source_gives_the_same_bytes_and_an_edit_is_minified_again(tmp_path):
    script = tmp_path / "tool.js"
    script.write_text("// why\nvar answer = 1 ;\n", encoding="utf-8")
    assert minified(str(script)) == minified(str(script)) == b"var answer=1;"
    script.write_text("// why, longer\nvar answer = 42 ;\n", encoding="utf-8")
    assert minified(str(script)) == b"var answer=42;"
