"""Whole-site builds: the feedback block, and mentor material kept out of course pages (shown in the mentor area)."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from sitebuilder import basic_tree, build_site, module

CHANNEL = "https://forms.example.com/feedback?module={module}&title={title}&track={track}&mentor={mentor}&rating={rating}&score={score}&url={url}"
NOTE = "Ask the room which chatbot annoyed them most"
KIT = {
    "discovery": ["Which questions does your team answer every week?"],
    "run_sheet": [{"step": "Warm-up round", "minutes": 20}, {"step": "Sorting exercise", "minutes": 40}],
    "debrief": ["Did everyone leave with a use case?"],
}
CONFIG = {
    "site_url": "https://learn.example.com/",
    "repo_url": "https://git.example.com/learning/smartshare",
    "edit_uri": "edit/main/curricula/",
    "plugins": ["search", "smartshare/curriculum", {"smartshare/feedback": {"channel": CHANNEL}}, "smartshare/mentor"],
}


def tree() -> dict:
    files = basic_tree()
    files["ai/chatbots.md"] = (
        module("Chatbots « & » co", session=KIT) + f"\n/// mentor\n{NOTE}, then **listen**.\n///\n\nAfter the note.\n"
    )
    files["ai/machine-learning.md"] = module(
        "Machine learning",
        mentors=["leo-martin"],
        reviewed="2025-01-10",
        feedback="mailto:data@example.com?subject={title} {rating}",
        session={"run_sheet": [{"step": "Talk", "minutes": 45}]},
    )
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("feedback"), tree(), config=CONFIG)
    assert build.returncode == 0, build.output
    return build


class _Links(HTMLParser):
    """Visible text (outside <template>) and the links of a page."""

    def __init__(self):
        super().__init__()
        self.depth, self.text, self.links = 0, [], []

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "template"
        if tag == "a" and not self.depth:
            self.links.append(dict(attrs))

    def handle_endtag(self, tag):
        self.depth -= tag == "template"

    def handle_data(self, data):
        if not self.depth:
            self.text.append(data)


def parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def test_mentor_notes_are_left_out_of_the_course_page_and_shown_on_its_mentor_sheet(site):
    html = site.html("ai/chatbots/")
    assert NOTE not in html and "listen" not in html and "smartshare-mentor-note" not in html
    assert "After the note." in " ".join(parse(html).text)
    sheet = site.html("mentor/ai/chatbots/")
    assert re.search(
        r'<div class="smartshare-mentor-note" data-smartshare-mentor-note="">\s*'
        r'<p class="smartshare-mentor-note__label">Mentor note</p>\s*<p>' + NOTE + r", then <strong>listen</strong>",
        sheet,
    )
    assert sheet.index("Some <strong>content</strong>") < sheet.index(NOTE) < sheet.index("After the note.")  # in place


def test_mentor_notes_and_session_kits_are_not_in_the_search_index(site):
    index = (site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "After the note." in index  # the page itself is indexed
    for secret in (
        NOTE,
        "Warm-up round",
        "Which questions does your team answer",
        "Did everyone leave with a use case",
    ):
        assert secret not in index
    assert "How useful was this module" not in index  # nor is the feedback block repeated on every page


def rating_links(html: str) -> dict[str, dict]:
    return {link["data-rating"]: link for link in parse(html).links if "data-rating" in link}


def test_each_face_opens_the_channel_prefilled_with_module_track_mentor_rating_and_page(site):
    links = rating_links(site.html("ai/chatbots/"))
    assert set(links) == {"1", "2", "3", ""}
    fields = parse_qs(urlsplit(links["3"]["href"]).query, keep_blank_values=True)
    assert fields == {
        "module": ["ai/chatbots"],
        "title": ["Chatbots « & » co"],
        "track": ["AI for managers"],
        "mentor": ["Amina Diallo"],
        "rating": ["3"],
        "score": [""],
        "url": ["https://learn.example.com/ai/chatbots/"],
    }
    assert parse_qs(urlsplit(links[""]["href"]).query, keep_blank_values=True)["rating"] == [""]
    live = links["1"]["data-smartshare-href"]
    assert "score=SMARTSHARE_SCORE" in live and "url=SMARTSHARE_URL" in live and "rating=1" in live


def test_faces_are_drawn_as_icons_not_emoji_that_need_a_font(site):
    import re

    faces = re.findall(
        r'<span class="twemoji smartshare-feedback__face" aria-hidden="true">(.*?)</span>',
        site.html("ai/chatbots/"),
        re.S,
    )
    assert len(faces) == 3 and all(face.strip().startswith("<svg") for face in faces)


def test_a_module_overrides_the_channel_with_its_own_feedback_template(site):
    links = rating_links(site.html("ai/machine-learning/"))
    assert links["2"]["href"] == "mailto:data@example.com?subject=Machine%20learning%202"


def test_ask_the_mentor_and_suggest_a_change(site):
    links = {
        link.get("href"): " ".join(parse(site.html("ai/chatbots/")).text)
        for link in parse(site.html("ai/chatbots/")).links
    }
    assert "mailto:amina.diallo@example.com?subject=Chatbots%20%C2%AB%20%26%20%C2%BB%20co" in links
    assert "https://git.example.com/learning/smartshare/edit/main/curricula/ai/chatbots.md" in links
    text = " ".join(parse(site.html("ai/chatbots/")).text)
    assert "Ask Amina Diallo" in text and "Suggest a change" in text and "Tell the mentor more" in text


def sheet_top(html: str) -> str:
    match = re.search(r'<section class="smartshare-mentor-kit".*?</section>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match[0]).split()) if match else ""


def test_the_mentor_sheet_of_a_module_holds_its_session_kit(site):
    kit = sheet_top(site.html("mentor/ai/chatbots/"))
    for expected in (
        "Which questions does your team answer every week?",
        "Warm-up round 20",
        "Sorting exercise 40",
        "Total 60",
        "Did everyone leave with a use case?",
        "Mentor notes in this module: 1",
        "Print the mentor sheet",
    ):
        assert expected in kit


def test_the_mentor_sheet_says_when_a_module_has_no_notes_and_flags_a_run_sheet_off_its_duration(site):
    kit = sheet_top(site.html("mentor/ai/machine-learning/"))
    assert "No mentor notes in this module." in kit
    assert "Total 45 (the duration is 60)" in kit
    assert "WARNING -  smartshare: curricula/ai/machine-learning.md:" in site.output
    assert "[run-sheet-total] run sheet adds up to 45 minutes but the duration is 60" in site.output


def test_the_mentor_page_of_a_track_lists_review_dates_with_stale_modules_highlighted(site):
    reviews = site.html("mentor/ai/")
    rows = re.findall(r"<tr( class=\"smartshare-stale\")?><td><a href=\"([^\"]+)\">([^<]+)</a>", reviews)
    assert rows == [
        ("", "chatbots/", "Chatbots « &amp; » co"),
        (' class="smartshare-stale"', "machine-learning/", "Machine learning"),
    ]
    assert "2025-01-10" in reviews and "review due" in reviews
    assert "review due" not in site.html("ai/") and "2025-01-10" not in site.html("ai/")


def test_feedback_strings_follow_the_site_language(tmp_path):
    plugins = [*CONFIG["plugins"]]
    plugins[2] = {"smartshare/feedback": {"channel": CHANNEL + "&lang={lang}&build={build}&session={session}"}}
    config = {**CONFIG, "plugins": plugins, "theme": {"name": "material", "language": "fr"}}
    build = build_site(tmp_path, tree(), config=config)
    assert build.returncode == 0, build.output
    link = rating_links(build.html("ai/chatbots/"))["3"]
    fields = parse_qs(urlsplit(link["href"]).query, keep_blank_values=True)
    # the page's language is the build's; outside a git repository the build's commit is unknown, so empty
    assert fields["lang"] == ["fr"] and fields["build"] == [""] and fields["session"] == [""]
    assert "session=SMARTSHARE_SESSION" in link["data-smartshare-href"]
    assert "Merci — votre note « {label} » est enregistrée" in build.html("ai/chatbots/")
    text = " ".join(parse(build.html("ai/chatbots/")).text)
    assert "Ce module vous a-t-il été utile ?" in text and "Proposer une modification" in text
    assert "Fiche mentor de ce module" in build.html("ai/chatbots/")
    sheet = build.html("mentor/ai/chatbots/")
    assert "Note pour le mentor" in sheet and "Kit de séance" in sheet and "Imprimer la fiche mentor" in sheet


@pytest.mark.parametrize(
    "channel, message",
    [
        ("https://f.example.com/?m={modul}", "unknown placeholder {modul} in the feedback link"),
        ("javascript:alert(1)", "'javascript:alert(1)' is not an allowed link"),
    ],
)
def test_a_bad_channel_in_mkdocs_yml_stops_the_build_naming_the_option(tmp_path, channel, message):
    config = {**CONFIG, "plugins": ["search", "smartshare/curriculum", {"smartshare/feedback": {"channel": channel}}]}
    build = build_site(tmp_path, basic_tree(), config=config)
    assert build.returncode != 0
    assert "Plugin 'smartshare/feedback' option 'channel'" in build.output and message in build.output
    assert "Traceback" not in build.output


def test_a_malformed_mentor_block_stops_the_build_with_its_line(tmp_path):
    files = basic_tree()
    files["ai/chatbots.md"] += "\n/// mentor\nnever closed\n"
    build = build_site(tmp_path, files, config=CONFIG)
    assert build.returncode != 0
    assert (
        "ERROR   -  smartshare: curricula/ai/chatbots.md:17:5: error [mentor-block] mentor block is not closed"
        in build.output
    )
    assert "Traceback" not in build.output


def test_headings_in_a_mentor_note_stay_out_of_the_mentor_sheets_table_of_contents(tmp_path):
    files = basic_tree()
    files["ai/chatbots.md"] = (
        module("Chatbots") + "\n## For learners\n\nText.\n\n/// mentor\n## Timing tips\n\nKeep the demo short.\n///\n"
    )
    build = build_site(tmp_path, files, config=CONFIG, strict=True)
    assert build.returncode == 0, build.output
    html = build.html("mentor/ai/chatbots/")
    toc = html[html.index("md-nav--secondary") :]
    toc = toc[: toc.index("</nav>")]
    assert "For learners" in toc and "Timing tips" not in toc
    # still a heading for a screen reader on the mentor sheet
    assert '<p aria-level="2" class="smartshare-mentor-note__heading" role="heading">Timing tips</p>' in html
