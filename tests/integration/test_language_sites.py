"""One site per language: built once for the module, then each language's pages, search index, sitemap and 404."""

import gzip
import json
import os
import subprocess

import pytest

from sitebuilder import basic_tree, build_site, run_docs_tool, write_tree

CONFIG = {
    "site_url": "https://learning.example.com/",
    "plugins": ["search", {"smartshare/curriculum": {"languages": ["en", "fr", "zh"]}}],
}

FRENCH = """\
---
title: Les agents conversationnels
summary: Ce que les agents conversationnels font pour votre équipe.
objectives: [Citer trois tâches]
translated_from: {commit}
---

Un paragraphe entièrement rédigé en français, sans mot anglais.
"""

CHINESE = """\
---
title: 聊天机器人
summary: 聊天机器人能为您的团队做什么。
objectives: [说出三项任务]
translated_from: {commit}
---

我们今天学习如何使用聊天机器人回答员工的问题。
"""


def git(root, *args):
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-20T10:00:00", "GIT_COMMITTER_DATE": "2026-11-20T10:00:00"}
    run = ["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args]
    return subprocess.run(run, cwd=root, env=env, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Sources committed, translated from that commit; then the Chinese source's module changes (stale in zh)."""
    root = tmp_path_factory.mktemp("languages")
    files = basic_tree()
    files["index.md"] = "# Welcome\n\nThe English home page.\n"
    write_tree(root / "curricula", files)
    git(root, "init", "-q")
    git(root, "add", "curricula")
    git(root, "commit", "-q", "-m", "sources")
    first = git(root, "rev-parse", "--short", "HEAD")
    files["ai/chatbots.fr.md"] = FRENCH.format(commit=first)
    files["ai/chatbots.zh.md"] = CHINESE.format(commit=first)
    files["ai/track.fr.yml"] = "title: L'IA pour les managers\nsummary: Utiliser l'IA avec discernement.\n"
    files["index.fr.md"] = f"---\ntranslated_from: {first}\n---\n\n# Bienvenue\n\nLa page d'accueil en français.\n"
    files["ai/chatbots.md"] = files["ai/chatbots.md"] + "\nA new paragraph.\n"
    write_tree(root / "curricula", files)
    git(root, "add", "curricula")
    git(root, "commit", "-q", "-m", "translations, and a change of the source")
    build = build_site(root, files, config=CONFIG, strict=True)  # stale translations are notices: strict passes
    assert build.returncode == 0, build.output
    # a notice, at the log's info level: not a warning, so --strict passes
    assert "INFO    -  smartshare: curricula/ai/chatbots.fr.md:5:18: info [stale-translation]" in build.output
    return root / "site"


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_each_language_has_its_own_site_with_its_html_lang(site):
    for code in ("en", "fr", "zh"):
        assert f'<html lang="{code}"' in read(site, f"{code}/index.html")
        assert (site / code / "404.html").is_file()
        assert (site / code / "search" / "search_index.json").is_file()
    # servers that serve the root's 404 page for any missing address get the default language's
    assert read(site, "404.html") == read(site, "en/404.html")


def test_translations_are_never_pages_of_their_own(site):
    assert not (site / "en" / "ai" / "chatbots.fr").exists()
    assert not (site / "fr" / "ai" / "chatbots.fr").exists()
    assert not list(site.rglob("track.fr.yml"))


def test_a_translated_module_shows_its_translation_under_the_same_address(site):
    page = read(site, "fr/ai/chatbots/index.html")
    assert "Un paragraphe entièrement rédigé en français" in page
    assert "Les agents conversationnels" in page
    assert "English home page" not in read(site, "fr/index.html")


def test_an_untranslated_module_is_shown_in_the_default_language_clearly_marked(site):
    page = read(site, "fr/ai/machine-learning/index.html")
    assert "Pas encore traduit en français — affiché en anglais." in page
    assert '<div lang="en">' in page


def test_generated_pages_use_the_languages_strings_and_translated_track_text(site):
    track = read(site, "fr/ai/index.html")
    assert "L&#39;IA pour les managers" in track or "L'IA pour les managers" in track
    assert "Les agents conversationnels" in track


def test_every_page_names_its_other_languages_with_hreflang_in_the_sitemap(site):
    sitemap = read(site, "fr/sitemap.xml")
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in sitemap
    entry = sitemap[sitemap.index("<loc>https://learning.example.com/fr/ai/chatbots/</loc>") :]
    entry = entry[: entry.index("</url>")]
    for code in ("en", "fr", "zh"):
        link = (
            f'<xhtml:link rel="alternate" hreflang="{code}" href="https://learning.example.com/{code}/ai/chatbots/"/>'
        )
        assert link in entry
    assert gzip.decompress((site / "fr" / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    page = read(site, "fr/ai/chatbots/index.html")
    # no <link rel="alternate"> in the head: the theme would fetch a sitemap.xml next to each (a failed request)
    assert '<link rel="alternate"' not in page
    # the language selector leads to the same module in the other language
    assert '<a href="../../../zh/ai/chatbots/" hreflang="zh" class="md-select__link">' in page


def test_each_search_index_holds_its_own_language_only(site):
    french = json.loads(read(site, "fr/search/search_index.json"))
    english = json.loads(read(site, "en/search/search_index.json"))
    french_text = " ".join(doc["text"] for doc in french["docs"])
    english_text = " ".join(doc["text"] for doc in english["docs"])
    assert "entièrement rédigé en français" in french_text
    assert "Some" not in french_text  # the untranslated module, shown in English, is not in the French index
    assert "entièrement" not in english_text
    assert french["config"]["lang"] == ["fr"]


def test_each_language_has_its_sitemap_and_the_root_an_index_of_them(site):
    assert "https://learning.example.com/fr/ai/chatbots/" in read(site, "fr/sitemap.xml")
    root = read(site, "sitemap.xml")
    assert "<sitemapindex" in root and "https://learning.example.com/zh/sitemap.xml" in root


def test_the_root_page_lists_every_language_without_javascript(site):
    root = read(site, "index.html")
    for code in ("en", "fr", "zh"):
        assert f'<a href="{code}/" hreflang="{code}"' in root
    assert "navigator.languages" in root


def test_the_chinese_search_index_is_segmented_into_words(site):
    chinese = json.loads(read(site, "zh/search/search_index.json"))
    text = " ".join(doc["text"] for doc in chinese["docs"])
    words = {word for word in text.replace(" ", "\u200b").split("\u200b") if word}
    assert "员工" in words  # a two-character word of an unsegmented sentence, found as a word of its own
    # Material's Chinese search splits words at the zero-width spaces jieba's segmentation put between them
    assert "\\u200b" in chinese["config"]["separator"]


def test_a_translation_older_than_its_source_says_so_with_a_link_to_the_source(site):
    page = read(site, "fr/ai/chatbots/index.html")
    assert (
        'La version en anglais a été mise à jour le <time datetime="2026-11-20">20 novembre 2026</time> ; '
        "cette traduction n&#x27;est peut-être plus à jour."
    ) in page
    assert '<a href="../../../en/ai/chatbots/" hreflang="en" lang="en">Lire la version en anglais</a>' in page
    assert "mise à jour le" not in read(site, "fr/index.html")  # index.md did not change


def test_a_warning_of_another_language_s_build_fails_the_strict_build(tmp_path):
    """Each other language is built in a process of its own: its warnings reach the default build's log, marked with
    the language, and `--strict` fails on them as on the default language's own."""
    files = basic_tree()
    files["ai/chatbots.fr.md"] = FRENCH.format(commit="abc1234").replace(
        "sans mot anglais.", "sans mot anglais. Voir [la suite](nulle-part.md)."
    )
    build = build_site(tmp_path, files, config=CONFIG, strict=True)
    assert build.returncode != 0
    warnings = [line for line in build.output.splitlines() if line.startswith("WARNING")]
    assert warnings and all("[fr]" in line for line in warnings), build.output
    assert any("nulle-part.md" in line for line in warnings)


def test_a_language_built_in_a_fork_is_byte_identical_to_its_own_mkdocs_build(site, tmp_path):
    """`mkdocs build` forks the other languages' builds (imports done once); `mkdocs serve` runs each as its own
    `mkdocs build`, told its language by SMARTSHARE_SITE_LANGUAGE: both give the same files."""
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": "1790000000",  # the date of build_site's builds
        "NO_MKDOCS_2_WARNING": "1",
        "SMARTSHARE_SITE_LANGUAGE": "fr",
        "SMARTSHARE_SITE_ROOT_URL": CONFIG["site_url"],
    }
    returncode, output = run_docs_tool(site.parent, ["build", "--strict", "--site-dir", str(tmp_path / "fr")], env)
    assert returncode == 0, output
    forked, alone = site / "fr", tmp_path / "fr"
    files = sorted(p.relative_to(forked) for p in forked.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(alone) for p in alone.rglob("*") if p.is_file())
    assert [f for f in files if (forked / f).read_bytes() != (alone / f).read_bytes()] == []
