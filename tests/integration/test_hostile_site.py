"""Whole builds of hostile or damaged curricula: located problems, no traceback, nothing from outside published."""

import os
import re

import markdown
import pytest

from sitebuilder import basic_tree, build_site, module
from smartshare.quiz.extension import QuizExtension

CONFIG = {
    "plugins": ["search", "smartshare/curriculum", "smartshare/quiz", "smartshare/intranet"],
    "validation": {"links": {"not_found": "info", "anchors": "info"}},
}

BODY = """
A [malformed link](http://[oops) in the text.

<!--smartshare-late-quiz-0--> After the first marker.

<!--smartshare-late-curriculum-99999--> After the second marker.

/// quiz
Which [address](http://[quiz) works?

- [x] [This one](javascript:alert(1))
- [ ] ![a picture](javascript:alert(2))
///
"""
LATE_MARKER = re.compile(r"<!--smartshare-late-[a-z]+-[0-9a-f]{16}-")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tree = basic_tree()
    tree["ai/chatbots.md"] = module("Chatbots") + BODY
    return build_site(tmp_path_factory.mktemp("hostile"), tree, config=CONFIG)


def test_malformed_links_are_reported_at_their_line_and_do_not_crash_mkdocs(hostile):
    assert "Traceback" not in hostile.output
    assert hostile.returncode == 0
    ours = [line.split("smartshare: ", 1)[1] for line in hostile.warnings if "[broken-link]" in line]
    hint = "write the address as the browser shows it; a [ or ] in a link is written %5B or %5D"
    assert ours == [
        f"curricula/ai/chatbots.md:17:20: warning [broken-link] link 'http://[oops' is malformed: Invalid IPv6 URL — {hint}",
        f"curricula/ai/chatbots.md:24:17: warning [broken-link] link 'http://[quiz' is malformed: Invalid IPv6 URL — {hint}",
    ]


def test_a_quiz_link_with_an_unsafe_scheme_keeps_its_text_without_its_address(hostile):
    page = hostile.html("ai/chatbots/")
    assert "javascript:" not in page
    assert "<span>This one</span>" in page
    assert "<span>a picture</span>" in page


def test_late_html_markers_typed_by_an_author_swallow_nothing_and_no_marker_reaches_the_site(hostile):
    page = hostile.html("ai/chatbots/")
    assert "After the first marker." in page and "After the second marker." in page
    assert "smartshare-quiz__answer" in page  # the real answer key was put back in its place
    for folder, _, names in os.walk(hostile.site):
        for name in names:
            if name.endswith((".html", ".json")):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    assert not LATE_MARKER.search(handle.read()), name


def test_the_quiz_link_filter_drops_a_link_too_malformed_to_read():
    html = markdown.markdown(
        "/// quiz\nWhere?\n\n- [x] [here](http://[bad)\n- [ ] [there](https://example.com/)\n///\n",
        extensions=[QuizExtension()],
    )
    assert "http://[bad" not in html and "<span>here</span>" in html
    assert 'href="https://example.com/"' in html


def test_a_damaged_tree_fails_the_build_with_every_problem_and_publishes_nothing_from_outside(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: SECRET-TEXT\n---\nSECRET-TEXT\n", encoding="utf-8")
    docs = tmp_path / "project" / "curricula"
    docs.mkdir(parents=True)
    (docs / "index.md").write_bytes(b"# Home\n\nCaf\xe9\n")
    os.symlink("../../outside", docs / "leak")
    os.symlink(".", docs / "loop")
    (docs / "a").mkdir()
    (docs / "b").mkdir()
    os.symlink("../b", docs / "a" / "to-b")  # folders that link into each other: MkDocs' walk would not end
    os.symlink("../a", docs / "b" / "to-a")
    (docs / "notes.md").mkdir()
    build = build_site(tmp_path / "project", basic_tree(), config=CONFIG, strict=True)
    assert "Traceback" not in build.output
    assert build.returncode == 1
    ours = [line.split("smartshare: ", 1)[1] for line in build.warnings if ": error [" in line]
    loop = "— links to folders that link back make the folders endless: remove one of them"
    assert ours == [
        f"curricula/a/to-b:1:1: error [bad-link] symbolic link loops back on itself through 'b/to-a' (to '../b') {loop}",
        f"curricula/b/to-a:1:1: error [bad-link] symbolic link loops back on itself through 'a/to-b' (to '../a') {loop}",
        "curricula/index.md:3:4: error [encoding] the file is not valid UTF-8 — save it as UTF-8",
        "curricula/leak:1:1: error [link-outside] symbolic link leads outside the curriculum folder"
        " (to '../../outside') — copy what it points to into the curriculum folder, or remove the link",
        "curricula/loop:1:1: error [bad-link] symbolic link loops back on itself (to '.')"
        " — a link to a folder that contains it makes the folder endless: remove it",
        "curricula/notes.md:1:1: error [not-a-file] 'notes.md' is a folder, but its name is that of a page"
        " — rename the folder, or move its content into a file named notes.md",
    ]
    assert not (build.site / "leak").exists()


def test_a_malformed_link_is_reported_and_cannot_crash_mkdocs_without_the_intranet_plugin(tmp_path):
    tree = basic_tree()
    tree["ai/chatbots.md"] = module("Chatbots") + "\nA [malformed link](http://[::1) here.\n"
    build = build_site(tmp_path, tree, config={"plugins": ["search", "smartshare/curriculum"]})
    assert "Traceback" not in build.output
    assert build.returncode == 0
    ours = [line.split("smartshare: ", 1)[1] for line in build.warnings if "smartshare: " in line]
    hint = "write the address as the browser shows it; a [ or ] in a link is written %5B or %5D"
    assert ours == [
        f"curricula/ai/chatbots.md:17:20: warning [broken-link] link 'http://[::1' is malformed: Invalid IPv6 URL — {hint}"
    ]
    assert "malformed link" in build.html("ai/chatbots/")
