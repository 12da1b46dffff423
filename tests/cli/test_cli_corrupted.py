"""`smartshare check` on a damaged curriculum: a file-system problem is one problem among the others."""

import os


def test_a_folder_named_like_a_file_and_a_dangling_link_do_not_hide_other_problems(site, run):
    docs = site / "curricula"
    (docs / "mentors.yml").unlink()
    (docs / "mentors.yml").mkdir()
    os.symlink("missing.md", docs / "ai" / "ghost.md")
    chatbots = docs / "ai" / "chatbots.md"
    chatbots.write_text(chatbots.read_text(encoding="utf-8").replace("level: beginner", "level: beginer"), "utf-8")
    result = run("check")
    assert result.code == 1
    assert result.err == ""
    assert result.out.splitlines()[:3] == [
        "curricula/ai/chatbots.md:6:8: error [bad-value] 'beginer' is not a valid choice — did you mean 'beginner'?",
        "curricula/ai/ghost.md:1:1: error [bad-link] symbolic link leads nowhere (to 'missing.md')"
        " — point the link at an existing file, or remove it",
        "curricula/mentors.yml:1:1: error [not-a-file] 'mentors.yml' is a folder, but its name is that of a YAML file"
        " — rename the folder, or move its content into a file named mentors.yml",
    ]
