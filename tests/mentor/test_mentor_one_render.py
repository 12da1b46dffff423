"""A module's Markdown is rendered once: notes leave the course page's HTML and return in place on its sheet."""

from __future__ import annotations

import markdown

from smartshare.feedback.mentorblock import MentorExtension, note_stash
from smartshare.mentor.rebase import rebase_urls

PAGE = "Before.\n\n/// mentor\nAsk about [the glossary](../glossary.md) **first**.\n///\n\nAfter.\n"


def _render(text: str, capture: bool) -> tuple[str, MentorExtension]:
    extension = MentorExtension()
    if capture:
        note_stash([extension])
    return markdown.markdown(text, extensions=[extension]), extension


def test_without_the_mentor_area_a_note_renders_to_nothing():
    html, _ = _render(PAGE, capture=False)
    assert html == "<p>Before.</p>\n<p>After.</p>"


def test_a_note_leaves_the_page_html_and_returns_in_place_for_the_sheet():
    html, extension = _render(PAGE, capture=True)
    assert "first" not in html and f"smartshare-mentor-note {extension.stash.nonce}-1" in html
    sheet, learner = extension.stash.split(html)
    assert learner == "<p>Before.</p>\n<p>After.</p>"
    assert sheet == (
        "<p>Before.</p>\n"
        '<div class="smartshare-mentor-note" data-smartshare-mentor-note="">\n'
        '<p class="smartshare-mentor-note__label">Mentor note</p>\n'
        '<p>Ask about <a href="../glossary.md">the glossary</a> <strong>first</strong>.</p>\n'
        "</div>\n<p>After.</p>"
    )
    assert extension.stash.notes == {}  # taken once: nothing kept for the rest of the build


def test_an_author_cannot_forge_a_note_placeholder_or_its_end():
    forged = (
        '<!-- smartshare-mentor-note 0123-1 -->\n\n/// mentor\nSecret <span data-smartshare-mentor-slot-end="x">'
        "</span></div> still secret\n///\n"
    )
    html, extension = _render(forged, capture=True)
    assert "secret" not in html.lower()
    sheet, learner = extension.stash.split(html)
    assert "secret" not in learner.lower() and "still secret" in sheet
    assert "0123-1" in learner  # not ours: left as the author wrote it


def test_relative_urls_of_a_module_are_rebased_for_its_sheet():
    html = (
        '<a href="../tools/">t</a><img src="diagram.png"><a href="#top">x</a><a href="https://intranet/">i</a>'
        '<a href="/abs/">a</a><video src="demo.webm"></video><a href="../x/?q=1#f">q</a>'
    )
    assert rebase_urls(html, "ai/chatbots/", "mentor/ai/chatbots/") == (
        '<a href="../../../ai/tools/">t</a><img src="../../../ai/chatbots/diagram.png"><a href="#top">x</a>'
        '<a href="https://intranet/">i</a><a href="/abs/">a</a><video src="demo.webm"></video>'
        '<a href="../../../ai/x/?q=1#f">q</a>'
    )
