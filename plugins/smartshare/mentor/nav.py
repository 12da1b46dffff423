"""The mentor area's own navigation: its home, the tracks around the current one (that one open on its module
sheets), the field reference and the statistics. Course pages keep the curriculum's navigation; neither lists the other.

Like the course pages' navigation (`curriculum/nav.py`), an open track shows a window of sheets around the current
one, not all of them, and so does the list of tracks: listing a 200-module track on each of its 200 sheets, or 600
tracks on every sheet, made the theme's navigation template the largest cost of the area. Every sheet stays one
click away on its track's mentor page, every track on the area's home page."""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..curriculum.nav import around


class MentorNavigation:
    def __init__(self, home: Page, tracks: list[tuple[Page, list[Page]]], others: list[Page], window: int) -> None:
        self.home, self.tracks, self.others, self.window = home, tracks, others, window
        self.track_of = {id(p): index for index, (track, sheets) in enumerate(tracks) for p in [track, *sheets]}
        self.position = {id(p): i for track, sheets in tracks for i, p in enumerate(sheets)}

    def for_page(self, page: Page) -> Navigation:
        current = self.track_of.get(id(page))
        items: list = [self.home]
        for index, (track, sheets) in self._tracks_around(current):
            if index == current:
                section = Section(track.title, [track, *self._shown(sheets, page)])
                section.active = True
                items.append(section)
            else:
                items.append(track)
        items.extend(self.others)
        return Navigation(items, [self.home])

    def _tracks_around(self, current: int | None) -> list[tuple[int, tuple[Page, list[Page]]]]:
        """The tracks next to the current one (the first ones elsewhere): a curriculum of 600 tracks listed them all
        on every page of the area; the area's home page links to every track."""
        return around(list(enumerate(self.tracks)), current or 0, self.window)

    def _shown(self, sheets: list[Page], page: Page) -> list[Page]:
        """The sheets around `page` (the first ones on the track's own page), as many as the course navigation."""
        return around(sheets, self.position.get(id(page), 0), self.window)
