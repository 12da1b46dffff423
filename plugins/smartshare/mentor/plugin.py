"""`smartshare/mentor`: the mentor area — module sheets, track reviews, field reference, statistics — under one
path the web server protects, and nothing of it in the course pages."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from .. import priorities
from ..core.builddate import build_date
from ..core.problems import Problem, Severity, display_path, summary
from ..core.stats import compute
from ..curriculum.reference import reference_markdown
from ..feedback.mentorblock import NOTE_ATTRIBUTE, note_stash
from ..plugin_support import (
    LateHtml,
    add_asset_files,
    add_script,
    add_stylesheet,
    add_theme_dir,
    check_memory,
    relative_url,
    require_curriculum,
    site_translator,
    template_env,
)
from ..quiz.checks import count_quizzes
from .area import SHEET_TEMPLATE, AreaPage, plan_area
from .config import MentorConfig
from .leaks import Secret, find_leaks, note_texts
from .nav import MentorNavigation
from .rebase import rebase_urls
from .render import MentorRenderer
from .sheetprint import mark_bare_headings
from .shell import SheetShells
from .sources import kit_secrets, note_origins, shown_paths
from .titles import SheetTitles
from .toggle import place_toggle, toggle_index

log = get_plugin_logger(__name__)
HERE = os.path.dirname(__file__)
# mentor-view.*: the mentor view switch and link, on every page; mentor.*: the area's pages only (mentor-area.html)
ASSETS = ("mentor-view.css", "mentor-view.js", "mentor.css", "mentor.js", "source-links.css")


class MentorPlugin(BasePlugin[MentorConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.bodies: dict[str, tuple[str, str, object]] = {}  # module src_uri → its HTML with notes, URL, toc
        self.serving = False
        self.copies: dict[str, str] = {}  # files copied from installed packages (see `package_copies`)

    # Defined so that MkDocs keeps this instance across `mkdocs serve` rebuilds: a `--dirty` rebuild renders only
    # the edited pages, so a sheet whose module was not rendered again takes the module's body from before.
    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        if not self.config.enabled:
            return
        self.surface = require_curriculum(config, needed_by="smartshare/mentor")
        try:
            self.stash = note_stash(config.markdown_extensions)
        except LookupError:
            raise PluginError(
                "smartshare/mentor needs the smartshare/feedback plugin (it renders '/// mentor' notes): list it "
                "before smartshare/mentor in 'plugins'"
            ) from None
        add_theme_dir(config, os.path.join(HERE, "templates"))
        add_stylesheet(config, "mentor-view.css")  # mentor.css and mentor.js: the area's template loads them
        if self.config.source_links == "mentor-view":
            add_stylesheet(config, "source-links.css")
        add_script(config, "mentor-view.js")
        self.t = site_translator(config)

    @event_priority(priorities.MENTOR_FILES)
    def on_files(self, files, config):
        if not self.config.enabled:
            return files
        curriculum = self.surface.curriculum
        prefix = self.config.prefix
        clash = next((f.src_uri for f in files if f.src_uri.startswith(prefix + "/")), None)
        if clash:
            raise PluginError(
                f"smartshare/mentor: the mentor area's path '{prefix}/' is already used by '{clash}' — set the "
                "plugin's 'prefix' to a free path (and the web server's protected location with it)"
            )
        self.area = plan_area(curriculum, prefix, self.t, reference_markdown(self.t))
        self.pages: dict[str, AreaPage] = {}  # by the src_uri MkDocs reads them from
        destinations: dict[str, str] = {}
        sheets: dict[str, str] = {}  # module id → its sheet's URL
        for page in self.area.pages:
            file = _area_file(config, page)
            if file.dest_uri in destinations or files.get_file_from_path(page.source):
                raise PluginError(
                    f"smartshare/mentor: '{page.path}' would be published at the same place as "
                    f"'{destinations.get(file.dest_uri, page.source)}' — a track named like a page of the mentor "
                    "area? rename the track folder or set the plugin's 'prefix'"
                )
            destinations[file.dest_uri] = page.path
            files.append(file)
            self.pages[page.source] = page
            if page.kind == "module":
                sheets[page.key] = file.url
        self.surface.provide_own_navigation(self.pages)  # `on_page_context` gives the area's pages their own
        self.surface.provide_sheet_urls(sheets)
        add_asset_files(files, config, os.path.join(HERE, "assets"), ASSETS)
        stats = compute(curriculum, build_date(), self.surface.review_max_age, count_quizzes)
        self.renderer = MentorRenderer(template_env(config), self.t, curriculum, stats)
        self.toggle = self.renderer.toggle()  # the same switch on every page: rendered once
        self.curriculum = curriculum
        self.urls = {f.src_uri: f.url for f in files.documentation_pages()}
        self.area_urls = {page.path: self.urls[page.source] for page in self.area.pages}
        self.late = LateHtml("mentor")
        self.titles = SheetTitles()
        self.secrets: list[Secret] = []
        self.unplaced: list[tuple[object, str, list[Secret]]] = []  # notes of a module not yet placed in its file
        self.shown = shown_paths(config.docs_dir)  # where the leak report says a module's notes were written
        return files

    def on_nav(self, nav, config, files):
        if not self.config.enabled:
            return nav
        page_of = {p.path: files.get_file_from_path(p.source).page for p in self.area.pages}
        home = page_of[self.area.home_path]
        tracks = [
            (
                page_of[self.area.track_path(track.id)],
                [page_of[self.area.module_path(m)] for m in self.curriculum.modules_of(track)],
            )
            for track in self.curriculum.tracks
        ]
        others = [page_of[p.path] for p in self.area.pages if p.kind in ("reference", "stats")]
        self.navigation = MentorNavigation(home, tracks, others, self.surface.nav_window)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        """A sheet's Markdown is its title: filled in, or rendered by one Markdown instance for all sheets
        (titles.py)."""
        if self.config.enabled and SheetTitles.available and "render" not in vars(page):
            area_page = self.pages.get(page.file.src_uri)
            if area_page and area_page.kind == "module":
                page.render = self.titles.render_of(page, markdown, config)
        return markdown

    @event_priority(priorities.MENTOR_NOTES)
    def _notes(self, html, page, config, files):
        if not self.config.enabled:
            return html
        area_page = self.pages.get(page.file.src_uri)
        if area_page and area_page.kind == "module":
            return self._sheet_body(area_page, html, page)
        with_notes, learner = self.stash.split(html)
        if self.curriculum.module_by_uri(page.file.src_uri):
            self.bodies[page.file.src_uri] = (with_notes, page.url, page.toc)
        return learner

    def _sheet_body(self, area_page: AreaPage, html: str, page) -> str:
        """The sheet's title, then the module's body as rendered with the course page, notes in place."""
        module = self.curriculum.modules[area_page.key]
        if module.src_uri not in self.bodies:  # MkDocs renders pages in the order of `files`: modules come first
            raise PluginError(f"smartshare/mentor: the sheet of '{module.src_uri}' was rendered before the module")
        # a build frees each body once its sheet has it; a preview keeps them for its next `--dirty` rebuild
        body, module_url, toc = self.bodies[module.src_uri] if self.serving else self.bodies.pop(module.src_uri)
        if len(page.toc.items) == 1:
            page.toc.items[0].children = list(toc)
        return html + "\n" + rebase_urls(body, module_url, page.url)

    @event_priority(priorities.MENTOR_CONTENT)
    def _area(self, html, page, config, files):
        if not self.config.enabled:
            return html
        area_page = self.pages.get(page.file.src_uri)
        if area_page:
            return self._area_content(area_page, html, page.url)
        if self.config.learner_links:
            return self._course_link(page.file.src_uri, page.url) + html
        return html

    on_page_content = CombinedEvent(_notes, _area)

    def _area_content(self, area_page: AreaPage, html: str, url: str) -> str:
        def link(path: str) -> str:
            return relative_url(self.area_urls[path], url)

        if area_page.kind == "module":
            module = self.curriculum.modules[area_page.key]
            notes = note_texts(html, NOTE_ATTRIBUTE, "smartshare-mentor-note__label")
            self._remember(module, notes)
            course = relative_url(self.urls[module.src_uri], url)
            top = self.renderer.sheet_top(module, len(notes), course) + self.surface.sheet_sections(module, url)
            return f'<div class="smartshare-mentor-sheet">{_first_heading(mark_bare_headings(html), top)}</div>'
        if area_page.kind == "track":
            track = self.curriculum.track(area_page.key)
            links = {
                m.id: (link(self.area.module_path(m)), relative_url(self.urls[m.src_uri], url))
                for m in self.curriculum.modules_of(track)
            }
            course_url = relative_url(self.urls[track.index_uri], url)
            # then what other plugins add (the feedback plugin's summary of the track)
            return html + self.renderer.track(track, links, course_url) + self.surface.track_sections(track, url)
        if area_page.kind == "home":
            tracks = [
                (
                    track,
                    link(self.area.track_path(track.id)),
                    [(m, link(self.area.module_path(m))) for m in self.curriculum.modules_of(track)],
                )
                for track in self.curriculum.tracks
            ]
            reference, stats = (link(p.path) for p in self.area.pages if p.kind in ("reference", "stats"))
            return html + self.renderer.home(tracks, reference, stats)
        if area_page.kind == "stats":
            # then what other plugins add: the feedback plugin's programme summary, and one per mentor
            mentors = [(m, self.surface.mentor_sections(m, url)) for m in self.curriculum.mentors.values()]
            extra = self.surface.programme_sections(url) + self.renderer.mentor_sections([m for m in mentors if m[1]])
            return html + self.renderer.statistics() + extra
        return html

    def _course_link(self, src_uri: str, url: str) -> str:
        """The link to a course page's mentor page (held back from search; shown by mentor.js to opted-in mentors)."""
        module = self.curriculum.module_by_uri(src_uri)
        track = self.curriculum.track_by_index_uri(src_uri)
        if module:
            kind, target = "module", self.area.module_path(module)
        elif track:
            kind, target = "track", self.area.track_path(track.id)
        elif src_uri == "index.md":
            kind, target = "home", self.area.home_path
        else:
            return ""
        return self.late.hold(self.renderer.course_link(kind, relative_url(self.area_urls[target], url)))

    def _remember(self, module, notes: list[str]) -> None:
        path = self.shown(module.src_uri)
        # where each note was written is only reported with a leak: found then (`_place_notes`), as finding it reads
        # the module's Markdown again (a third of the sheet's area hook)
        placed = [Secret(text, (path, 1, 1)) for text in notes]
        self.unplaced.append((module, path, placed))
        self.secrets.extend(placed)
        self.secrets.extend(kit_secrets(module, path))

    def _place_notes(self) -> None:
        """Every note's origin, line and column, for the leaks' report."""
        for module, path, placed in self.unplaced:
            for secret, origin in zip(placed, note_origins(module, path, len(placed)), strict=True):
                secret.origin = origin
        self.unplaced = []

    @event_priority(priorities.MENTOR_NAVIGATION)
    def on_page_context(self, context, page, config, nav):
        if self.config.enabled and page.file.src_uri in self.pages:
            context["nav"] = self.navigation.for_page(page)
        return context

    @event_priority(priorities.MENTOR_RELEASE)
    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        if page.file.src_uri in self.pages:
            return place_toggle(output, self.toggle).replace(
                '<details class="smartshare-quiz__answer">', '<details class="smartshare-quiz__answer" open>'
            )
        # the switch placed in the release's own pass: the themed page is cut and joined once
        at = toggle_index(output)
        return self.late.release(output, (at, self.toggle) if at >= 0 else None)

    def on_post_template(self, output_content, template_name, config):
        if self.config.enabled and template_name == "404.html":
            return place_toggle(output_content, self.toggle)  # the switch is where it is on every other page
        return output_content

    def on_template_context(self, context, template_name, config):
        if self.config.enabled and template_name == "sitemap.xml":
            context["pages"] = [f for f in context["pages"] if f.src_uri not in self.pages]
        return context

    def on_env(self, env, config, files):
        if self.config.enabled:
            self.copies = package_copies(files, config)
            # sheets are themed from a shell (shell.py): routed before smartshare/cache routes templates (at each
            # page's `on_page_context`), which then leaves this one alone: a sheet costs less than its cache entry
            self.shells = SheetShells()
            self.shells.wrap(env.get_template(SHEET_TEMPLATE))
        return env

    @event_priority(priorities.MENTOR_LEAK_CHECK)
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        log.debug(f"mentor: {self.shells.summary()}")
        # The site as written, every learner file read back. Checking pages in `on_post_page` instead saves only the
        # reading and decoding (under a tenth of the check), and proving a page's file unchanged since then costs
        # a second digest of it, more than that saves (benchmarks/NOTES.md, "Leak check: pages checked as written").
        memory = check_memory(config, "leaks")  # the files found clean by the last build (smartshare/cache)
        leaks = find_leaks(config.site_dir, self.config.prefix, self.secrets, self.copies, memory)
        if leaks:
            self._place_notes()
        for file, secret in leaks:
            log.error(_leak_problem(file, secret).format())
        if leaks:
            raise PluginError(
                f"mentor: {summary(len(leaks), 0)}; the site written to {display_path(config.site_dir)} shows mentor "
                "text to learners: do not publish it. Fix the lines above."
            )


