"""Language sites in Chromium: the root sends readers to their language, the switcher keeps them on the same module,
Chinese search finds a word inside a sentence. One build for the module (axe: test_accessibility.py)."""

import pytest
from harness import REPO, serve_site
from playwright.sync_api import expect

from sitebuilder import basic_tree, build_site

pytestmark = pytest.mark.browser

FRENCH = """\
---
title: Les agents conversationnels
summary: Ce que les agents conversationnels font pour votre équipe.
objectives: [Citer trois tâches]
translated_from: abc1234
---

Un paragraphe rédigé en français.
"""

CHINESE = """\
---
title: 聊天机器人
summary: 聊天机器人能为您的团队做什么。
objectives: [说出三项任务]
translated_from: abc1234
---

我们今天学习如何使用聊天机器人回答员工的问题。
"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("languages-browser")
    (root / "site").mkdir()
    files = basic_tree()
    files["ai/chatbots.fr.md"] = FRENCH
    files["ai/chatbots.zh.md"] = CHINESE
    # the example's theme folder and colours (a teal dark enough for white text, a readable footer), so axe judges
    # our pages, not the theme's defaults
    palette = {"scheme": "default", "primary": "custom", "accent": "custom"}
    with serve_site(root / "site", unchanging=True) as url:  # built before any page asks, never again
        config = {
            "site_url": url,
            "theme": {
                "name": "material",
                "font": False,
                "language": "en",
                "features": ["navigation.instant"],
                "palette": palette,
                "custom_dir": str(REPO / "theme"),
            },
            "extra_css": ["assets/stylesheets/site.css"],
            "plugins": ["search", {"smartshare/curriculum": {"languages": ["en", "fr", "zh"]}}],
        }
        build = build_site(root, files, config=config)
        assert build.returncode == 0, build.output
        yield url


@pytest.mark.parametrize(("locale", "expected"), [("fr-FR", "fr/"), ("zh-CN", "zh/"), ("de-DE", "en/")])
def test_the_root_sends_the_reader_to_their_browsers_language(new_page, site_url, locale, expected):
    page = new_page(locale=locale, search=False)
    page.goto(site_url)
    page.wait_for_url(site_url + expected)
    assert page.evaluate("document.documentElement.lang") == expected[:-1]


def test_without_javascript_the_root_lists_every_language(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url)
    assert page.locator("main a").all_inner_texts() == ["English", "Français", "中文"]


def test_the_language_switcher_keeps_the_reader_on_the_same_module(new_page, site_url):
    page = new_page(search=False)
    page.goto(site_url + "fr/ai/chatbots/")
    page.locator("header .md-select button").hover()
    page.locator('a.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(site_url + "zh/ai/chatbots/")
    assert "聊天机器人" in page.locator("article h1").inner_text()


def test_chinese_search_finds_a_two_character_word_inside_a_sentence(new_page, site_url):
    page = new_page()
    page.goto(site_url + "zh/")
    # the theme's search worker is ready for a query (its "type to start searching" in Chinese): keys typed earlier
    # may be dropped
    expect(page.locator(".md-search-result__meta")).to_have_text("键入以开始搜索", timeout=15000)
    page.locator("input.md-search__input").click()
    page.keyboard.type("员工")  # inserted as text, without key events, as an input method does
    page.keyboard.press("End")  # the theme searches on a key release
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    found = results.first.inner_text().replace("\u200b", "")  # the zero-width spaces jieba's segmentation added
    assert "聊天机器人" in found and "回答员工的问题" in found


# axe: the example's English, French and Chinese module pages and its French page not yet translated are scanned with
# every other page type (test_accessibility.py, `walk`), with the same theme and palette as this site's
