"""`smartshare/xapi`: learning events (module viewed, question answered, self-check completed, rating given) sent
as xAPI statements to the organisation's Learning Record Store. Off until `endpoint` is set."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger

from ..plugin_support import add_asset_files, add_script, require_curriculum
from .config import XapiConfig
from .pagedata import PageData

log = get_plugin_logger(__name__)
HERE = os.path.dirname(__file__)
ASSETS = ("xapi.js",)


class XapiPlugin(BasePlugin[XapiConfig]):
    supports_multiple_instances = False

    def _on(self) -> bool:
        return self.config.enabled and bool(self.config.endpoint)

    def on_config(self, config):
        if not self._on():
            return
        if not config.site_url:
            # every activity id is under the site URL: without one, two sites' statements could not be told apart
            raise PluginError("smartshare/xapi needs 'site_url' in mkdocs.yml: activity ids are built from it")
        self.surface = require_curriculum(config, needed_by="smartshare/xapi")
        add_script(config, "xapi.js")
        host = urlsplit(self.config.endpoint).netloc
        if host != urlsplit(config.site_url).netloc:
            # said once per build: the LRS is the one other host pages contact (README, "Learning events (xAPI)")
            log.info(f"pages send learning events (xAPI) to {host}")

    def on_pre_build(self, config):
        self.data: PageData | None = None

    def _page_data(self, config) -> PageData:
        # made when the first page renders: the build commit is known by then (smartshare/intranet gives it to
        # the curriculum surface in on_files), one value for feedback links and learning events alike
        if self.data is None:
            self.data = PageData(
                self.config.endpoint,
                self.config.auth,
                self.config.actor,
                config.site_url,
                config.theme.get("language") or "en",
                self.surface.build_commit,
            )
        return self.data

    def on_files(self, files, config):
        if self._on():
            add_asset_files(files, config, os.path.join(HERE, "assets"), ASSETS)
        return files

    # any priority: the element is empty and hidden, so it changes nothing for search or the other plugins
    def on_page_content(self, html, page, config, files):
        if not self._on():
            return html
        return html + self._page_data(config).element(self.surface.module_for(page.file.src_uri), page.title or "")
