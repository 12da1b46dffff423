"""A module shows when its file last changed in git, beside its review date; no git, no date, no error."""

import os
import subprocess

import pytest

from sitebuilder import basic_tree, build_site, module, write_site

CONFIG = {"plugins": ["search", "smartshare/curriculum", "smartshare/intranet"]}


def git(root, *args, date=None):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Mentor",
        "GIT_AUTHOR_EMAIL": "m@example.com",
        "GIT_COMMITTER_NAME": "Mentor",
        "GIT_COMMITTER_EMAIL": "m@example.com",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """Two commits: everything in March, then only chatbots.md changed in June."""
    root = tmp_path_factory.mktemp("repo")
    write_site(root, basic_tree(), config=CONFIG)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "curricula", "mkdocs.yml")
    git(root, "commit", "-q", "-m", "first", date="2026-03-02T10:00:00+01:00")
    (root / "curricula/ai/chatbots.md").write_text(module("Chatbots") + "\nMore.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "second", date="2026-06-15T23:30:00+02:00")
    return root


def rebuild(root, env=None):
    return build_site(
        root, {}, config={**CONFIG, "site_url": "https://intranet.example.com/learning/"}, strict=True, env=env
    )


def changed(build, page):
    html = build.html(page)
    return html.split('class="smartshare-changed">', 1)[1].split("</p>", 1)[0] if "smartshare-changed" in html else None


def test_module_pages_show_the_date_of_their_last_commit(repository):
    build = rebuild(repository)
    assert build.returncode == 0, build.output
    # the committer's own date, not shifted to UTC
    assert changed(build, "ai/chatbots/") == 'Last changed on <time datetime="2026-06-15">2026-06-15</time>'
    assert changed(build, "ai/machine-learning/") == 'Last changed on <time datetime="2026-03-02">2026-03-02</time>'
    footer = build.html("ai/chatbots/").split('class="smartshare-reviewed"', 1)[1]
    assert "smartshare-changed" in footer.split("</footer>", 1)[0]


def test_without_source_date_epoch_the_build_date_is_the_last_commit(repository):
    build = rebuild(repository, env={"SOURCE_DATE_EPOCH": ""})
    assert build.returncode == 0, build.output
    # 2026-06-15T23:30+02:00 is 21:30 UTC on the same day
    assert "<lastmod>2026-06-15</lastmod>" in (build.site / "sitemap.xml").read_text()


def test_a_shallow_clone_shows_no_date_and_no_error(repository, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(clone)], check=True, capture_output=True
    )
    build = rebuild(clone)
    assert build.returncode == 0, build.output
    assert changed(build, "ai/chatbots/") is None


def test_outside_a_repository_no_date_is_shown(tmp_path):
    build = build_site(tmp_path, basic_tree(), config=CONFIG, strict=True)
    assert build.returncode == 0, build.output
    assert changed(build, "ai/chatbots/") is None
    assert "Content last reviewed on" in build.html("ai/chatbots/")


def test_french_sites_say_it_in_french(repository, tmp_path):
    build = build_site(
        repository, {}, config={**CONFIG, "theme": {"name": "material", "font": False, "language": "fr"}}
    )
    assert changed(build, "ai/chatbots/").startswith("Dernière modification le")


def test_feedback_links_carry_the_commit_the_site_was_built_from(repository, tmp_path):
    from smartshare.intranet.gitdates import head_commit

    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repository, capture_output=True, text=True).stdout.strip()
    assert head_commit(repository) == commit and len(commit) == 40
    assert head_commit(tmp_path) == ""  # outside git: unknown, so `{build}` stays empty
    plugins = [*CONFIG["plugins"], {"smartshare/feedback": {"channel": "https://f.example.com/?b={build}&l={lang}"}}]
    build = build_site(repository, {}, config={"plugins": plugins})
    assert build.returncode == 0, build.output
    assert f'href="https://f.example.com/?b={commit}&amp;l=en"' in build.html("ai/chatbots/")
