"""`smartshare/feedback`: feedback links on module pages, `/// mentor` notes and the mentor view."""

from __future__ import annotations

import os
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from ..core.builddate import build_date
from ..plugin_support import (
    LateHtml,
    add_asset_files,
    add_script,
    add_stylesheet,
    add_theme_dir,
    relative_url,
    report,
    site_translator,
    template_env,
)
from .checks import curriculum_problems
from .config import FeedbackConfig
from .mentorblock import MENTOR_ONLY, MentorExtension
from .render import FeedbackRenderer

log = get_plugin_logger(__name__)
HERE = os.path.dirname(__file__)
ASSETS = ("feedback.css", "feedback.js", "mentor.js")
CURRICULUM = "smartshare/curriculum"
MENTOR_NOTE = re.compile(rf'<template\b[^>]*\b{MENTOR_ONLY}="note"[^>]*>.*?</template>', re.S)


class FeedbackPlugin(BasePlugin[FeedbackConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        # registered even when disabled: without it a `/// mentor` block would print its notes for learners
        label = site_translator(config)("feedback.mentor_note")
        config.markdown_extensions.append(MentorExtension(label=label))
        if not self.config.enabled:
            return
        if CURRICULUM not in config.plugins:
            raise PluginError(
                "smartshare/feedback needs the smartshare/curriculum plugin: list it in 'plugins' of mkdocs.yml"
            )
        add_theme_dir(config, os.path.join(HERE, "templates"))
        add_stylesheet(config, "feedback.css")
        add_script(config, "feedback.js")
        if self.config.mentor_view:
            add_script(config, "mentor.js")

    # After the curriculum plugin (100) has read the curriculum, before anything is built.
    @event_priority(90)
    def on_pre_build(self, config):
        if not self.config.enabled:
            return
        self.curriculum_plugin = config.plugins[CURRICULUM]
        curriculum = self.curriculum_plugin.curriculum
        report(curriculum_problems(curriculum, config.docs_dir), log, "feedback")
        # mentor-only HTML and the feedback block join each page after search has read it (see LateHtml)
        self.late = LateHtml("feedback")
        self.renderer = FeedbackRenderer(
            template_env(config),
            site_translator(config),
            curriculum,
            self.config.channel,
            config.site_url or "",
            self.curriculum_plugin.config.review_max_age,
            build_date(),
        )

    def on_files(self, files, config):
        if self.config.enabled:
            add_asset_files(files, config, os.path.join(HERE, "assets"), ASSETS)
        return files

    # Late: the feedback block closes the module, after the curriculum's footer (50) and the quiz summary.
    @event_priority(-50)
    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        uri = page.file.src_uri
        curriculum = self.renderer.curriculum
        module = curriculum.module_by_uri(uri)
        late = self.late.hold
        if module:
            top = ""
            if self.config.mentor_view:
                top = self.renderer.mentor_toggle() + self.renderer.mentor_kit(
                    module, html.count(f'{MENTOR_ONLY}="note"')
                )
                # past sessions with their feedback links: a block of its own, placed with the mentor material
                top += self.renderer.past_sessions(module, page.url)
            html = MENTOR_NOTE.sub(lambda note: late(note.group(0)), html)
            return late(top) + html + late(self.renderer.feedback_block(module, page.url, page.edit_url))
        track = curriculum.track_by_index_uri(uri)
        if track and self.config.mentor_view:
            urls = self.curriculum_plugin.renderer.urls
            links = {src: relative_url(url, page.url) for src, url in urls.items()}
            return late(self.renderer.mentor_toggle()) + html + late(self.renderer.track_reviews(track, links))
        return html

    def on_post_page(self, output, page, config):
        return self.late.release(output) if self.config.enabled else output
