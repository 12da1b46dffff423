"""`smartshare check` knows the pages the curriculum generates as link targets, where mkdocs.yml puts them (it
reads the default places without importing MkDocs), and a check after an edit keeps the same results a cold
check keeps."""

from __future__ import annotations

from pathlib import Path

from clitree import MKDOCS_YML, quizzed, valid_tree
from test_cli_check_cache import CACHED_YML, broken_tree, cache_file

from sitebuilder import write_tree

LINKS = "\n[customer service](../tags/customer-service.md) [Amina](../mentors/amina-diallo.md)\n"


def linking_tree() -> dict[str, str]:
    files = valid_tree()
    files["ai/chatbots.md"] = quizzed("Chatbots", tags=["Customer service"]) + LINKS
    return files


def test_links_to_generated_pages_follow_the_folders_of_mkdocs_yml(project: Path, run):
    write_tree(project / "curricula", linking_tree())
    (project / "mkdocs.yml").write_text(MKDOCS_YML + "  - smartshare/intranet\n", encoding="utf-8")
    assert run("check").out.startswith("No problems in 3 modules")
    moved = MKDOCS_YML.replace("review_max_age: 400\n", "review_max_age: 400\n      tags_dir: topics\n")
    (project / "mkdocs.yml").write_text(moved + "  - smartshare/intranet\n", encoding="utf-8")
    out = run("check").out
    assert "warning [broken-link] link '../tags/customer-service.md'" in out
    assert "did you mean '../topics/customer-service.md'?" in out
    assert "amina-diallo" not in out  # the mentors' folder did not move


def test_a_check_after_an_edit_keeps_what_a_cold_check_keeps(project: Path, run):
    (project / "mkdocs.yml").write_text(CACHED_YML, encoding="utf-8")
    write_tree(project / "curricula", broken_tree())
    run("check")
    chatbots = project / "curricula/ai/chatbots.md"
    chatbots.write_text(chatbots.read_text(encoding="utf-8").replace("level: beginner", "level: expert"), "utf-8")
    after_edit = run("check")
    kept = cache_file(project).read_bytes()
    cache_file(project).unlink()
    assert run("check") == after_edit
    assert cache_file(project).read_bytes() == kept  # the unchanged files' entries were written back as read
