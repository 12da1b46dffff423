"""The leak check passes over files copied unchanged from an installed theme or plugin, and reads any other file,
including such a copy once something in the build has changed it."""

from __future__ import annotations

from smartshare.mentor.leaks import Secret, find_leaks

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
