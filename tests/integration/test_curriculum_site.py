"""Whole-site builds of small curricula: what a learner finds in the HTML, and what a mentor sees in the log."""

import hashlib
import json
import re

import pytest

from sitebuilder import basic_tree, build_site, module

MARKETING_TRACK = (
    "title: Digital marketing\nsummary: Reach customers online.\norder: 5\nmodules: [inbound, social-ads]\n"
)


def two_track_tree():
    tree = basic_tree()
    tree["ai/track.yml"] = tree["ai/track.yml"] + "order: 10\n"
    tree["marketing/track.yml"] = MARKETING_TRACK
    tree["marketing/inbound.md"] = module(
        "Inbound marketing", duration="45min", level="intermediate", tags=["marketing"]
    )
    tree["marketing/social-ads.md"] = module(
        "Social ads", mentors=["leo-martin", "amina-diallo"], tags=["marketing", "ads"]
    )
    return tree


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("site"), two_track_tree(), strict=True)
    assert build.returncode == 0, build.output
    return build


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def nav_titles(html: str) -> list[str]:
    nav = html[html.index("md-nav--primary") :]
    nav = nav[: nav.index("</nav>\n</div>") if "</nav>\n</div>" in nav else len(nav)]
    return [t.strip() for t in re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)]


def test_strict_build_of_a_valid_curriculum_is_silent(site):
    assert site.warnings == []


def test_navigation_follows_track_order_and_shows_only_the_current_track(site):
    titles = nav_titles(site.html("marketing/inbound/"))
    assert titles[:5] == ["Catalogue", "Digital marketing", "Digital marketing", "Inbound marketing", "Social ads"]
    assert "AI for managers" in titles and "Chatbots" not in titles
    assert titles[-2:] == ["Mentors", "Tags"]
    assert "Field reference" not in titles  # for mentors and maintainers: not in the learners' navigation
    assert "Chatbots" not in nav_titles(site.html(""))


def test_catalogue_lists_tracks_with_duration_and_levels(site):
    page = text_of(site.html(""))
    assert page.index("Digital marketing") < page.index("AI for managers")
    assert "Reach customers online. Modules 2 Total duration 1 h 45 Levels Beginner, Intermediate" in page


def test_track_page_has_ordered_cards_and_objectives(site):
    html = site.html("ai/")
    cards = re.findall(r'data-smartshare-page="([^"]+)"', html)
    assert cards == ["ai/chatbots/", "ai/machine-learning/"]
    page = text_of(html)
    assert "What you will be able to do Choose an AI use case" in page
    assert (
        "Machine learning What machine learning can do for your team. Duration 1 h Level Beginner Mentors Léo Martin"
        in page
    )


def test_module_header_and_footer(site):
    html = site.html("ai/machine-learning/")
    page = text_of(html)
    assert "Track Module 2 of 2 in AI for managers Level Beginner Duration 1 h Mentors Léo Martin" in page
    assert "Objectives Name three tasks a chatbot handles well" in page
    assert "Before this module: Chatbots" in page and '<a href="../chatbots/">Chatbots</a>' in html
    assert '<a href="../../mentors/leo-martin/">Léo Martin</a>' in html
    assert '<a class="smartshare-pager__link smartshare-pager__link--previous" href="../chatbots/" rel="prev">' in html
    assert 'Content last reviewed on <time datetime="2026-09-01">2026-09-01</time>' in html


def test_mentor_and_tag_pages(site):
    mentor = text_of(site.html("mentors/leo-martin/"))
    assert "Internal expert, data team" in mentor
    assert mentor.index("Social ads") < mentor.index("Machine learning")  # catalogue order: marketing first
    assert "Amina Diallo" in text_of(site.html("mentors/"))
    assert 'href="mailto:amina.diallo@example.com"' in site.html("mentors/amina-diallo/")
    tag = site.html("tags/marketing/")
    assert re.findall(r'data-smartshare-page="([^"]+)"', tag) == ["marketing/inbound/", "marketing/social-ads/"]
    assert "ads (1)" in text_of(site.html("tags/"))


def test_field_reference_documents_every_schema_field(site):
    from smartshare.core.schema import MENTOR, MODULE, TRACK

    page = site.html("reference/fields/")
    for schema in (MODULE, TRACK, MENTOR):
        for field in schema.fields:
            assert f"<code>{field.name}</code>" in page, field.name
    assert "one of beginner, intermediate, advanced" in page


