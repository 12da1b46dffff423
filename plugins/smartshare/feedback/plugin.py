"""`smartshare/feedback`: feedback links on module pages, `/// mentor` notes and the mentor view."""

from __future__ import annotations

import os
import re

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .. import priorities
from ..core.builddate import build_date
from ..plugin_support import (
    LateHtml,
    add_asset_files,
    add_script,
    add_stylesheet,
    add_theme_dir,
    relative_url,
    require_curriculum,
    site_translator,
    template_env,
)
from .config import FeedbackConfig
from .mentorblock import MENTOR_ONLY, MentorExtension
from .render import FeedbackRenderer

log = get_plugin_logger(__name__)
HERE = os.path.dirname(__file__)
ASSETS = ("feedback.css", "feedback.js", "mentor.js")
MENTOR_NOTE = re.compile(rf'<template\b[^>]*\b{MENTOR_ONLY}="note"[^>]*>.*?</template>', re.S)


class FeedbackPlugin(BasePlugin[FeedbackConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        # registered even when disabled: without it a `/// mentor` block would print its notes for learners
        label = site_translator(config)("feedback.mentor_note")
        config.markdown_extensions.append(MentorExtension(label=label))
        if not self.config.enabled:
            return
        self.surface = require_curriculum(config, needed_by="smartshare/feedback")
        add_theme_dir(config, os.path.join(HERE, "templates"))
        add_stylesheet(config, "feedback.css")
        add_script(config, "feedback.js")
        if self.config.mentor_view:
            add_script(config, "mentor.js")

    # After the curriculum plugin has read the curriculum and checked every page (mentor notes included).
    @event_priority(priorities.FEEDBACK_SETUP)
    def on_pre_build(self, config):
        if not self.config.enabled:
            return
        curriculum = self.surface.curriculum
        # mentor-only HTML and the feedback block join each page after search has read it (see LateHtml)
        self.late = LateHtml("feedback")
        self.renderer = FeedbackRenderer(
            template_env(config),
            site_translator(config),
            curriculum,
            self.config.channel,
            config.site_url or "",
            self.surface.review_max_age,
            build_date(),
        )

    def on_files(self, files, config):
        if self.config.enabled:
            add_asset_files(files, config, os.path.join(HERE, "assets"), ASSETS)
        return files

    @event_priority(priorities.FEEDBACK_BLOCK)
    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        uri = page.file.src_uri
        module = self.surface.module_for(uri)
        late = self.late.hold
        if module:
            top = ""
            if self.config.mentor_view:
                top = self.renderer.mentor_toggle() + self.renderer.mentor_kit(
                    module, html.count(f'{MENTOR_ONLY}="note"')
                )
            html = MENTOR_NOTE.sub(lambda note: late(note.group(0)), html)
            return late(top) + html + late(self.renderer.feedback_block(module, page.url, page.edit_url))
        track = self.surface.curriculum.track_by_index_uri(uri)
        if track and self.config.mentor_view:
            urls = self.surface.page_urls
            links = {src: relative_url(url, page.url) for src, url in urls.items()}
            return late(self.renderer.mentor_toggle()) + html + late(self.renderer.track_reviews(track, links))
        return html

    def on_post_page(self, output, page, config):
        return self.late.release(output) if self.config.enabled else output
