"""What other plugins may use of `smartshare/curriculum`: the whole of its public surface.

Other plugins reach it through `plugin_support.require_curriculum` (or `find_curriculum` when the curriculum is
optional for them), never through the curriculum plugin's attributes or its templates' Jinja globals. Plain
Python: it holds what the curriculum plugin knows for the current build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from ..core.defaults import NAV_WINDOW, REVIEW_MAX_AGE_DAYS
from ..core.model import Curriculum, Mentor, Module, Track

#: a source of "last changed" dates for module footers: src_uri → date, or None when unknown
DateLookup = Callable[[str], "dt.date | None"]
#: a section of a module's mentor sheet: (module, the sheet's URL) → HTML, "" when it has nothing to say
SheetSection = Callable[[Module, str], str]
#: a section of a track's mentor page: (track, the page's URL) → HTML, "" when it has nothing to say
TrackSection = Callable[[Track, str], str]
#: a section of the mentor area's statistics page, per mentor: (mentor, the page's URL) → HTML
MentorSection = Callable[[Mentor, str], str]
#: a section of the mentor area's statistics page for the whole programme: (the page's URL) → HTML
ProgrammeSection = Callable[[str], str]


class CurriculumNotReady(RuntimeError):
    """Asked for the curriculum before the curriculum plugin read it (a hook runs too early)."""


class CurriculumSurface:
    """The curriculum of the current build, its pages' URLs, and the hooks other plugins may fill in."""

    def __init__(self) -> None:
        self.review_max_age = REVIEW_MAX_AGE_DAYS  #: days after which a review is due (the plugin's option)
        self.nav_window = NAV_WINDOW  #: modules shown on either side of the current one in navigation (the option)
        self._curriculum: Curriculum | None = None
        self._urls: dict[str, str] = {}
        self._last_changed: DateLookup | None = None
        self._sheet_sections: list[SheetSection] = []
        self._track_sections: list[TrackSection] = []
        self._mentor_sections: list[MentorSection] = []
        self._programme_sections: list[ProgrammeSection] = []
        self._build_commit = ""
        self._own_navigation: frozenset[str] = frozenset()
        self._sheet_urls: dict[str, str] = {}
        self._front_matters: dict[str, dict] = {}
        #: the language the source files are written in, when the site has several (`languages`), else None; set
        #: when the configuration is read, before other plugins' `on_config`
        self.default_language: str | None = None

    # -- filled in by the curriculum plugin ----------------------------------------------------------------

    def start_build(
        self, curriculum: Curriculum, review_max_age: int, front_matters: dict[str, dict] | None = None
    ) -> None:
        """A new build (or a `serve` rebuild): forget what the previous build's plugins provided.
        `front_matters`: what the start-up check read (`LoadOptions.front_matters`), for `take_front_matter`."""
        self._curriculum, self._urls, self._last_changed = curriculum, {}, None
        self._front_matters = front_matters if front_matters is not None else {}
        self._sheet_sections, self._track_sections, self._mentor_sections, self._programme_sections = [], [], [], []
        self._build_commit = ""
        self._own_navigation = frozenset()
        self._sheet_urls = {}
        self.review_max_age = review_max_age

    def set_page_urls(self, urls: dict[str, str]) -> None:
        self._urls = dict(urls)

    # -- for other plugins ---------------------------------------------------------------------------------

    @property
    def curriculum(self) -> Curriculum:
        """The curriculum read for this build (available from `on_pre_build` at priority LOAD_CURRICULUM on)."""
        if self._curriculum is None:
            raise CurriculumNotReady("the curriculum is read in on_pre_build; ask for it from then on")
        return self._curriculum

    def take_front_matter(self, yaml_text: str) -> dict | None:
        """The values of a front matter whose YAML is `yaml_text`, as the start-up check read them this build, or
        None. They are exactly what `yaml.load(yaml_text, Loader)` makes, with the loader of
        `core.yamlsource.reads_like` (ask it before taking them); each is given once, to one page (its own copy)."""
        return self._front_matters.pop(yaml_text, None)

    @property
    def page_urls(self) -> dict[str, str]:
        """src_uri → site URL of every documentation page (available from `on_files` on)."""
        return self._urls

    def page_url(self, src_uri: str) -> str | None:
        return self._urls.get(src_uri)

    def module_for(self, src_uri: str) -> Module | None:
        """The module a page is, or None for any other page."""
        return self.curriculum.module_by_uri(src_uri)

    def provide_last_changed(self, lookup: DateLookup) -> None:
        """Show, in each module's footer, the date `lookup` gives for its file (e.g. from git). Set once a build."""
        self._last_changed = lookup

    def last_changed(self, src_uri: str) -> dt.date | None:
        return self._last_changed(src_uri) if self._last_changed else None

    def provide_sheet_section(self, section: SheetSection) -> None:
        """Add a section to every module's mentor sheet (the feedback plugin's past sessions with their links)."""
        self._sheet_sections.append(section)

    def sheet_sections(self, module: Module, sheet_url: str) -> str:
        """What other plugins add to a module's mentor sheet, for the mentor area to place."""
        return "".join(section(module, sheet_url) for section in self._sheet_sections)

    def provide_track_section(self, section: TrackSection) -> None:
        """Add a section to every track's mentor page (the feedback plugin's figures of the track)."""
        self._track_sections.append(section)

    def track_sections(self, track: Track, page_url: str) -> str:
        return "".join(section(track, page_url) for section in self._track_sections)

    def provide_mentor_section(self, section: MentorSection) -> None:
        """Add a per-mentor section to the mentor area's statistics page (the feedback plugin's summaries)."""
        self._mentor_sections.append(section)

    def mentor_sections(self, mentor: Mentor, page_url: str) -> str:
        return "".join(section(mentor, page_url) for section in self._mentor_sections)

    def provide_programme_section(self, section: ProgrammeSection) -> None:
        """Add a section to the mentor area's statistics page (the feedback plugin's programme summary)."""
        self._programme_sections.append(section)

    def programme_sections(self, page_url: str) -> str:
        return "".join(section(page_url) for section in self._programme_sections)

    def provide_own_navigation(self, src_uris: Iterable[str]) -> None:
        """The pages whose navigation another plugin sets itself in `on_page_context`, after the curriculum plugin's
        (the mentor area's): the curriculum plugin leaves theirs unbuilt. Set once a build, from `on_files`."""
        self._own_navigation = frozenset(src_uris)

    def has_own_navigation(self, src_uri: str) -> bool:
        return src_uri in self._own_navigation

    def provide_sheet_urls(self, urls: dict[str, str]) -> None:
        """module id → the site URL of the module's mentor sheet (the mentor area, from `on_files`), so that other
        mentor pages can link to it. Set once a build."""
        self._sheet_urls = dict(urls)

    def sheet_url(self, module_id: str) -> str | None:
        """The site URL of a module's mentor sheet, None without a mentor area."""
        return self._sheet_urls.get(module_id)

    def provide_build_commit(self, commit: str) -> None:
        """The git commit the site is built from (the intranet plugin knows git), for `{build}` in feedback links."""
        self._build_commit = commit

    @property
    def build_commit(self) -> str:
        """The commit of this build, "" when unknown (no git, or no plugin that reads it)."""
        return self._build_commit
