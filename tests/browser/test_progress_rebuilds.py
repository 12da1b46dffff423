"""Progress by module id: "Mark as done" on a module without a self-check, kept when the site is rebuilt with the
module renamed and moved within its track."""

from __future__ import annotations

import pytest
from harness import serve_site

from sitebuilder import TRACK, basic_tree, build_site, module

pytestmark = pytest.mark.browser


def test_mark_as_done_survives_a_rebuild_that_renames_and_moves_the_module(new_page, tmp_path):
    files = basic_tree()
    assert build_site(tmp_path, files).returncode == 0
    page = new_page()
    with serve_site(tmp_path / "site") as url:
        page.goto(url + "ai/machine-learning/")
        button = page.get_by_role("button", name="Mark as done")
        button.focus()
        page.keyboard.press("Enter")
        assert page.locator("[data-smartshare-progress-state]").inner_text() == "✓ Done"
        assert page.get_by_role("button", name="Mark as not done").get_attribute("aria-pressed") == "true"

        files["ai/track.yml"] = TRACK.replace(
            "  - chatbots\n  - machine-learning\n", "  - machine-learning\n  - chatbots\n"
        )
        files["ai/machine-learning.md"] = module("Learning machines")
        build = build_site(tmp_path, files)
        assert build.returncode == 0, build.output
        page.goto(url + "ai/")
        card = page.locator(".smartshare-card[data-smartshare-module='ai/machine-learning']")
        assert "Learning machines" in card.inner_text() and card.locator("[data-smartshare-done]").is_visible()
        assert page.locator(".smartshare-track [data-smartshare-track-progress]").inner_text() == "1 of 2 modules"
        page.goto(url + "my-learning/")
        row = page.locator(".smartshare-learning__table tbody tr")
        row.wait_for()
        assert "Learning machines" in row.inner_text() and "marked as done" in row.inner_text()
