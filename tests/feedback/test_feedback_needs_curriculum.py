"""The feedback plugin needs the curriculum plugin: without it the build stops with one clear message."""

import pytest

from sitebuilder import basic_tree, build_site


@pytest.mark.parametrize(
    ("curriculum", "fix"),
    [
        (
            {"smartshare/curriculum": {"enabled": False}},
            "remove 'enabled: false' from 'smartshare/curriculum' in mkdocs.yml, or disable 'smartshare/feedback' too",
        ),
        (None, "add 'smartshare/curriculum' to 'plugins' in mkdocs.yml"),
    ],
    ids=["disabled", "not-listed"],
)
def test_feedback_without_the_curriculum_plugin_stops_with_a_plugin_error_naming_the_fix(tmp_path, curriculum, fix):
    plugins = ["search"] + ([curriculum] if curriculum else []) + ["smartshare/feedback"]
    build = build_site(tmp_path, basic_tree(), config={"plugins": plugins})
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert f"smartshare/feedback needs the smartshare/curriculum plugin — {fix}" in build.output
