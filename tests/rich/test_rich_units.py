"""The glossary file, image links and media addresses, without MkDocs."""

import markdown

from smartshare.core.i18n import Translator
from smartshare.rich.glossary import (
    abbreviation_markdown,
    check_language_glossaries,
    load_glossary,
    page_markdown,
    site_glossary,
)
from smartshare.rich.markup import RichMarkupExtension
from smartshare.rich.media import relink_media


def test_glossary_problems_point_at_the_term():
    text = "LLM: Large language model\nRAG:\n  en: Retrieval-augmented generation\nKPI:\nAPI: [a, list]\n"
    glossary = load_glossary(text, "curricula/glossary.yml", "fr")
    assert [p.format() for p in glossary.problems] == [
        "curricula/glossary.yml:2:1: warning [glossary-language] 'RAG' has no meaning in 'fr', the site's language — add `fr: …` under 'RAG'",
        "curricula/glossary.yml:4:5: error [glossary] 'KPI' has no meaning — write `TERM: meaning`, or one meaning per language (`en: …`, `fr: …`) under the term",
        "curricula/glossary.yml:5:6: error [glossary] 'API' has no meaning — write `TERM: meaning`, or one meaning per language (`en: …`, `fr: …`) under the term",
    ]
    assert [t.name for t in glossary.terms] == ["LLM", "RAG"]
    assert glossary.abbreviations("fr") == {"LLM": "Large language model"}


def test_a_yaml_syntax_error_is_one_problem_with_its_line():
    glossary = load_glossary("LLM: ok\nRAG: [unclosed\n", "g.yml", "en")
    assert len(glossary.problems) == 1 and glossary.problems[0].line == 3 and glossary.problems[0].is_error


def test_abbreviations_are_added_for_whole_words_a_page_uses_only():
    abbreviations = {"AI": "Artificial intelligence", "ROAS": "Return on ad spend"}
    assert abbreviation_markdown(abbreviations, "We use AI daily, and MAIL.") == "\n\n*[AI]: Artificial intelligence\n"
    assert abbreviation_markdown(abbreviations, "Nothing here: EMAIL, FAIR.") == ""


def test_the_glossary_page_is_in_the_sites_language():
    glossary = load_glossary("LLM:\n  en: Large language model\n  fr: Grand modèle de langage\n", "g.yml", "fr")
    text = page_markdown(glossary, "fr", Translator("fr"))
    assert text.startswith("# Glossaire\n") and "LLM\n:   Grand modèle de langage\n" in text


def render(text: str, **settings) -> str:
    return markdown.markdown(text, extensions=["abbr", "attr_list", RichMarkupExtension(**settings)])


def test_images_load_lazily_and_link_to_their_full_size_file():
    assert render("![A chart](chart.png)") == (
        '<p><a class="smartshare-image-link" href="chart.png" title="Open the full-size image">'
        '<img alt="A chart" loading="lazy" src="chart.png" /></a></p>'
    )
    assert 'title="Ouvrir l’image en taille réelle"' in render("![A chart](chart.png)", language="fr")


def test_images_already_in_a_link_and_remote_images_are_not_wrapped():
    assert render("[![A chart](chart.png)](report.md)") == (
        '<p><a href="report.md"><img alt="A chart" loading="lazy" src="chart.png" /></a></p>'
    )
    assert "smartshare-image-link" not in render("![Logo](https://example.com/logo.png)")
    assert render("![A chart](chart.png)", image_links=False) == '<p><img alt="A chart" src="chart.png" /></p>'


def test_abbreviations_can_be_reached_with_the_keyboard():
    assert render("An LLM.\n\n*[LLM]: Large language model") == (
        '<p>An <abbr tabindex="0" title="Large language model">LLM</abbr>.</p>'
    )


