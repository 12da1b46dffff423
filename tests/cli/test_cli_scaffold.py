"""`core.scaffold`: the targeted edit of track.yml keeps every other character, whatever the list's style."""

from __future__ import annotations

import pytest

from smartshare.core.scaffold import ScaffoldError, add_module_to_track, title_from_slug


@pytest.mark.parametrize(
    "before, after",
    [
        (  # block list with comments: one line added with the same indentation
            "title: A  # name\nmodules:\n    - x   # first\n    - 'y'\norder: 2\n",
            "title: A  # name\nmodules:\n    - x   # first\n    - 'y'\n    - new\norder: 2\n",
        ),
        ("modules:\n- x\n- y", "modules:\n- x\n- y\n- new\n"),  # unindented, no final newline
        ("modules: [x, y]  # order\n", "modules: [x, y, new]  # order\n"),
        ("modules: []\norder: 1\n", "modules: [new]\norder: 1\n"),
        ("modules: [\n  x,\n]\n", "modules: [\n  x, new,\n]\n"),
        ("title: A\nmodules:   # to do\norder: 3\n", "title: A\nmodules:   # to do\n  - new\norder: 3\n"),
        ("title: A\n", "title: A\nmodules:\n  - new\n"),
        ("", "modules:\n  - new\n"),
    ],
)
def test_the_slug_is_appended_to_the_modules_list(before, after):
    assert add_module_to_track(before, "new") == after


def test_a_slug_yaml_would_read_as_something_else_is_quoted():
    assert add_module_to_track("modules:\n  - x\n", "on") == 'modules:\n  - x\n  - "on"\n'
    assert add_module_to_track("modules: [x]\n", "2024") == 'modules: [x, "2024"]\n'


@pytest.mark.parametrize(
    "text, message",
    [
        ("modules: chatbots\n", "'modules' in track.yml is not a list"),
        ("- a\n- b\n", "track.yml is not a mapping of fields"),
    ],
)
def test_a_file_that_cannot_be_edited_safely_is_refused(text, message):
    with pytest.raises(ScaffoldError, match=message):
        add_module_to_track(text, "new")


def test_titles_come_from_slugs():
    assert title_from_slug("data-privacy") == "Data privacy"
    assert title_from_slug("skills/soft_skills") == "Soft skills"
