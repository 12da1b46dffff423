"""The feedback and mentor-view assets stay within their share of the page weight budget."""

import gzip
from pathlib import Path

import smartshare.feedback.plugin as plugin

ASSETS = Path(plugin.HERE) / "assets"


def test_feedback_and_mentor_view_assets_weigh_at_most_2_kb_gzipped():
    sizes = {name: len(gzip.compress((ASSETS / name).read_bytes(), 9)) for name in plugin.ASSETS}
    assert sum(sizes.values()) <= 2048, sizes


def test_every_packaged_asset_is_served():
    assert sorted(p.name for p in ASSETS.iterdir()) == sorted(plugin.ASSETS + plugin.MENTOR_ASSETS)
