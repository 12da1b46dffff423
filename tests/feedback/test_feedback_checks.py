"""Author mistakes: malformed `/// mentor` blocks and feedback templates, reported with file and line."""

import datetime as dt

from sitebuilder import basic_tree, module, write_tree
from smartshare.core.loader import LoadOptions, load_curriculum
from smartshare.feedback.checks import check_page
from smartshare.feedback.mentorblock import check_mentor_blocks
from smartshare.sitecheck import SiteChecks, check_site

PINNED = LoadOptions(today=dt.date(2026, 9, 21))  # the fixtures' review dates must never turn stale


def problems(body: str, body_line: int = 10) -> list[str]:
    return [p.format() for p in check_mentor_blocks(body, body_line, "ai/chatbots.md")]


def test_a_well_formed_mentor_block_is_accepted():
    assert problems("Text\n\n/// mentor\nAsk the room first.\n///\n\nMore text\n") == []


def test_a_nested_block_and_code_inside_a_mentor_block_do_not_close_it():
    body = "/// mentor\n/// details | Tip\nhidden\n///\n```\n///\n```\nstill the note\n///\n"
    assert problems(body) == []


def test_a_mentor_block_shown_inside_a_code_example_is_not_checked():
    assert problems("```markdown\n/// mentor | oops\n```\n") == []


def test_an_unclosed_block_points_at_its_opening_line():
    assert problems("Intro\n\n/// mentor\nnotes\n", body_line=20) == [
        "ai/chatbots.md:22:5: error [mentor-block] mentor block is not closed: everything after it would be "
        "mentor-only — end the notes with a line '///'"
    ]


def test_a_title_or_options_are_refused():
    assert problems("/// mentor | Timing\nnotes\n///\n") == [
        "ai/chatbots.md:10:5: error [mentor-block] a mentor block takes no title or options, found '| Timing' — "
        "put the text on the lines below '/// mentor'"
    ]
    assert problems("/// mentor\n    open: true\n\nnotes\n///\n")[0].startswith(
        "ai/chatbots.md:11:1: error [mentor-block] a mentor block takes no options"
    )


def test_a_misspelt_block_name_that_would_show_notes_to_learners_is_an_error():
    assert problems("/// Mentor\nnotes\n///\n")[0].startswith(
        "ai/chatbots.md:10:5: error [mentor-block] '/// Mentor' is not a mentor block: its notes would be shown to learners"
    )
    assert problems("/// mentor-notes\nnotes\n///\n")[0].startswith("ai/chatbots.md:10:5: error [mentor-block]")


def test_an_empty_block_is_a_warning():
    assert problems("/// mentor\n\n///\n") == [
        "ai/chatbots.md:10:5: warning [mentor-block] mentor block is empty — write the notes or remove the block"
    ]


def load_problems(tmp_path, files):
    write_tree(tmp_path, files)
    _, found = check_site(str(tmp_path), PINNED, SiteChecks(pages=(check_page,)))
    return [p.format().replace(str(tmp_path) + "/", "") for p in found if p.code == "mentor-block"]


def schema_problems(tmp_path, files):
    write_tree(tmp_path, files)
    _, loaded = load_curriculum(str(tmp_path), PINNED)
    return [p.format().replace(str(tmp_path) + "/", "") for p in loaded]


def test_a_module_feedback_template_with_an_unknown_placeholder_points_at_the_field(tmp_path):
    files = basic_tree()
    files["ai/chatbots.md"] = module("Chatbots", feedback="https://f.example.com/?m={moduel}")
    assert schema_problems(tmp_path, files) == [
        "ai/chatbots.md:13:11: error [feedback-template] unknown placeholder {moduel} in the feedback link — "
        "use {module}, {title}, {track}, {mentor}, {rating}, {score}, {url}, {session}, {lang}, {build}"
    ]


def test_a_track_feedback_template_with_an_unknown_placeholder_points_at_the_field(tmp_path):
    files = basic_tree()
    files["ai/track.yml"] += "feedback: mailto:a@example.com?subject={name}\n"
    assert schema_problems(tmp_path, files) == [
        "ai/track.yml:7:11: error [feedback-template] unknown placeholder {name} in the feedback link — "
        "use {module}, {title}, {track}, {mentor}, {rating}, {score}, {url}, {session}, {lang}, {build}"
    ]


def test_an_unsafe_feedback_link_in_a_track(tmp_path):
    files = basic_tree()
    files["ai/track.yml"] += "feedback: 'javascript:alert({title})'\n"
    assert schema_problems(tmp_path, files) == [
        "ai/track.yml:7:11: error [unsafe-url] 'javascript:alert({title})' is not an allowed link — "
        "links must start with http:, https:, mailto:"
    ]


def test_mentor_blocks_of_modules_are_checked_with_their_file_line(tmp_path):
    files = basic_tree()
    files["ai/chatbots.md"] += "\n/// mentor | x\nnote\n///\n"
    found = load_problems(tmp_path, files)
    assert len(found) == 1 and found[0].startswith("ai/chatbots.md:17:5: error [mentor-block]")


def test_a_page_without_any_slashes_line_is_not_scanned_for_code(monkeypatch):
    from smartshare.feedback import mentorblock

    def no_scan(text):
        raise AssertionError("code lines are only needed where a `///` line may open a block")

    monkeypatch.setattr(mentorblock, "code_lines", no_scan)
    assert list(mentorblock.mentor_blocks(["Text", "", "```", "code // not a block", "```"])) == []
    assert problems("Text with a path a///b and no block\n") == []
