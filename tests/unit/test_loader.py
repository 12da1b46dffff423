"""Validation of modules, tracks and mentors: the exact message, position and hint an author sees."""

import datetime as dt

import pytest

from sitebuilder import basic_tree, module, write_tree
from smartshare.core.loader import LoadOptions, load_curriculum

TODAY = dt.date(2026, 9, 21)


def load(tmp_path, tree, **options):
    write_tree(tmp_path, tree)
    curriculum, problems = load_curriculum(str(tmp_path), LoadOptions(today=TODAY, **options))
    shown = [p.format().replace(str(tmp_path) + "/", "") for p in problems]
    return curriculum, shown


def with_file(path, text):
    tree = basic_tree()
    tree[path] = text
    return tree


def test_a_valid_curriculum_has_no_problem(tmp_path):
    curriculum, shown = load(tmp_path, basic_tree())
    assert shown == []
    assert [t.title for t in curriculum.tracks] == ["AI for managers"]
    assert curriculum.track("ai").module_ids == ["ai/chatbots", "ai/machine-learning"]
    assert curriculum.modules["ai/machine-learning"].prerequisites == ["ai/chatbots"]


def test_misspelt_field_is_a_warning_with_a_suggestion(tmp_path):
    text = "---\ntitle: Chatbots\nsummary: S.\nduraton: 90\nobjectives: [Do]\n---\nBody\n"
    _, shown = load(tmp_path, with_file("ai/chatbots.md", text))
    assert shown == ["ai/chatbots.md:4:1: warning [unknown-key] unknown field 'duraton' — did you mean 'duration'?"]


def test_unknown_mentor_names_the_closest_ids(tmp_path):
    _, shown = load(tmp_path, with_file("ai/chatbots.md", module(mentors=["amina-dialo"])))
    assert shown == [
        "ai/chatbots.md:5:3: error [unknown-mentor] unknown mentor 'amina-dialo' — did you mean 'amina-diallo'?"
    ]


def test_prerequisite_that_is_not_a_module(tmp_path):
    _, shown = load(tmp_path, with_file("ai/chatbots.md", module(prerequisites=["ai/chatbot"])))
    assert shown == [
        "ai/chatbots.md:14:3: error [unknown-module] prerequisite 'ai/chatbot' is not a module — did you mean 'ai/chatbots'?"
    ]


def test_prerequisite_cycle_is_printed(tmp_path):
    _, shown = load(tmp_path, with_file("ai/chatbots.md", module(prerequisites=["machine-learning"])))
    assert shown == [
        "ai/chatbots.md:14:3: error [prerequisite-cycle] prerequisites form a cycle: "
        "ai/chatbots → ai/machine-learning → ai/chatbots — remove one of these prerequisites"
    ]


def test_module_listed_twice_in_a_track(tmp_path):
    track = "title: AI\nsummary: S.\nmodules:\n  - chatbots\n  - machine-learning\n  - chatbots\n"
    _, shown = load(tmp_path, with_file("ai/track.yml", track))
    assert shown == [
        "ai/track.yml:6:5: error [duplicate-in-track] module 'chatbots' is listed twice in this track"
        " — keep it once, where it belongs in the order"
    ]


def test_track_entry_naming_a_missing_module(tmp_path):
    track = "title: AI\nsummary: S.\nmodules: [chatbots, machine-learnin]\n"
    _, shown = load(tmp_path, with_file("ai/track.yml", track))
    assert (
        shown[0]
        == "ai/machine-learning.md:1:1: warning [not-in-track] module is in no track — add 'machine-learning' to the modules of ai/track.yml"
    )
    assert (
        shown[1]
        == "ai/track.yml:3:21: error [unknown-module] no module 'machine-learnin' in ai/ — did you mean 'machine-learning'?"
    )


@pytest.mark.parametrize("entry", ["skills/introduction", "../skills/introduction", "skills/introduction.md"])
def test_a_module_listed_in_a_second_track_says_a_module_belongs_to_one_track(tmp_path, entry):
    tree = basic_tree()
    tree["ai/track.yml"] += f"  - {entry}\n"
    tree["skills/track.yml"] = "title: Soft skills\nsummary: S.\nmodules: [introduction]\n"
    tree["skills/introduction.md"] = module("Introduction")
    _, shown = load(tmp_path, tree)
    assert shown == [
        "ai/track.yml:7:5: error [module-in-other-track] 'skills/introduction' is a module of track skills/: "
        "a module belongs to one track — remove this entry; to reuse the module, make it a prerequisite of a "
        "module of ai ('prerequisites: [skills/introduction]') or link to it from one"
    ]


def test_bad_date_wrong_type_and_empty_required_field_are_all_reported(tmp_path):
    text = "---\ntitle: Chatbots\nsummary: S.\nobjectives: []\ntags: ai\nreviewed: 2026-13-01\n---\n"
    _, shown = load(tmp_path, with_file("ai/chatbots.md", text))
    assert shown == [
        "ai/chatbots.md:4:13: error [empty-field] required field 'objectives' is empty"
        " — add it, for example: objectives: [Name three tasks a chatbot handles well, Spot a request that needs a human]",
        "ai/chatbots.md:5:7: error [wrong-type] expected a list, found text — write it as a list: [ai]",
        "ai/chatbots.md:6:11: error [bad-date] '2026-13-01' is not a valid date — write the date as YYYY-MM-DD, e.g. 2026-03-31",
    ]