def test_the_field_reference_is_for_mentors_out_of_learner_search(site):
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert "ai/chatbots/" in locations
    assert not [location for location in locations if location.startswith("reference/")]
    assert "Field reference" not in nav_titles(site.html("ai/chatbots/"))


def test_yaml_files_are_not_published(site):
    assert not (site.site / "mentors.yml").exists()
    assert not (site.site / "ai" / "track.yml").exists()


def test_search_finds_modules_by_title_summary_objectives_tags_and_mentors(site):
    index = json.loads((site.site / "search" / "search_index.json").read_text())
    module_text = " ".join(
        " ".join([d["title"], d["text"], *d.get("tags", [])])
        for d in index["docs"]
        if d["location"].startswith("marketing/social-ads/")
    )
    for needle in (
        "Social ads",
        "What social ads can do for your team.",
        "Name three tasks",
        "ads",
        "Léo Martin",
        "Amina Diallo",
    ):
        assert needle in module_text, needle


def test_generated_pages_edit_their_yaml(tmp_path):
    theme = {"name": "material", "font": False, "features": ["content.action.edit"]}
    config = {"repo_url": "https://git.example.com/x/y", "edit_uri": "edit/main/curricula/", "theme": theme}
    build = build_site(tmp_path, basic_tree(), config=config)
    assert 'href="https://git.example.com/x/y/edit/main/curricula/ai/track.yml"' in build.html("ai/")
    assert 'href="https://git.example.com/x/y/edit/main/curricula/mentors.yml"' in build.html("mentors/leo-martin/")
    assert 'href="https://git.example.com/x/y/edit/main/curricula/ai/chatbots.md"' in build.html("ai/chatbots/")


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    """The basic curriculum on a site whose theme speaks French."""
    config = {"theme": {"name": "material", "font": False, "language": "fr"}}
    return build_site(tmp_path_factory.mktemp("french"), basic_tree(), config=config)


def test_french_interface(french):
    build = french
    page = text_of(build.html("ai/machine-learning/"))
    assert "Niveau Débutant" in page
    assert "Objectifs" in page and "Précédent" in page and "Contenu relu le 2026-09-01" in page
    assert "Module 2 sur 2 du parcours AI for managers" in page
    assert "Référence des champs" in text_of(build.html("reference/fields/"))


def test_chinese_interface_writes_durations_and_dates_the_chinese_way(tmp_path):
    tree = basic_tree()
    tree["ai/machine-learning.md"] = module("Machine learning", duration="1h30", prerequisites=["chatbots"])
    build = build_site(tmp_path, tree, config={"theme": {"name": "material", "font": False, "language": "zh"}})
    assert build.returncode == 0, build.output
    html = build.html("ai/machine-learning/")
    assert '<html lang="zh"' in html
    page = text_of(html)
    assert "难度 入门" in page and "学习目标" in page and "上一个" in page
    assert "1 小时 30 分钟" in page
    assert '内容最近审阅于 <time datetime="2026-09-01">2026年9月1日</time>' in html
    assert "AI for managers 的第 2 个模块（共 2 个）" in page


def test_drafts_are_left_out_of_the_site(tmp_path):
    tree = basic_tree()
    tree["ai/machine-learning.md"] = module("Machine learning", status="draft")
    build = build_site(tmp_path, tree, strict=True)
    assert build.returncode == 0, build.output
    assert not (build.site / "ai" / "machine-learning").exists()
    assert "Machine learning" not in build.html("ai/")


def test_drafts_included_for_a_preview_are_marked(tmp_path):
    tree = basic_tree()
    tree["ai/machine-learning.md"] = module("Machine learning", status="draft")
    config = {"plugins": ["search", {"smartshare/curriculum": {"include_drafts": True}}]}
    build = build_site(tmp_path, tree, config=config)
    assert "This module is a draft: it is not part of the published site." in text_of(
        build.html("ai/machine-learning/")
    )
    assert "smartshare-card--draft" in build.html("ai/")


