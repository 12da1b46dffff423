"""The offline edition: what a site opened from `file://` needs, with nothing fetched from another host."""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig

from ..plugin_support import ASSET_PREFIX

SHIM = "iframe-worker.js"


def prepare(config: MkDocsConfig) -> None:
    """`.html` URLs (a browser shows a folder listing for `ai/chatbots/`), no instant navigation, our worker shim."""
    config.use_directory_urls = False
    # The theme's instant navigation gives up on file:// and completes `document$` before the page loads,
    # so no component (quizzes, feedback) would ever mount; full page loads are what file:// does anyway.
    features = config.theme.get("features") or []
    config.theme["features"] = [f for f in features if not f.startswith("navigation.instant")]
    polyfills = config.extra.setdefault("polyfills", [])
    shim = f"{ASSET_PREFIX}/{SHIM}"
    if shim not in polyfills:
        # polyfills are loaded in <head>, before the theme's bundle creates the search worker
        polyfills.append(shim)


def inline_search_index(site_dir: str) -> None:
    """The theme loads `search_index.js` with a script tag on file://, where it cannot fetch the JSON."""
    folder = os.path.join(site_dir, "search")
    source = os.path.join(folder, "search_index.json")
    if not os.path.isfile(source):
        return
    with open(source, encoding="utf-8") as f:
        data = f.read()
    with open(os.path.join(folder, "search_index.js"), "w", encoding="utf-8") as f:
        f.write(f"var __index = {data}")
