"""`smartshare/rich`: the Markdown extensions, diagrams, maths and glossary a course needs, working offline."""

from __future__ import annotations

import dataclasses
import os

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from .. import priorities
from ..core.problems import display_path
from ..plugin_support import (
    ASSET_PREFIX,
    add_asset_files,
    find_curriculum,
    relative_url,
    report,
    site_translator,
)
from . import glossary as glossaries
from .assets_index import VENDOR_FILES, loader_tag, needs
from .config import RichConfig
from .extensions import extensions, merge_settings
from .markup import RichMarkupExtension
from .media import relink_media

log = get_plugin_logger(__name__)
HERE = os.path.dirname(__file__)
THEME_FEATURES = ("content.code.copy", "content.tooltips")


class RichPlugin(BasePlugin[RichConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        if not self.config.enabled:
            return
        language = config.theme.get("language") or "en"
        self.t = site_translator(config)
        self.uses: dict[str, list[str]] = {}  # by page, what `_uses` found before parts were held back
        # added here, so an author cannot forget one; an extension the site lists keeps the site's settings
        for name, ours in extensions(diagrams=self.config.diagrams, maths=self.config.maths).items():
            theirs = config.mdx_configs.get(name) if name in config.markdown_extensions else None
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
            config.mdx_configs[name] = merge_settings(name, ours, theirs, diagrams=self.config.diagrams)
        config.markdown_extensions.append(RichMarkupExtension(language=language, image_links=self.config.image_links))
        if self.config.theme_features:
            features = config.theme.get("features") or []
            config.theme["features"] = features + [f for f in THEME_FEATURES if f not in features]
        self.glossary = self._load_glossary(config, language)
        self.abbreviations = self.glossary.abbreviations(language)

    def _load_glossary(self, config, language: str) -> glossaries.Glossary:
        # a language site reads glossary.<language>.yml too (the curriculum's languages, when it has several)
        surface = find_curriculum(config)
        default = surface.default_language if surface is not None else None
        glossary = glossaries.site_glossary(config.docs_dir, self.config.glossary, language, default)
        root = display_path(config.docs_dir)  # problems are named from the docs folder, shown from here
        report([dataclasses.replace(p, root=root) for p in glossary.problems], log, "glossary")
        return glossary

    # After the curriculum plugin (50) has removed its own YAML, before search (0) lists the pages.
    @event_priority(priorities.RICH_FILES)
    def on_files(self, files, config):
        if not self.config.enabled:
            return files
        source = files.get_file_from_path(self.config.glossary)
        if source is not None:
            files.remove(source)  # data for the pages, not a file of the site
        if self.glossary.terms and files.get_file_from_path(self.config.glossary_page) is None:
            content = glossaries.page_markdown(self.glossary, config.theme.get("language") or "en", self.t)
            page = File.generated(
                config, self.config.glossary_page, content=content, inclusion=InclusionLevel.NOT_IN_NAV
            )
            page.edit_uri = self.config.glossary  # "edit this page" opens the YAML it comes from
            files.append(page)
        add_asset_files(files, config, os.path.join(HERE, "assets"), VENDOR_FILES)
        return files

    # Late (after the curriculum and quiz plugins, which read the Markdown as written): appended at the end, the
    # abbreviation lines move no line of the author's text.
    @event_priority(priorities.RICH_ABBREVIATIONS)
    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled or not self.abbreviations:
            return markdown
        return markdown + glossaries.abbreviation_markdown(self.abbreviations, markdown)

    @event_priority(priorities.RICH_USES)
    def _uses(self, html, page, config, files):
        if self.config.enabled:
            self.uses[page.file.src_uri] = needs(html, diagrams=self.config.diagrams, maths=self.config.maths)
        return html

    # After the curriculum plugin (50) and before the intranet plugin's host check (-100), which looks for the
    # loader this adds: the script goes last in the content, where instant navigation waits for it.
    @event_priority(priorities.RICH_LOADER)
    def _loader(self, html, page, config, files):
        if not self.config.enabled:
            return html
        html = relink_media(html, page.file.src_uri, page.url, lambda uri: _url(files, uri))
        # what other plugins held back from search since `_uses` (answer keys) needs its libraries as much
        uses = tuple(self.uses.pop(page.file.src_uri, ()))
        provides = needs(html, diagrams=self.config.diagrams, maths=self.config.maths, also=uses)
        if not provides:
            return html
        return html + loader_tag(relative_url(ASSET_PREFIX, page.url) + "/", provides)

    on_page_content = CombinedEvent(_uses, _loader)


def _url(files, src_uri: str) -> str | None:
    file = files.get_file_from_path(src_uri)
    return file.url if file is not None else None
