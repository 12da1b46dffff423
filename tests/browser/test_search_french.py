"""Search on a French site: stemming (retours finds retour), and words typed without their accents."""

import json

import pytest
from searching import learner_at, search, served_search_site, snippet

from sitebuilder import module

pytestmark = pytest.mark.browser
READY = "Taper pour démarrer la recherche"

TRACK = "title: Management\nsummary: Mieux travailler ensemble.\nobjectives: [Animer]\nmodules: [equipe, reunion]\n"
PAGES = {
    "mentors.yml": "amina:\n  name: Amina Diallo\n  role: Experte\n",
    "gestion/track.yml": TRACK,
    "gestion/equipe.md": module(
        "Animer une équipe", mentors=["amina"], summary="La hiérarchie et le retour d'expérience.", tags=["management"]
    )
    + "\nUne équipe soudée partage un retour honnête après chaque projet.\n",
    "gestion/reunion.md": module(
        "Réunions courtes", mentors=["amina"], summary="Préparer une réunion.", tags=["outils"]
    )
    + "\nUn ordre du jour clair, et l'équipe sait pourquoi elle vient.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_search_site(tmp_path_factory.mktemp("fr"), PAGES, "fr") as served:
        yield served


@pytest.fixture(scope="module")
def learner(browser, site):
    with learner_at(browser, site[0]) as page:
        yield page


def test_the_index_is_french_with_stemming_and_apostrophes_as_separators(site):
    index = json.loads((site[1].site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["fr"]
    assert "stemmer" in index["config"]["pipeline"]
    assert "'" in index["config"]["separator"] and "’" in index["config"]["separator"]


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("retours", "/gestion/equipe/"),  # the page says "retour" only
        ("equipe", "/gestion/equipe/"),
        ("équipe", "/gestion/equipe/"),
        ("reunion", "/gestion/reunion/"),
        ("réunions", "/gestion/reunion/"),
        ("hierarchie", "/gestion/equipe/"),
        ("HIERARCHIE", "/gestion/equipe/"),
    ],
)
def test_words_are_found_with_or_without_accents_and_in_other_forms(learner, query, page):
    assert page in search(learner, query, READY)


def test_a_word_after_an_elided_article_is_found(learner):
    assert "/gestion/reunion/" in search(learner, "equipe", READY)  # the page says "l'équipe" only


def test_results_keep_the_accents_and_show_no_run_together_facts(learner):
    search(learner, "hierarchie", READY)
    text = snippet(learner)
    assert "hiérarchie" in text
    assert "Durée" not in text and "Niveau" not in text
