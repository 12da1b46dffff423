"""The leak check reads the site as it is once every plugin is done with it: a note written into a learner file by a
hook that runs after the pages are themed (a page changed at the end of `on_post_page`, a page's file rewritten or a
new file written in `on_post_build`, a page MkDocs did not write itself) or copied as a static file is reported.

One site runs a `hooks:` file of mkdocs.yml for each way of publishing the note, each into a file of its own, and must
report every one of them; the same hooks publishing a plain sentence instead build the site cleanly, so the test
fails when any way of publishing goes unseen. (One build for all ways: each build costs the suite about 2 s.)"""

from __future__ import annotations

from sitebuilder import basic_tree, build_site, module

PLUGINS = ["search", "smartshare/curriculum", "smartshare/feedback", "smartshare/mentor"]
NOTE = "The sales director tends to dominate; give the floor to the team leads first"
EXCERPT = "The sales director tends to dominate; give the floor to t…"
ORIGIN = "curricula/ai/chatbots.md:19:1"

HEAD = f"""\
import os
from mkdocs.plugins import event_priority

NOTE = "{NOTE}." if os.environ.get("PUBLISH_NOTE") else "Nothing to hide here, only a plain sentence."
"""

#: what each hooks file does: (code, the learner file the note ends up in)
LATE_WRITES = {
    "a page changed by the last hook of on_post_page": (
        """
@event_priority(-1000)
def on_post_page(output, page, config):
    if page.file.src_uri == "ai/machine-learning.md":
        output = output.replace("</article>", f"<p>{NOTE}</p></article>", 1)
    return output
""",
        "ai/machine-learning/index.html",
    ),
    "a page's file rewritten in on_post_build, at the same size": (
        """
PAD = "<!--" + "x" * 200 + "-->"

def on_post_page(output, page, config):
    return output.replace("</article>", PAD + "</article>", 1)

@event_priority(100)
def on_post_build(config):
    path = os.path.join(config.site_dir, "index.html")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(PAD, f"<p>{NOTE}</p>".ljust(len(PAD)), 1))
""",
        "index.html",
    ),
    "a page MkDocs did not write, written by on_post_build": (
        """
def on_post_page(output, page, config):
    return "" if page.file.src_uri == "ai/chatbots.md" else output

def on_post_build(config):
    path = os.path.join(config.site_dir, "ai", "chatbots", "index.html")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"<html><body><p>{NOTE}</p></body></html>")
""",
        "ai/chatbots/index.html",
    ),
    "a new file written by on_post_build": (
        """
import json

def on_post_build(config):
    os.makedirs(os.path.join(config.site_dir, "exports"), exist_ok=True)
    with open(os.path.join(config.site_dir, "exports", "notes.json"), "w", encoding="utf-8") as f:
        json.dump({"modules": [{"id": "chatbots", "summary": NOTE}]}, f)
""",
        "exports/notes.json",
    ),
}


def noted_tree(*hooks: str) -> dict[str, str]:
    """The curriculum, its one note, and a hooks file for each of `hooks` (hooks_0.py, …)."""
    files = basic_tree()
    files["ai/chatbots.md"] = module("Chatbots") + f"\nFor everyone.\n\n/// mentor\n{NOTE}.\n///\n"
    for n, code in enumerate(hooks):
        files[f"../hooks_{n}.py"] = HEAD + code
    return files


def hooks_config(count: int, plugins: list[str] = PLUGINS) -> dict:
    return {"plugins": plugins, "hooks": [f"hooks_{n}.py" for n in range(count)]}


def leak_line(file: str) -> str:
    return (
        f"ERROR   -  smartshare: {ORIGIN}: error [mentor-leak] mentor text '{EXCERPT}' is published outside the "
        f"mentor area, in {file} — a template, theme override or plugin copies it into course pages: remove that, "
        "mentor text stays in the mentor area"
    )


def leak_lines(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if "[mentor-leak]" in line)


STATIC = "assets/handout.txt"


def late_tree(note: str) -> dict[str, str]:
    """Every way of `LATE_WRITES` at once, and a static file holding `note`."""
    files = noted_tree(*(hooks for hooks, _ in LATE_WRITES.values()))
    files[STATIC] = f"Before the session.\n\n{note}\n"
    return files


def test_a_note_written_after_the_pages_are_themed_or_copied_fails_the_build_once_for_each_file(tmp_path):
    config = hooks_config(len(LATE_WRITES))
    build = build_site(tmp_path, late_tree(f"{NOTE}."), config=config, env={"PUBLISH_NOTE": "1"})
    assert build.returncode != 0
    files = [file for _, file in LATE_WRITES.values()] + [STATIC]
    assert leak_lines(build.output) == sorted(leak_line(file) for file in files)


def test_the_same_hooks_without_the_note_build(tmp_path):
    build = build_site(tmp_path, late_tree("A plain sentence."), config=hooks_config(len(LATE_WRITES)))
    assert build.returncode == 0, build.output
    assert "[mentor-leak]" not in build.output


def test_a_page_changed_late_is_reported_by_a_warm_build_that_found_it_clean_before(tmp_path):
    # the first build remembers every page clean (smartshare/cache); the second publishes the note in one of them
    hooks, file = LATE_WRITES["a page changed by the last hook of on_post_page"]
    config = hooks_config(1, [*PLUGINS, "smartshare/cache"])
    first = build_site(tmp_path, noted_tree(hooks), config=config)
    assert first.returncode == 0, first.output
    second = build_site(tmp_path, noted_tree(hooks), config=config, env={"PUBLISH_NOTE": "1"})
    assert second.returncode != 0
    assert leak_lines(second.output) == [leak_line(file)]