def package_copies(files, config) -> dict[str, str]:
    """Static files the build copies from an installed theme or plugin (site-relative path → source), for the
    leak check to pass over while they are unchanged; the author's files (docs folder, the site's `custom_dir`)
    and generated files are read as every page is, but for those copied from a file Smartshare itself ships (the
    vendored Mermaid and KaTeX, which a plugin adds as generated files: about 3.8 MB read in every build)."""
    own = [os.path.abspath(config.docs_dir)]
    if config.theme.custom_dir:
        own.append(os.path.abspath(config.theme.custom_dir))
    copies = {}
    for file in files:
        source = file.abs_src_path
        if not source or file.is_documentation_page():
            continue
        source = os.path.abspath(source)
        # a generated file may be copied from anywhere, a temporary file holding curriculum text too
        if file.generated_by and not _inside(source, SHIPPED):
            continue
        if not any(_inside(source, folder) for folder in own):
            copies[file.dest_uri.replace(os.sep, "/")] = source
    return copies


SHIPPED = os.path.dirname(HERE)  # the smartshare package's folder: what it ships


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + os.sep)


def _area_file(config, page: AreaPage) -> File:
    """A virtual page read from `page.source` and published at `page.path`'s place (they differ for sheets)."""
    placed = File(page.path, None, config.site_dir, config.use_directory_urls)
    file = File.generated(config, page.source, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
    file.dest_uri, file.url = placed.dest_uri, placed.url
    file.edit_uri = page.edit_uri
    return file


def _first_heading(html: str, top: str) -> str:
    """The session kit goes right after the sheet's title."""
    end = html.find("</h1>")
    return html[: end + 5] + top + html[end + 5 :] if end >= 0 else top + html


def _leak_problem(file: str, secret: Secret) -> Problem:
    excerpt = " ".join(secret.text.split())
    excerpt = excerpt if len(excerpt) <= 60 else excerpt[:57] + "…"
    return Problem(
        *secret.origin,
        Severity.ERROR,
        "mentor-leak",
        f"mentor text '{excerpt}' is published outside the mentor area, in {file}",
        "a template, theme override or plugin copies it into course pages: remove that, mentor text stays in "
        "the mentor area",
    )
