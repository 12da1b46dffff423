"""The leak check passes over files copied unchanged from an installed theme or plugin, and reads any other file,
including such a copy once something in the build has changed it."""

from __future__ import annotations

import os
from types import SimpleNamespace

from smartshare.mentor.leaks import Secret, find_leaks
from smartshare.mentor.plugin import SHIPPED, package_copies

NOTE = "Ask the quietest person in the room to summarise the exercise first."


def _site(tmp_path, shipped: str, published: str):
    package = tmp_path / "package"
    package.mkdir()
    (package / "tool.js").write_text(shipped, encoding="utf-8")
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "tool.js").write_text(published, encoding="utf-8")
    (site / "index.html").write_text("<p>Welcome.</p>", encoding="utf-8")
    return str(site), {"assets/tool.js": str(package / "tool.js")}


def test_a_copy_changed_by_the_build_is_read_and_its_leak_reported(tmp_path):
    site, copies = _site(tmp_path, "var a = 1;", f'var a = 1; var note = "{NOTE}";')
    secret = Secret(NOTE, ("curricula/ai/chatbots.md", 12, 1))
    assert find_leaks(site, "mentor", [secret], copies) == [("assets/tool.js", secret)]


def test_an_unchanged_copy_of_a_package_file_is_not_read(tmp_path):
    # contrived on purpose: the shipped file itself holds the sentence, so only skipping it explains no report
    text = f'var note = "{NOTE}";'
    site, copies = _site(tmp_path, text, text)
    secret = Secret(NOTE, ("curricula/ai/chatbots.md", 12, 1))
    assert find_leaks(site, "mentor", [secret], copies) == []
    assert find_leaks(site, "mentor", [secret]) == [("assets/tool.js", secret)]


def test_generated_files_pass_as_copies_only_when_copied_from_a_file_smartshare_ships(tmp_path):
    docs, elsewhere = tmp_path / "docs", tmp_path / "tmp"
    config = SimpleNamespace(docs_dir=str(docs), theme=SimpleNamespace(custom_dir=None))
    vendored = os.path.join(SHIPPED, "rich", "assets", "vendor", "mermaid", "mermaid.min.js")

    def file(dest: str, source: str | None, generated_by: str | None = "smartshare/rich", page: bool = False):
        return SimpleNamespace(
            dest_uri=dest, abs_src_path=source, generated_by=generated_by, is_documentation_page=lambda: page
        )

    files = [
        file("assets/vendor/mermaid.min.js", vendored),  # shipped by smartshare, added as a generated file
        file("assets/notes.js", str(elsewhere / "notes.js")),  # generated from a file made during the build
        file("assets/inline.js", None),  # generated from content
        file("assets/theme.js", str(elsewhere / "theme.js"), generated_by=None),  # a theme's static file
        file("assets/site.css", str(docs / "site.css"), generated_by=None),  # the author's
        file("index.html", os.path.join(SHIPPED, "index.md"), page=True),
    ]
    assert package_copies(files, config) == {
        "assets/vendor/mermaid.min.js": vendored,
        "assets/theme.js": str(elsewhere / "theme.js"),
    }
