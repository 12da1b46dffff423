"""Navigation built from the tracks, and a small per-page navigation so page size does not grow with the catalogue.

MkDocs gets the whole structure (tracks in order, each with its landing page and modules) for previous/next links
and breadcrumbs. What the theme renders on a page is pruned: every track as a single link, except the page's own
track, which shows its landing page and a window of modules around the current one.

A curriculum with more tracks than a window holds (600 tracks at 2,000 modules) shows a window of tracks around the
page's own (the first ones on pages outside a track), then a link to the catalogue's list of every track: listing
them all on every page made the theme's navigation the largest per-page cost that grows with the curriculum. The
mentor area does the same (`mentor/nav.py`).
"""

from __future__ import annotations

from mkdocs.structure.nav import Link, Navigation, Section
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


def around(items: list, index: int, window: int) -> list:
    """The `2 × window + 1` items centred on `items[index]`, shifted to stay inside the list (all of a short list):
    the one window rule of the course navigation and the mentor area's."""
    start = max(0, min(index - window, len(items) - 2 * window - 1))
    return items[start : start + 2 * window + 1]


class PrunedNavigation:
    """Builds, for each page, the navigation the theme renders."""

    def __init__(self, nav: Navigation, curriculum: Curriculum, window: int, all_tracks=None) -> None:
        """`all_tracks(count)`: the label of the link to the catalogue's list of every track, shown when some are left
        out of a page's navigation (never, without it)."""
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
        self.track_ids = list(self.track_sections)
        # where each entry sits in `top`: a page lists the other items and its window of tracks without going through
        # every track on every page (617 tracks and about 4,000 pages at 2,000 modules)
        self.others = [i for i, entry in enumerate(self.top) if not isinstance(entry, str)]
        self.places: dict[str, list[int]] = {}
        for i, entry in enumerate(self.top):
            if isinstance(entry, str):
                self.places.setdefault(entry, []).append(i)
        self.track_index = {track_id: i for i, track_id in enumerate(self.track_ids)}
        self.all_tracks: Link | None = None
        if all_tracks and len(self.track_ids) > 2 * window + 1 and self.homepages:
            # the catalogue's heading of every track (`id="tracks"` in catalogue.html); "./" for a homepage at the root
            self.all_tracks = Link(all_tracks(len(self.track_ids)), (self.homepages[0].url or "./") + "#tracks")

    def _track_of_section(self, item) -> Track | None:
        if not isinstance(item, Section) or not item.children or not isinstance(item.children[0], Page):
            return None
        return self.curriculum.track_by_index_uri(item.children[0].file.src_uri)

    def for_page(self, page: Page) -> Navigation:
        current = self._current_track(page)
        window = self._window(current)
        if window is None:
            entries = self.top
        else:  # in the order of `top`: every other item, and the tracks of the window
            entries = [self.top[i] for i in sorted([*self.others, *(i for t in window for i in self.places[t])])]
        items = []
        for entry in entries:
            if not isinstance(entry, str):
                items.append(entry)
            else:
                section = self.track_sections[entry]
                items.append(self._open_track(section, page) if entry == current else section.children[0])
                if window and entry == window[-1]:
                    items.append(self.all_tracks)
        return Navigation(items, self.homepages)

    def _window(self, current: str | None) -> list[str] | None:
        """None when every track fits in the navigation; else the tracks around the current one, in order (the first
        ones on a page outside a track)."""
        if self.all_tracks is None:
            return None
        return around(self.track_ids, self.track_index.get(current, 0) if current else 0, self.window)

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
        shown = Section(section.title, [landing, *around(modules, index, self.window)])
        shown.active = True
        return shown
