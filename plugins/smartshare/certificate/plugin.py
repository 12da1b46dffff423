"""`smartshare/certificate`: add the certificate block to track pages and its script and style to the site."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .. import priorities
from ..plugin_support import (
    LateHtml,
    add_asset_files,
    add_script,
    add_stylesheet,
    add_theme_dir,
    require_curriculum,
    site_translator,
    template_env,
)
from .config import CertificateConfig
from .render import certificate_html

HERE = os.path.dirname(__file__)
ASSETS = ("certificate.css", "certificate.js")


class CertificatePlugin(BasePlugin[CertificateConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        if not self.config.enabled:
            return
        self.surface = require_curriculum(config, needed_by="smartshare/certificate")
        if "smartshare/quiz" not in config.plugins:
            raise PluginError(
                "smartshare/certificate needs the smartshare/quiz plugin: add it to 'plugins' in mkdocs.yml"
            )
        self.t = site_translator(config)
        self.env = None  # made on the first track page, once the theme's folders are final
        self.late = LateHtml("certificate")  # out of the search index: it is the same on every track page
        add_theme_dir(config, os.path.join(HERE, "templates"))
        add_stylesheet(config, "certificate.css")
        add_script(config, "certificate.js")

    def on_files(self, files, config):
        if self.config.enabled:
            add_asset_files(files, config, os.path.join(HERE, "assets"), ASSETS)
        return files

    # After the curriculum plugin (50) has written the track page: the certificate closes it.
    @event_priority(priorities.CERTIFICATE)
    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        curriculum = self.surface.curriculum
        track = curriculum.track_by_index_uri(page.file.src_uri)
        if not track:
            return html
        modules = []
        for module in curriculum.modules_of(track):
            file = files.get_file_from_path(module.src_uri)
            if file is not None:
                modules.append((module, file.url))
        if self.env is None:
            self.env = template_env(config)
        return html + self.late.hold(certificate_html(self.env, track, modules, self.t, config.site_name))

    def on_post_page(self, output, page, config):
        # Only a track page can hold a certificate's marker: no other page shows a track page's content (a sheet
        # shows its module's, taken before any plugin held anything), so the other pages are not searched for one.
        if self.config.enabled and self.surface.curriculum.track_by_index_uri(page.file.src_uri):
            return self.late.release(output)
        return output