def test_errors_fail_the_build_with_every_line_and_no_traceback(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    tree = basic_tree()
    tree["ai/chatbots.md"] = module(mentors=["amina-dialo"])
    tree["ai/machine-learning.md"] = module("Machine learning", duration="soon", unknown="x")
    sources = {path: hashlib.sha256(text.encode()).hexdigest() for path, text in tree.items()}
    build = build_site(tmp_path, tree)
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert build.warnings == [
        "ERROR   -  smartshare: curricula/ai/chatbots.md:5:3: error [unknown-mentor] unknown mentor 'amina-dialo' — did you mean 'amina-diallo'?",
        "ERROR   -  smartshare: curricula/ai/machine-learning.md:7:11: error [bad-duration] 'soon' is not a duration"
        ' — write minutes (90) or hours and minutes ("1h30", "45min")',
        "WARNING -  smartshare: curricula/ai/machine-learning.md:13:1: warning [unknown-key] unknown field 'unknown'"
        " — known fields: title, summary, mentors, audience, level, duration, objectives, prerequisites, tags, reviewed, status, lang, feedback, session",
        "ERROR   -  curriculum: 2 errors, 1 warning; nothing was built. Fix the lines above.",
    ]
    assert (site / "index.html").read_text() == "previous site"  # the last good site is untouched
    for path, digest in sources.items():
        assert hashlib.sha256((tmp_path / "curricula" / path).read_bytes()).hexdigest() == digest


def test_warnings_fail_a_strict_build(tmp_path):
    tree = basic_tree()
    tree["ai/orphan.md"] = module("Orphan")
    build = build_site(tmp_path, tree, strict=True)
    assert build.returncode == 1
    assert (
        "WARNING -  smartshare: curricula/ai/orphan.md:1:1: warning [not-in-track] module is in no track"
        in build.output
    )
    assert "Aborted with 1 warnings in strict mode!" in build.output


def test_navigation_of_a_long_track_stays_small(tmp_path):
    tree = basic_tree()
    slugs = [f"m{i:02d}" for i in range(30)]
    tree["ai/track.yml"] = "title: AI\nsummary: S.\nmodules: [" + ", ".join(slugs) + "]\n"
    del tree["ai/chatbots.md"], tree["ai/machine-learning.md"]
    for slug in slugs:
        tree[f"ai/{slug}.md"] = module(f"Module {slug}")
    build = build_site(tmp_path, tree)
    titles = nav_titles(build.html("ai/m15/"))
    assert [t for t in titles if t.startswith("Module")] == [f"Module m{i:02d}" for i in range(11, 20)]
    assert len(build.html("ai/m15/")) - len(build.html("ai/m00/")) < 2000


def test_the_field_reference_speaks_the_sites_language(french):
    page = text_of(french.html("reference/fields/"))
    assert "En-tête d’un module" in page and "Parcours ( track.yml )" in page
    assert "Une phrase qui dit ce que l’apprenant y gagne" in page
    assert "l’un de beginner, intermediate, advanced" in page and "liste de texte" in page
    assert "Module front matter" not in page and "Who it is for" not in page


def test_a_long_list_of_tracks_shows_a_window_and_a_link_to_every_track(tmp_path):
    """At 600 tracks, listing every track on every page was the navigation's largest cost: a page shows the tracks
    around its own (the first ones elsewhere) and a link to the catalogue's list of every track."""
    tree = {"mentors.yml": basic_tree()["mentors.yml"]}
    for i in range(12):
        tree[f"t{i:02d}/track.yml"] = f"title: Track {i:02d}\nsummary: S.\norder: {i}\nmodules: [m{i:02d}]\n"
        tree[f"t{i:02d}/m{i:02d}.md"] = module(f"Module {i:02d}")
    build = build_site(tmp_path, tree, config={"plugins": ["search", {"smartshare/curriculum": {"nav_window": 1}}]})
    assert build.returncode == 0, build.output

    def tracks_listed(page: str) -> list[str]:
        return [t for t in nav_titles(build.html(page)) if t.startswith(("Track", "All"))]

    # the open track once as its section's title, once as its landing page
    assert tracks_listed("t06/m06/") == ["Track 05", "Track 06", "Track 06", "Track 07", "All 12 tracks"]
    assert tracks_listed("t11/") == ["Track 09", "Track 10", "Track 11", "Track 11", "All 12 tracks"]
    assert tracks_listed("mentors/") == ["Track 00", "Track 01", "Track 02", "All 12 tracks"]
    # a plain link, reachable by keyboard, to the catalogue's heading of every track, relative like every link
    html = build.html("t06/m06/")
    assert re.search(
        r'<a href="\.\./\.\./#tracks" class="md-nav__link">\s*<span class="md-ellipsis">\s*All 12 tracks', html
    )
    catalogue = build.html("")
    assert '<h2 id="tracks">' in catalogue
    assert all(f'href="t{i:02d}/"' in catalogue for i in range(12))


def test_a_curriculum_that_fits_in_the_window_lists_every_track_and_no_extra_link(site):
    titles = nav_titles(site.html("ai/chatbots/"))
    assert "Digital marketing" in titles and not any(t.startswith("All ") for t in titles[:-2])
