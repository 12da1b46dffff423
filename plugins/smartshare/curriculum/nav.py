"""Navigation built from the tracks, and a small per-page navigation so page size does not grow with the catalogue.

MkDocs gets the whole structure (tracks in order, each with its landing page and modules) for previous/next links
and breadcrumbs. What the theme renders on a page is pruned: every track as a single link, except the page's own
track, which shows its landing page and a window of modules around the current one.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..core.model import Curriculum, Track
from .pages import SitePlan


def nav_config(curriculum: Curriculum, plan: SitePlan, t) -> list:
    """The `nav` MkDocs would read from mkdocs.yml, derived from the tracks instead."""
    items: list = [{t("curriculum.catalogue"): "index.md"}]
    for track in curriculum.tracks:
        items.append({track.title: [track.index_uri] + [curriculum.modules[mid].src_uri for mid in track.module_ids]})
    for uri, key in (
        (plan.mentors_index, "curriculum.mentors"),
        (plan.tags_index, "curriculum.tags"),
    ):
        if uri:
            items.append({t(key): uri})
    return items


class PrunedNavigation:
    """Builds, for each page, the navigation the theme renders."""

    def __init__(self, nav: Navigation, curriculum: Curriculum, window: int) -> None:
        self.curriculum = curriculum
        self.window = window
        self.full = nav
        self.track_sections: dict[str, Section] = {}
        self.top: list = []  # top-level items, with each track section kept as a marker
        # found once: scanning every page for it on each page made the build quadratic in the pages
        self.homepages = [p for p in nav.pages if p.is_homepage]
        for item in nav.items:
            track = self._track_of_section(item)
            self.top.append(track.id if track else item)
            if track:
                self.track_sections[track.id] = item

    def _track_of_section(self, item) -> Track | None:
        if not isinstance(item, Section) or not item.children or not isinstance(item.children[0], Page):
            return None
        return self.curriculum.track_by_index_uri(item.children[0].file.src_uri)

    def for_page(self, page: Page) -> Navigation:
        current = self._current_track(page)
        items = []
        for entry in self.top:
            if isinstance(entry, str):
                section = self.track_sections[entry]
                items.append(self._open_track(section, page) if entry == current else section.children[0])
            else:
                items.append(entry)
        return Navigation(items, self.homepages)

    def _current_track(self, page: Page) -> str | None:
        src_uri = page.file.src_uri
        module = self.curriculum.module_by_uri(src_uri)
        if module:
            return module.track_id
        track = self.curriculum.track_by_index_uri(src_uri)
        return track.id if track else None

    def _open_track(self, section: Section, page: Page) -> Section:
        landing, modules = section.children[0], section.children[1:]
        index = next((i for i, p in enumerate(modules) if p is page), 0)
        start = max(0, min(index - self.window, len(modules) - 2 * self.window - 1))
        shown = Section(section.title, [landing, *modules[start : start + 2 * self.window + 1]])
        shown.active = True
        return shown