def test_video_track_and_poster_addresses_are_read_relative_to_the_markdown_file():
    urls = {"ai/demo.webm": "ai/demo.webm", "ai/demo.vtt": "ai/demo.vtt", "shared/p.png": "shared/p.png"}
    html = '<video src="demo.webm" poster="../shared/p.png"><track src="demo.vtt"><track src="missing.vtt"></video>'
    assert relink_media(html, "ai/chatbots.md", "ai/chatbots/", urls.get) == (
        '<video src="../demo.webm" poster="../../shared/p.png"><track src="../demo.vtt"><track src="missing.vtt"></video>'
    )
    assert relink_media(html, "ai/chatbots.md", "ai/chatbots.html", urls.get).startswith('<video src="demo.webm"')


def test_a_language_site_reads_its_own_glossary_file_first(tmp_path):
    """`glossary.fr.yml` gives the French site its meanings; glossary.yml's `fr:` and shared meanings come next;
    a term with neither shows the default language's meaning, listed in one notice."""
    (tmp_path / "glossary.yml").write_text(
        "CPA:\n  en: Cost per acquisition\n  fr: Coût par acquisition (glossary.yml)\n"
        "KPI: Key performance indicator\n"
        "ROAS:\n  en: Return on ad spend\n"
        "UTM:\n  en: Urchin Tracking Module\n",
        encoding="utf-8",
    )
    (tmp_path / "glossary.fr.yml").write_text(
        "CPA: Coût par acquisition (glossary.fr.yml)\nRGPD: Règlement général sur la protection des données\n",
        encoding="utf-8",
    )
    glossary = site_glossary(str(tmp_path), "glossary.yml", "fr", "en")
    assert glossary.abbreviations("fr") == {
        "CPA": "Coût par acquisition (glossary.fr.yml)",
        "KPI": "Key performance indicator",
        "RGPD": "Règlement général sur la protection des données",
        "ROAS": "Return on ad spend",
        "UTM": "Urchin Tracking Module",
    }
    assert [p.format() for p in glossary.problems] == [
        "glossary.yml:1:1: info [glossary-untranslated] 2 terms have no meaning in 'fr' (ROAS, UTM): the fr site "
        "shows the 'en' one — add them to glossary.fr.yml (`TERM: meaning`) or `fr: …` under each term here"
    ]
    # the default language's site reads glossary.yml alone, as a one-language site does
    english = site_glossary(str(tmp_path), "glossary.yml", "en", "en")
    assert english.abbreviations("en")["CPA"] == "Cost per acquisition" and "RGPD" not in english.abbreviations("en")
    assert check_language_glossaries(str(tmp_path), ("en", "fr")) == glossary.problems


def test_a_language_glossary_file_s_mistakes_are_reported_at_their_line(tmp_path):
    (tmp_path / "glossary.yml").write_text("LLM:\n  en: Large language model\n", encoding="utf-8")
    (tmp_path / "glossary.zh.yml").write_text("LLM: 大语言模型\nRAG:\n", encoding="utf-8")
    assert [p.format() for p in check_language_glossaries(str(tmp_path), ("en", "zh"))] == [
        "glossary.zh.yml:2:5: error [glossary] 'RAG' has no meaning — write `TERM: meaning`, or one meaning per "
        "language (`en: …`, `fr: …`) under the term"
    ]


def test_a_page_without_images_or_abbreviations_is_left_as_it_is_without_translating(monkeypatch):
    def no_translation(language):
        raise AssertionError("the tooltip is translated only for a page with an image or an abbreviation")

    monkeypatch.setattr("smartshare.rich.markup.Translator", no_translation)
    assert render("Text with **no** image.\n\n- a [link](page.md)\n") == (
        '<p>Text with <strong>no</strong> image.</p>\n<ul>\n<li>a <a href="page.md">link</a></li>\n</ul>'
    )


def test_an_image_or_an_abbreviation_deep_in_the_page_is_still_found():
    nested = render("- item\n    - ![A chart](chart.png)\n")
    assert '<a class="smartshare-image-link" href="chart.png"' in nested and 'loading="lazy"' in nested
    table = markdown.markdown(
        "| A |\n|---|\n| An LLM |\n\n*[LLM]: Large language model", extensions=["abbr", "tables", RichMarkupExtension()]
    )
    assert '<td>An <abbr tabindex="0" title="Large language model">LLM</abbr></td>' in table
