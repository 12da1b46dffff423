"""How the plugins find each other and refuse options that cannot work, seen from a real build."""

from sitebuilder import basic_tree, build_site


def test_a_tags_folder_that_is_a_track_stops_the_build_with_the_option_named(tmp_path):
    config = {"plugins": ["search", {"smartshare/curriculum": {"tags_dir": "ai/"}}]}
    build = build_site(tmp_path, basic_tree(), config=config)
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert (
        "Plugin 'smartshare/curriculum' option 'tags_dir': 'ai' is inside the folder of track 'ai', whose pages it "
        "would replace — choose a folder that holds no track"
    ) in build.output


def test_the_intranet_plugin_needs_no_curriculum(tmp_path):
    config = {"plugins": ["search", {"smartshare/curriculum": {"enabled": False}}, "smartshare/intranet"]}
    build = build_site(tmp_path, basic_tree(), config=config)
    assert build.returncode == 0, build.output
    assert "Some <strong>content</strong> about it." in build.html("ai/chatbots/")
