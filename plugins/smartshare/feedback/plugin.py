"""`smartshare/feedback`: feedback links on module pages, and `/// mentor` notes left out of them.

The mentor view moved to the mentor area (`smartshare/mentor`): its own pages, under a path the web server protects.
"""

from __future__ import annotations

import functools
import os

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .. import priorities
from ..core.builddate import build_date
from ..core.feedbackfigures import compute, read_curriculum_records
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
from .config import FeedbackConfig
from .figures import FiguresRenderer, QuizTexts
from .mentorblock import MentorExtension
from .render import FeedbackRenderer

log = get_plugin_logger(__name__)
HERE = os.path.dirname(__file__)
ASSETS = ("feedback.css", "feedback.js")  # every course page: kept small (tests/feedback/test_feedback_assets.py)
MENTOR_ASSETS = ("feedback-figures.css",)  # linked from the figures themselves, so only mentor pages load it


class FeedbackPlugin(BasePlugin[FeedbackConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        if self.config.mentor_view is not None:
            log.warning(
                "smartshare/feedback: 'mentor_view' is no longer used: mentor notes, session kits and review dates "
                "are in the mentor area (the smartshare/mentor plugin)"
            )
        # registered even when disabled: without it a `/// mentor` block would print its notes for learners
        label = site_translator(config)("feedback.mentor_note")
        config.markdown_extensions.append(MentorExtension(label=label))
        if not self.config.enabled:
            return
        self.surface = require_curriculum(config, needed_by="smartshare/feedback")
        add_theme_dir(config, os.path.join(HERE, "templates"))
        add_stylesheet(config, "feedback.css")
        add_script(config, "feedback.js")

    # After the curriculum plugin has read the curriculum and checked every page (mentor notes included).
    @event_priority(priorities.FEEDBACK_SETUP)
    def on_pre_build(self, config):
        if not self.config.enabled:
            return
        curriculum = self.surface.curriculum
        # the feedback block joins each page after search has read it (see LateHtml)
        self.late = LateHtml("feedback")
        # past sessions with their feedback links, on each module's sheet in the mentor area
        self.surface.provide_sheet_section(lambda module, url: self.renderer.past_sessions(module, url))
        if self.config.figures:
            self._provide_figures(config, curriculum)
        self.renderer = FeedbackRenderer(
            template_env(config),
            site_translator(config),
            curriculum,
            self.config.channel,
            config.site_url or "",
            build_date(),
            lang=str(config.theme.get("language") or ""),
            build=lambda: self.surface.build_commit,  # provided in on_files (intranet), read when pages render
        )

    def _provide_figures(self, config, curriculum) -> None:
        """The records' figures, for the mentor area only: sheets, track pages and the statistics page. (The
        records' own problems are reported with the curriculum's, by `sitecheck.check_site`.)"""
        records, _ = read_curriculum_records(config.docs_dir)
        quizzes = QuizTexts(curriculum)
        figures = compute(curriculum, records, quizzes.question, quizzes.ids, build_date(), self.surface.review_max_age)
        surface = self.surface
        renderer = FiguresRenderer(template_env(config), site_translator(config), figures, surface.sheet_url)
        surface.provide_sheet_section(renderer.module_section)
        surface.provide_track_section(
            lambda track, url: renderer.track_section(track, url, curriculum.modules_of(track))
        )
        surface.provide_mentor_section(
            lambda mentor, url: renderer.mentor_section(mentor, url, curriculum.modules_by_mentor(mentor.id))
        )
        surface.provide_programme_section(
            lambda url: renderer.programme_section(
                url, [(t, curriculum.modules_of(t)) for t in curriculum.tracks], curriculum.ordered_modules()
            )
        )

    def on_files(self, files, config):
        if self.config.enabled:
            add_asset_files(files, config, os.path.join(HERE, "assets"), ASSETS + MENTOR_ASSETS)
        return files

    @event_priority(priorities.FEEDBACK_BLOCK)
    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        module = self.surface.module_for(page.file.src_uri)
        if module:  # rendered when its marker is replaced: a build held every module's block until then
            block = functools.partial(self.renderer.feedback_block, module, page.url, page.edit_url)
            return html + self.late.hold(block)
        return html

    def on_post_page(self, output, page, config):
        # Only a module page holds a block's marker: no other page shows a module page's content (its sheet shows
        # its body as taken before any plugin held anything), so the other pages are not searched for one.
        if self.config.enabled and self.surface.module_for(page.file.src_uri):
            return self.late.release(output)
        return output
