"""Whole builds with mentor sheets themed from shells (mentor/shell.py): every sheet of the example curriculum and of a
synthetic one is compared byte for byte with the template's whole render, and the site is the one built without
shells."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import sys
from pathlib import Path

import material
import pytest

from cache.examplecopy import ENV, copy_example
from sitebuilder import run_docs_tool

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from benchmarks.generate import generate  # noqa: E402
from benchmarks.run import ONE_CORE, write_configs  # noqa: E402

#: the build's line about the shells (mentor plugin, `on_post_build`)
SUMMARY = re.compile(
    r"mentor: (\d+) sheets themed from a shell; (\d+) rendered whole and compared with theirs, (\d+) different; "
    r"(\d+) rendered whole otherwise"
)
#: before the build: every sheet rendered whole and compared with its shell; or no shells at all
EVERY_SHEET_COMPARED = "import smartshare.mentor.shell as s\ns.VERIFY = 10**9\n"
WITHOUT_SHELLS = "import smartshare.mentor.shell as s\ns.SheetShells.wrap = lambda self, template: None\n"


def build(folder: Path, site: Path, config: str = "mkdocs.yml", before: str = "") -> tuple[int, ...]:
    """`mkdocs build -v`, `before` run first in the build's own process (forked from the test process's build server,
    sitebuilder.run_docs_tool); the figures of the shells' line."""
    returncode, log = run_docs_tool(folder, ["build", "-v", "-f", config, "--site-dir", str(site)], ENV, before=before)
    assert returncode == 0, log[-3000:]
    found = SUMMARY.search(log)
    assert found, log[-3000:]
    return tuple(int(n) for n in found.groups())


def sheets(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html")) if 'class="smartshare-mentor-sheet"' in p.read_text("utf-8")]


def same_trees(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only."""
    found = []
    for folder, _, names in os.walk(a):
        for name in names:
            left = Path(folder) / name
            right = b / left.relative_to(a)
            if not right.exists() or not filecmp.cmp(left, right, shallow=False):
                found.append(str(left.relative_to(a)))
    found += [str(p.relative_to(b)) for p in b.rglob("*") if p.is_file() and not (a / p.relative_to(b)).exists()]
    return found


def test_every_sheet_of_the_example_is_its_whole_render(tmp_path):
    copy_example(tmp_path)
    filled, compared, different, whole = build(tmp_path, tmp_path / "site", before=EVERY_SHEET_COMPARED)
    assert (filled, different, whole) == (0, 0, 0)
    assert compared == len(sheets(tmp_path / "site")) > 10


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, Path]:
    """One synthetic curriculum (two tracks of three modules) and its one-core configuration, for both tests below:
    their builds share its cache (Markdown renders, compiled templates), never a sheet's themed page (each build
    themes every sheet, from a shell or whole)."""
    root = tmp_path_factory.mktemp("synthetic")
    generate(root / "curricula", 6, tracks=2, seed=7)
    return root, write_configs(root)[ONE_CORE]


def test_a_synthetic_curriculum_is_built_the_same_with_and_without_shells(synthetic):
    root, path = synthetic
    filled, compared, different, whole = build(root, root / "shells", path.name)
    # two compared in the first track's folder, none in the other's (the same family of shapes)
    assert (compared, different, whole) == (2, 0, 0) and filled == 4
    assert build(root, root / "whole", path.name, WITHOUT_SHELLS) == (0, 0, 0, 0)
    assert len(sheets(root / "whole")) == 6
    assert same_trees(root / "shells", root / "whole") == []


def test_a_theme_partial_counting_the_contents_words_has_the_sheets_rendered_whole(synthetic):
    # the shell's content is a sentinel: its word count is not a sheet's, which the first sheet's comparison finds
    root, one_core = synthetic
    theme = root / "overrides"
    shutil.copytree(REPO / "theme", theme)
    content = Path(material.__file__).parent / "templates" / "partials" / "content.html"
    (theme / "partials" / "content.html").write_text(
        content.read_text("utf-8") + "<p>{{ page.content | wordcount }} words</p>\n", "utf-8"
    )
    text = one_core.read_text("utf-8")
    assert f"custom_dir: {REPO / 'theme'}\n" in text
    path = root / "overrides.yml"
    path.write_text(text.replace(f"custom_dir: {REPO / 'theme'}\n", f"custom_dir: {theme}\n"), "utf-8")
    shells, whole = root / "overrides-shells", root / "overrides-whole"
    assert build(root, shells, path.name) == (0, 2, 2, 4)  # one compared per folder, then whole
    assert build(root, whole, path.name, WITHOUT_SHELLS) == (0, 0, 0, 0)
    assert " words</p>" in (shells / "mentor" / "index.html").read_text("utf-8")
    assert same_trees(shells, whole) == []
