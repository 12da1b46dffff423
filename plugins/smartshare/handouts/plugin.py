"""`smartshare/handouts`: learner handouts and mentor sheets as PDF, written after the site is built."""

from __future__ import annotations

import os
import time

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .. import priorities
from ..feedback.mentorblock import NOTE_ATTRIBUTE
from ..mentor.area import SHEET_SUFFIX
from ..mentor.leaks import note_html
from ..plugin_support import relative_url, require_curriculum, site_translator
from .config import HandoutsConfig
from .render import HandoutWriter, capture

log = get_plugin_logger(__name__)
FEEDBACK = "smartshare/feedback"


class HandoutsPlugin(BasePlugin[HandoutsConfig]):
    supports_multiple_instances = False

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        if getattr(self, "serving", False) and not self.config.on_serve:
            self.config.enabled = False  # previews stay fast: no PDF, no download link
        if self.config.enabled:
            self.surface = require_curriculum(config, needed_by="smartshare/handouts")
        self.captured: dict = {}

    # After the curriculum plugin (100) has read the curriculum.
    @event_priority(priorities.HANDOUTS_SETUP)
    def on_pre_build(self, config):
        if not self.config.enabled:
            return
        feedback = config.plugins.get(FEEDBACK)
        channel = feedback.config.channel if feedback is not None and feedback.config.enabled else None
        self.writer = HandoutWriter(self.surface.curriculum, site_translator(config), config, self.config, channel)
        self.captured = {}
        self.notes: dict[str, list[str]] = {}  # module src_uri → its notes, read from its mentor sheet

    @event_priority(priorities.HANDOUTS_CAPTURE)
    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        curriculum = self.writer.curriculum
        if page.file.src_uri.endswith(SHEET_SUFFIX):  # a module's sheet in the mentor area: its notes, in place
            self.notes[page.file.src_uri[: -len(SHEET_SUFFIX)] + ".md"] = note_html(html, NOTE_ATTRIBUTE)
            return html
        module = curriculum.module_by_uri(page.file.src_uri)
        if module:
            folder = os.path.dirname(page.file.abs_dest_path)
            self.captured[module.id] = capture(html, page.url, folder, config.site_url or "")
            if self.config.learner:
                return self._download(self.writer.module_pdf(module), page.url, "handouts.download") + html
            return html
        track = curriculum.track_by_index_uri(page.file.src_uri)
        if track and self.config.learner:
            return self._download(self.writer.track_pdf(track), page.url, "handouts.download_track") + html
        return html

    # Last: every page has been captured and written; the PDFs join the site.
    @event_priority(priorities.HANDOUTS_WRITE)
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        started = time.perf_counter()
        for module_uri, notes in self.notes.items():
            module = self.writer.curriculum.module_by_uri(module_uri)
            if module and module.id in self.captured:
                self.captured[module.id].notes = notes
        written, problems = self.writer.write_all(self.captured)
        for problem in problems:
            log.warning(problem.format())
        log.info(f"{written} PDF files in {time.perf_counter() - started:.1f} s")

    def _download(self, pdf_uri: str, page_url: str, key: str) -> str:
        href = relative_url(pdf_uri, page_url)
        label = self.writer.t(key)
        return f'<p class="smartshare-download"><a href="{href}" download>{label}</a></p>'