def test_missing_required_field(tmp_path):
    _, shown = load(tmp_path, with_file("ai/chatbots.md", "---\ntitle: Chatbots\nobjectives: [Do]\n---\n"))
    assert shown == [
        "ai/chatbots.md:2:1: error [missing-field] required field 'summary' is missing"
        " — add it, for example: summary: Decide where a chatbot helps your team and where it does not."
    ]


def test_malformed_yaml_gives_the_parsers_line_and_column(tmp_path):
    text = "---\ntitle: Chatbots: a primer\nsummary: S.\n---\n"
    _, shown = load(tmp_path, with_file("ai/chatbots.md", text))
    assert shown == [
        "ai/chatbots.md:2:16: error [yaml-syntax] invalid YAML: mapping values are not allowed in this context"
        " — put quotes around a value that contains ': '"
    ]


def test_malformed_mentors_file_and_duplicate_keys(tmp_path):
    tree = with_file(
        "mentors.yml", "amina-diallo:\n  name: Amina\n  role: Freelance\n  name: Amina D.\nleo-martin: [\n"
    )
    _, shown = load(tmp_path, tree)
    assert len(shown) == 1 and shown[0].startswith("mentors.yml:6:1: error [yaml-syntax] invalid YAML")
    _, shown = load(
        tmp_path,
        with_file(
            "mentors.yml", "amina-diallo:\n  name: Amina\n  role: F\n  name: A\nleo-martin: {name: L, role: R}\n"
        ),
    )
    assert shown == [
        "mentors.yml:4:3: error [duplicate-key] 'name' is set twice — each field may appear once; remove or merge the duplicate"
    ]


def test_module_without_front_matter_or_unterminated(tmp_path):
    _, shown = load(tmp_path, with_file("ai/chatbots.md", "# Chatbots\n"))
    assert shown[0].startswith("ai/chatbots.md:1:1: error [missing-front-matter] a module needs front matter")
    _, shown = load(tmp_path, with_file("ai/chatbots.md", "---\ntitle: Chatbots\n"))
    assert (
        shown[0]
        == "ai/chatbots.md:1:1: error [unterminated-front-matter] front matter has no closing '---' — add a line '---' after the last field"
    )


def test_stale_review_is_a_warning(tmp_path):
    _, shown = load(tmp_path, with_file("ai/chatbots.md", module(reviewed="2025-01-10")), review_max_age_days=365)
    assert shown == [
        "ai/chatbots.md:12:11: warning [stale-review] last reviewed 619 days ago (more than 365)"
        " — review the content, then update 'reviewed'"
    ]


@pytest.mark.parametrize("written, minutes", [(90, 90), ("1h30", 90), ("45min", 45), ("2h", 120), ("1 h 15 min", 75)])
def test_durations_are_normalised_to_minutes(tmp_path, written, minutes):
    curriculum, shown = load(tmp_path, with_file("ai/chatbots.md", module(duration=written)))
    assert shown == [] and curriculum.modules["ai/chatbots"].duration == minutes


def test_a_duration_that_is_not_one(tmp_path):
    _, shown = load(tmp_path, with_file("ai/chatbots.md", module(duration="an hour")))
    assert shown == [
        "ai/chatbots.md:7:11: error [bad-duration] 'an hour' is not a duration"
        ' — write minutes (90) or hours and minutes ("1h30", "45min")'
    ]


def test_unknown_level_suggests_the_closest(tmp_path):
    _, shown = load(tmp_path, with_file("ai/chatbots.md", module(level="begginer")))
    assert shown == [
        "ai/chatbots.md:6:8: error [bad-value] 'begginer' is not a valid choice — did you mean 'beginner'?"
    ]


def test_unsafe_link_in_mentors_file(tmp_path):
    mentors = (
        "amina-diallo:\n  name: Amina\n  role: F\n  contact: 'javascript:alert(1)'\nleo-martin: {name: L, role: R}\n"
    )
    _, shown = load(tmp_path, with_file("mentors.yml", mentors))
    assert shown == [
        "mentors.yml:4:12: error [unsafe-url] 'javascript:alert(1)' is not an allowed link — links must start with http:, https:, mailto:"
    ]


def test_run_sheet_that_does_not_add_up(tmp_path):
    session = {"run_sheet": [{"step": "Demo", "minutes": 20}, {"step": "Practice", "minutes": 30}]}
    _, shown = load(tmp_path, with_file("ai/chatbots.md", module(session=session)))
    assert shown == [
        "ai/chatbots.md:14:3: warning [run-sheet-total] run sheet adds up to 50 minutes but the duration is 60"
        " — adjust the steps' minutes or the duration"
    ]


def test_drafts_are_left_out_unless_included(tmp_path):
    tree = with_file("ai/machine-learning.md", module("Machine learning", status="draft"))
    curriculum, shown = load(tmp_path, tree)
    assert shown == []
    assert curriculum.track("ai").module_ids == ["ai/chatbots"]
    assert curriculum.left_out == ["ai/machine-learning.md"]
    curriculum, _ = load(tmp_path, tree, include_drafts=True)
    assert curriculum.track("ai").module_ids == ["ai/chatbots", "ai/machine-learning"]


def test_every_problem_of_a_run_is_reported_together(tmp_path):
    tree = basic_tree()
    tree["ai/chatbots.md"] = module(mentors=["nobody"], level="expert")
    tree["ai/machine-learning.md"] = module("Machine learning", duration="soon", reviewed="yesterday")
    _, shown = load(tmp_path, tree)
    codes = [line.split("[")[1].split("]")[0] for line in shown]
    assert codes == ["unknown-mentor", "bad-value", "bad-duration", "bad-date"]
