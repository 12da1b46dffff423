"""`smartshare/curriculum`: validate the curriculum, generate its pages and navigation, decorate module pages."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import priorities
from ..buildchecks import CURRICULUM, check_build, defuse_links
from ..core.builddate import build_date
from ..core.feedbackrecords import FEEDBACK_FOLDER
from ..core.loader import MENTORS_FILE, TRACK_FILE, LoadOptions, ModuleCache
from ..core.sessionhistory import assign_sequences
from ..core.sessions import SESSIONS_FILE, Schedule
from ..core.translations import is_translation
from ..plugin_support import (
    LateHtml,
    add_asset_files,
    add_script,
    add_stylesheet,
    add_theme_dir,
    drop_unsafe_files,
    made_beside,
    site_translator,
    template_env,
)
from .agenda import AgendaRenderer, LazyFile, build_stamp, calendar_memo, plan_agenda
from .chrome import drop_unexplained_status, not_found_page
from .config import CurriculumConfig, folder_problems
from .languages import LanguageSites, language_notice, use_translations
from .nav import PrunedNavigation, nav_config
from .pages import plan_pages
from .preview import end_with_ctrl_c, quiet_dirty_serve_warning
from .progress import site_id
from .release import Collector, MarkdownRelease, PackedContent, release_page, skip_exit_collection
from .render import Renderer, hold_unsearched_header
from .search import add_worker, fill_language_defaults, use_worker, worker_source
from .surface import CurriculumSurface

log = get_plugin_logger(__name__)
HERE = os.path.dirname(__file__)
ASSETS = (
    "curriculum.css",
    "curriculum.js",
    "sessions.css",
    "sessions.js",
    "progress.js",
    "learning.js",
    "filters.js",
)


class CurriculumPlugin(BasePlugin[CurriculumConfig]):
    """Other plugins use only `surface` (see `curriculum/surface.py`), found by `plugin_support.require_curriculum`."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.surface = CurriculumSurface()
        self.modules = ModuleCache()  # parsed module files, reused by every rebuild of `mkdocs serve`
        self.theme_worker: str | None = None  # the theme's search worker, which ours loads (search.py)
        self.collector = Collector()  # memory: garbage collected as pages are rendered (release.py)
        self.packed = PackedContent()  # memory: pages' HTML compressed between the two passes (release.py)
        self.sound: set[bytes] = set()  # page texts whose links the check found well-formed (`defuse_links`)
        self._header = ""  # the module header of the page in `on_page_content`, until search's parts are held
        self._made_entries: Callable[[], dict[str, str] | None] = lambda: None  # the session entries (`on_files`)

    # Once per `mkdocs serve`: MkDocs keeps a plugin that has `on_startup` across rebuilds, and so its module cache.
    def on_startup(self, *, command, dirty):
        self.command = command
        skip_exit_collection()
        if command == "serve" and dirty:
            quiet_dirty_serve_warning()

    def on_serve(self, server, *, config, builder):
        return end_with_ctrl_c(server)

    # First of all: the language of this build sets theme.language before the search plugin (0) reads it for its
    # stemmer, and before `site_translator` below picks the UI strings.
    @event_priority(priorities.SITE_LANGUAGE)
    def _on_config_language(self, config):
        self.sites = LanguageSites.configure(self.config.languages, config) if self.config.enabled else None
        self.surface.default_language = self.sites.default if self.sites else None

    @event_priority(priorities.SEARCH_DEFAULTS)
    def _search_defaults(self, config):
        if self.config.enabled:
            fill_language_defaults(config)

    def _on_config_setup(self, config):
        if not self.config.enabled:
            return
        problems = folder_problems(self.config, config.docs_dir)
        if problems:
            raise PluginError("\n".join(problems))
        add_theme_dir(config, os.path.join(HERE, "templates"))
        add_stylesheet(config, "curriculum.css")
        add_stylesheet(config, "sessions.css")
        add_script(config, "curriculum.js")
        add_script(config, "sessions.js")
        add_script(config, "progress.js")  # done modules, "Continue", progress bars: on every page, small
        add_script(config, "learning.js")  # the "My learning" page; mounts nothing elsewhere
        add_script(config, "filters.js")  # the filters of module cards on the catalogue and track pages
        self.t = site_translator(config)
        config.markdown_extensions.append(MarkdownRelease(self.collector))

    on_config = CombinedEvent(_on_config_language, _search_defaults, _on_config_setup)

    @event_priority(priorities.LOAD_CURRICULUM)
    def _load_curriculum(self, config):
        if not self.config.enabled:
            return
        options = LoadOptions(
            include_drafts=self.config.include_drafts,
            review_max_age_days=self.config.review_max_age,
            today=build_date(),
            cache=self.modules,
            languages=tuple(self.config.languages),
            language=self.sites.language if self.sites else None,
            front_matters={},
        )
        # the curriculum and the body of every page (quizzes, mentor notes, links), as `smartshare check` does
        self.plan = None
        self.sound = set()
        self.curriculum = check_build(config, options, log, self._generated_uris, self.sound)
        self.surface.start_build(self.curriculum, self.config.review_max_age, options.front_matters)
        self.surface.nav_window = self.config.nav_window
        if self.plan is None:  # links are not checked: nothing asked for the generated pages yet
            self.plan = plan_pages(self.curriculum, self.config, self.t)
        self.schedule = Schedule(self.curriculum.sessions)
        self.agenda = plan_agenda(
            self.curriculum,
            self.schedule,
            self.plan,
            self.config.sessions_dir,
            self.t,
            config.site_name,
            self.config.agenda_page_limit,
        )

    # Once the curriculum is checked, before anything of this language's site is built: the other languages' builds
    # are forked, to wait for their turn (languages.py)
    @event_priority(priorities.LANGUAGE_FORKS)
    def _fork_languages(self, config):
        if self.config.enabled and self.sites:
            # `mkdocs build` forks its other languages' builds; `mkdocs serve` (a server's threads) starts them anew
            self.sites.may_fork = getattr(self, "command", "build") == "build"
            self.sites.fork_others(config)

    on_pre_build = CombinedEvent(_load_curriculum, _fork_languages)

    def _generated_uris(self, curriculum):
        """The pages we will generate, as link targets for the check (the plan is kept for the build)."""
        self.plan = plan_pages(curriculum, self.config, self.t)
        return self.plan.pages

    @event_priority(priorities.CURRICULUM_FILES)
    def on_files(self, files: Files, config):
        if not self.config.enabled:
            return files
        drop_unsafe_files(files, config.docs_dir, log)
        for file in list(files):
            # a translation is read in its language's site, never published as a page of its own
            left_out = file.src_uri in self.curriculum.left_out or is_translation(file.src_uri)
            if left_out or _is_curriculum_yaml(file.src_uri) or _is_feedback(file):
                files.remove(file)
        if self.sites and not self.sites.is_default:
            use_translations(files, self.curriculum.translations, self.sites.language, config.docs_dir)
        for uri, page in self.plan.pages.items():
            if files.get_file_from_path(uri) is None:
                # mentor and tag pages are reached from their index pages, not listed in the navigation
                # "My learning" is linked from the catalogue and every module's progress block
                # the field reference is for mentors and maintainers, not learners (the mentor area links it);
                # month pages of the agenda are reached from the agenda page
                hidden = ("mentor", "tag", "learning", "reference", "sessions-month")
                inclusion = InclusionLevel.NOT_IN_NAV if page.kind in hidden else InclusionLevel.UNDEFINED
                generated = File.generated(config, uri, content=page.markdown, inclusion=inclusion)
                generated.edit_uri = page.edit_uri
                files.append(generated)
        add_asset_files(files, config, os.path.join(HERE, "assets"), ASSETS)
        self.theme_worker = add_worker(files, config, worker_source(os.path.join(HERE, "assets")))
        if config.nav:
            log.warning("'nav' in mkdocs.yml is ignored: the navigation is built from the tracks' track.yml files")
        config.nav = nav_config(self.curriculum, self.plan, self.t)
        if self.agenda.page:  # right after the catalogue: where a learner looks for the next session
            config.nav.insert(1, {self.t("sessions.upcoming"): self.agenda.page})
        self.surface.set_page_urls({f.src_uri: f.url for f in files.documentation_pages()})
        env = template_env(config)
        self.renderer = Renderer(env, self.t, self.surface, self.plan, LateHtml("curriculum"))
        # the build cache is open from here on (smartshare/cache, on_pre_build): SEQUENCE and the calendars use it
        memo = calendar_memo(config, self.sites.language if self.sites else None)
        assign_sequences(config.docs_dir, self.curriculum.sessions, memo)
        self.sessions = AgendaRenderer(
            env,
            self.t,
            self.curriculum,
            self.schedule,
            self.plan,
            self.agenda,
            self.surface.page_urls,
            config.site_url or "",
            build_stamp(),
            self.renderer.late,
            memo,
        )
        # rendered by another process while the pages are read, taken at `on_env` (agenda.py, `every_entry`)
        self._made_entries = made_beside(config, "session entries", self.sessions.every_entry)
        for calendar in self.agenda.files:
            if files.get_file_from_path(calendar.uri) is None:
                # written when MkDocs copies it: the calendars are never all in memory at once
                make = functools.partial(self.sessions.calendar, calendar)
                files.append(LazyFile.of(config, calendar.uri, make))
        self.renderer.site = site_id(config.site_url, config.site_name)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if self.config.enabled:
            drop_unexplained_status(page.meta, (config.extra or {}).get("status"))
        if self.config.enabled and self.sites and self._fallback(page):
            page.meta["search"] = {"exclude": True}  # each language's search index holds that language only
        # reported by the check at its line, whether links are checked or not; MkDocs would stop with a traceback
        return defuse_links(config, CURRICULUM, markdown, self.sound)

    def on_nav(self, nav, config, files):
        if self.config.enabled:
            all_tracks = lambda count: self.t("curriculum.all_tracks", count=count)  # noqa: E731
            self.pruned = PrunedNavigation(nav, self.curriculum, self.config.nav_window, all_tracks)
            self.collector.freeze()  # before the pages (release.py), and before smartshare/cache forks its workers
        return nav

    def on_pre_page(self, page, config, files):
        if self.config.enabled:
            self.collector.take_apart()  # the Markdown instances of the page rendered before (release.py)
        return page

    # Every page's Markdown is rendered: what pass 1 made and pass 2 reads is frozen too (release.py).
    def on_env(self, env, config, files):
        if self.config.enabled:
            self.collector.take_apart()
            self.collector.freeze()
            self.sessions.take_entries(self._made_entries())  # before the theme pass's workers are forked
        return env

    def _fallback(self, page) -> bool:
        """A page of another language's site shown in the default language (not translated yet)."""
        if self.sites.is_default or getattr(page.file, "generated_by", None):
            return False
        translations = self.curriculum.translations
        return translations is None or translations.page(self.sites.language, page.file.src_uri) is None

    @event_priority(priorities.MODULE_FRAME)
    def _page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        uri = page.file.src_uri
        module = self.curriculum.module_by_uri(uri)
        if self.sites and not self.sites.is_default and not page.file.generated_by:
            html = language_notice(self.sites, self.curriculum.translations, uri, page.url, html, self.t)
        if module:
            url = page.url
            header = self._header = self.renderer.module_header(module, url)
            return header + self.sessions.module_block(module, url) + html + self.renderer.module_footer(module, url)
        generated = self.plan.pages.get(uri)
        if generated and generated.kind == "catalogue":
            return self.renderer.catalogue(html, page.url, config.site_description)
        if generated and generated.kind == "sessions":
            return html + self.sessions.agenda_page(page.url)
        if generated and generated.kind == "sessions-month":
            return html + self.sessions.month_page(generated.key, page.url)
        if generated:
            return html + self.renderer.generated(generated, page.url) + self._sessions_of(generated, page.url)
        return html

    # Once every plugin that reads the header in this event has (handouts print it), before the content is packed.
    @event_priority(priorities.MODULE_UNSEARCHED)
    def _hold_unsearched(self, html, page, config, files):
        header, self._header = self._header, ""
        # near the start: a plugin may have put something before it (the mentor area's link to the module's sheet)
        at = html.find(header) if header else -1
        if at < 0:  # not a module page, or another plugin changed its header
            return html
        module = self.curriculum.module_by_uri(page.file.src_uri)
        tags_indexed = module is not None and _tags_indexed(page.meta, module.tags)
        held = hold_unsearched_header(header, self.renderer.late.hold, tags_indexed)
        return html[:at] + held + html[at + len(header) :]

    # After every plugin: nothing reads the page's content again before its page is themed (release.py).
    @event_priority(priorities.CONTENT_PACK)
    def _pack_content(self, html, page, config, files):
        return self.packed.pack(html, page) if self.config.enabled else html

    on_page_content = CombinedEvent(_page_content, _hold_unsearched, _pack_content)

    def _sessions_of(self, page, url: str) -> str:
        if page.kind == "track":
            return self.sessions.track_block(self.curriculum.track(page.key), url)
        if page.kind == "mentor":
            return self.sessions.mentor_block(self.curriculum.mentors[page.key], url)
        return ""

    @event_priority(priorities.CURRICULUM_RELEASE)
    def _post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        if self.sites:
            output = self.sites.alternates(output, page.url)
        return use_worker(self.renderer.late.release(output), self.theme_worker)

    # Last of all: the page is themed and about to be written; nothing reads its HTML or Markdown again.
    @event_priority(priorities.PAGE_RELEASE)
    def _release_page(self, output, page, config):
        if self.config.enabled:
            release_page(page)
        return output

    on_post_page = CombinedEvent(_post_page, _release_page)

    # After every plugin has written this language's site (search index, sitemap): the other languages' sites.
    @event_priority(priorities.OTHER_LANGUAGES)
    def _other_languages(self, config):
        if self.config.enabled and self.sites:
            self.sites.build_others(config, log)

    @event_priority(priorities.BUILD_RELEASE)
    def _finish_collector(self, config):
        self.collector.finish()
        self.packed.clear()
        if self.config.enabled:
            self.sessions.finish(log)

    on_post_build = CombinedEvent(_other_languages, _finish_collector)

    def on_build_error(self, error):
        if getattr(self, "sites", None):
            self.sites.cancel_others()  # the forks waiting for their turn leave unbuilt
        self.collector.finish()
        self.packed.clear()

    # First of all: the page's content, compressed since the first pass, is given back (release.py).
    @event_priority(priorities.CONTENT_UNPACK)
    def _unpack_content(self, context, page, config, nav):
        if self.config.enabled:
            self.packed.unpack(page)
        return context

    def _page_context(self, context, page, config, nav):
        # a page whose navigation another plugin sets (`surface.provide_own_navigation`) would only drop this one
        if self.config.enabled and not self.surface.has_own_navigation(page.file.src_uri):
            context["nav"] = self.pruned.for_page(page)
        return context

    on_page_context = CombinedEvent(_unpack_content, _page_context)

    def on_template_context(self, context, template_name, config):
        if self.config.enabled and template_name == "404.html":
            self.error_base = context.get("base_url") or "/"  # absolute: MkDocs serves it at any depth
        return context

    def on_post_template(self, output_content, template_name, config):
        """The 404 page: a search box (with our search worker, as every page) and the ways back; in a site of several
        languages, the sitemap names each page's other languages (MkDocs writes sitemap.xml.gz from it too)."""
        if self.config.enabled and self.sites and template_name == "sitemap.xml":
            return self.sites.sitemap_alternates(output_content)
        if not (self.config.enabled and template_name == "404.html"):
            return output_content
        learning = self.plan.learning
        learning_url = self.surface.page_urls.get(learning) if learning else None
        env = template_env(config)
        page = not_found_page(output_content, env, self.t, getattr(self, "error_base", "/"), learning_url)
        return use_worker(page, self.theme_worker)


def _tags_indexed(meta: dict, tags) -> bool:
    """Whether the page's search entries carry the module's tags: Material's index takes `tags` from the page's own
    front matter, which a translation's has not (its tags are the module's, in the file it translates)."""
    listed = meta.get("tags")
    return isinstance(listed, list) and [str(tag) for tag in listed] == [str(tag) for tag in tags]


def _is_feedback(file) -> bool:
    """Feedback records (`feedback/*.jsonl`) feed the mentor area's figures; their comments are for mentors only."""
    return file.src_uri.startswith(FEEDBACK_FOLDER + "/") and not file.is_documentation_page()


def _is_curriculum_yaml(src_uri: str) -> bool:
    """track.yml, mentors.yml and sessions.yml feed the pages; they are not published as files of their own."""
    return src_uri in (MENTORS_FILE, SESSIONS_FILE) or src_uri.endswith("/" + TRACK_FILE)
