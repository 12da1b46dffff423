"""Search on an English site: accents folded the same way (cafe finds café), stemming, clean result snippets."""

import json

import pytest
from searching import learner_at, search, served_search_site, snippet

from sitebuilder import module

pytestmark = pytest.mark.browser

TRACK = "title: Teams\nsummary: Work together.\nobjectives: [Lead]\nmodules: [cafe, meetings]\n"
PAGES = {
    "mentors.yml": "amina:\n  name: Amina Diallo\n  role: Expert\n",
    "teams/track.yml": TRACK,
    "teams/cafe.md": module("Café conversations", mentors=["amina"], summary="A naïve question is welcome.")
    + "\nThe café is where the team's rôle is discussed.\n",
    "teams/meetings.md": module("Short meetings", mentors=["amina"], summary="Prepare the agenda.", level="advanced")
    + "\nEvery meeting has an owner.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_search_site(tmp_path_factory.mktemp("en"), PAGES, "en") as served:
        yield served


@pytest.fixture(scope="module")
def learner(browser, site):
    with learner_at(browser, site[0]) as page:
        yield page


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("cafe", "/teams/cafe/"),
        ("café", "/teams/cafe/"),
        ("naive", "/teams/cafe/"),
        ("role", "/teams/cafe/"),
        ("meetings", "/teams/meetings/"),  # the text says "meeting" once, the title "meetings"
        ("meeting", "/teams/meetings/"),
        ("ai", "/teams/cafe/"),  # a tag: the entries' `tags` field (the header's tag list is not indexed as text)
    ],
)
def test_words_are_found_without_their_accents(learner, query, page):
    assert page in search(learner, query)


def test_module_facts_stay_out_of_the_index_so_no_label_runs_into_its_value(site):
    index = json.loads((site[1].site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = next(doc["text"] for doc in index["docs"] if doc["location"] == "teams/meetings/")
    assert "Prepare the agenda." in text and "Every meeting has an owner." in text
    for label in ("Level", "Duration", "Mentors", "Track"):
        assert label not in text, text


def test_a_result_snippet_reads_as_the_page_does(learner):
    search(learner, "owner")
    text = snippet(learner)
    assert "Every meeting has an owner." in text
    assert "Advanced" not in text and "Duration" not in text


def test_every_page_and_the_404_page_use_the_worker_that_loads_the_themes(site):
    build = site[1]
    workers = build.site / "assets" / "javascripts" / "workers"
    theme_worker = next(workers.glob("search.*.min.js")).name
    assert f'"{theme_worker}"' in (workers / "smartshare-search.js").read_text(encoding="utf-8")
    for page in ("", "teams/cafe/", "404.html"):
        html = (build.site / page / "index.html") if not page.endswith(".html") else build.site / page
        config = html.read_text(encoding="utf-8").split('<script id="__config"')[1].split("</script>")[0]
        assert "workers/smartshare-search.js" in config and theme_worker not in config, page
