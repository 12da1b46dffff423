"""Options of smartshare/curriculum that cannot work are refused with MkDocs' own validation messages."""

import pytest

from smartshare.cli.settings import Settings
from smartshare.core.defaults import NAV_WINDOW, REVIEW_MAX_AGE_DAYS
from smartshare.core.loader import LoadOptions
from smartshare.curriculum.config import CurriculumConfig, folder_problems


def validate(**options):
    config = CurriculumConfig()
    config.load_dict(options)
    errors, _warnings = config.validate()
    return config, [f"{name}: {error}" for name, error in errors]


def test_the_plugin_the_command_line_and_the_loader_share_one_set_of_defaults():
    config, errors = validate()
    assert errors == []
    assert (config.review_max_age, config.nav_window, config.include_drafts) == (REVIEW_MAX_AGE_DAYS, NAV_WINDOW, False)
    cli, loader = Settings(), LoadOptions()
    assert (cli.review_max_age, cli.include_drafts) == (config.review_max_age, config.include_drafts)
    assert (loader.review_max_age_days, loader.include_drafts) == (config.review_max_age, config.include_drafts)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"nav_window": -1}, "nav_window: Expected a whole number of 0 or more but received: -1"),
        ({"review_max_age": -30}, "review_max_age: Expected a whole number of 0 or more but received: -30"),
        ({"review_max_age": True}, "review_max_age: Expected a whole number (0 or more) but received: True"),
        (
            {"reference_page": "reference/fields.html"},
            "reference_page: Expected the path of a Markdown page inside the site, ending in '.md' "
            "(like 'reference/fields.md'), but received: 'reference/fields.html'",
        ),
        (
            {"reference_page": "../fields.md"},
            "reference_page: Expected the path of a Markdown page inside the site, ending in '.md' "
            "(like 'reference/fields.md'), but received: '../fields.md'",
        ),
        ({"tags_dir": "/"}, "tags_dir: Expected a folder inside the site, like 'tags', but received: '/'"),
    ],
)
def test_impossible_values_are_configuration_errors(options, message):
    assert validate(**options)[1] == [message]


def test_zero_is_a_possible_window_and_age_and_folders_lose_their_slashes():
    config, errors = validate(nav_window=0, review_max_age=0, tags_dir="/labels/", reference_page="/ref/fields.md")
    assert errors == []
    assert (config.tags_dir, config.reference_page) == ("labels", "ref/fields.md")


def test_a_tags_or_mentors_folder_inside_a_track_folder_is_refused(tmp_path):
    (tmp_path / "skills" / "soft").mkdir(parents=True)
    (tmp_path / "skills" / "soft" / "track.yml").write_text("title: Soft skills\n")
    config, _ = validate(tags_dir="skills/soft/tags", mentors_dir="skills")
    assert folder_problems(config, str(tmp_path)) == [
        "Plugin 'smartshare/curriculum' option 'tags_dir': 'skills/soft/tags' is inside the folder of track "
        "'skills/soft', whose pages it would replace — choose a folder that holds no track"
    ]
    config, _ = validate()
    assert folder_problems(config, str(tmp_path)) == []
