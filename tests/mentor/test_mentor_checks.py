"""The checks that keep mentor text with mentors: a build that leaks it fails, and personal contact details in a
note are reported by `smartshare check` and by the build, at their line and column."""

from __future__ import annotations

import subprocess
import sys

from sitebuilder import basic_tree, build_site, module, write_tree

PLUGINS = ["search", "smartshare/curriculum", "smartshare/feedback", "smartshare/mentor"]
NOTE = "The sales director tends to dominate; give the floor to the team leads first"


def noted_tree(note: str = NOTE) -> dict[str, str]:
    files = basic_tree()
    files["ai/chatbots.md"] = module("Chatbots") + f"\nFor everyone.\n\n/// mentor\n{note}.\n///\n"
    return files


def test_a_theme_override_that_copies_the_page_source_into_a_course_page_fails_the_build(tmp_path):
    # page.markdown still holds the `/// mentor` block: a template printing it would publish the note
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block extrahead %}<meta name="description" content="{{ page.markdown '
        '| truncate(2000) }}">{% endblock %}\n',
        encoding="utf-8",
    )
    config = {"plugins": PLUGINS, "theme": {"name": "material", "custom_dir": "overrides", "font": False}}
    build = build_site(tmp_path, noted_tree(), config=config)
    assert build.returncode != 0
    assert (
        "ERROR   -  smartshare: curricula/ai/chatbots.md:19:1: error [mentor-leak] mentor text 'The sales director "
        "tends to dominate; give the floor to t…' is published outside the mentor area, in ai/chatbots/index.html"
    ) in build.output
    assert "shows mentor text to learners: do not publish it" in build.output
    assert "Traceback" not in build.output


def test_the_same_site_without_the_leaking_override_builds(tmp_path):
    build = build_site(tmp_path, noted_tree(), config={"plugins": PLUGINS}, strict=True)
    assert build.returncode == 0, build.output
    assert NOTE not in build.html("ai/chatbots/") and NOTE in build.html("mentor/ai/chatbots/")


PERSONAL = "Call Amina on +33 6 12 34 56 78 or write to amina.diallo@example.com, not learning@example.com"


def test_check_warns_about_personal_e_mail_addresses_and_phone_numbers_in_mentor_notes(tmp_path):
    write_tree(tmp_path / "curricula", noted_tree(PERSONAL))
    result = subprocess.run(
        [sys.executable, "-m", "smartshare", "check", "curricula"], cwd=tmp_path, capture_output=True, text=True
    )
    hint = (
        "every mentor can read the notes: name the role or team instead (e.g. 'the data protection officer'), "
        "or point to the mentor's profile in mentors.yml"
    )
    assert result.stdout.splitlines()[:2] == [
        "curricula/ai/chatbots.md:20:15: warning [personal-data] mentor note contains what looks like a phone number "
        f"of a person: '+33 6 12 34 56 78' — {hint}",
        "curricula/ai/chatbots.md:20:45: warning [personal-data] mentor note contains what looks like an e-mail "
        f"address of a person: 'amina.diallo@example.com' — {hint}",
    ]  # learning@example.com is a team's address: not reported
    assert result.returncode == 0  # a warning: `--strict` and `mkdocs build --strict` fail on it


def test_the_build_reports_the_same_personal_data_warnings(tmp_path):
    build = build_site(tmp_path, noted_tree(PERSONAL), config={"plugins": PLUGINS}, strict=True)
    assert build.returncode != 0
    assert "curricula/ai/chatbots.md:20:15: warning [personal-data]" in build.output
    assert "curricula/ai/chatbots.md:20:45: warning [personal-data]" in build.output
    assert "learning@example.com" not in build.output
