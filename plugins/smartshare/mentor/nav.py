"""The mentor area's own navigation: its home, each track (the current one open on its module sheets), the field
reference and the statistics. Course pages keep the curriculum's navigation; neither lists the other.

Like the course pages' navigation (`curriculum/nav.py`), an open track shows a window of sheets around the current
one, not all of them: listing a 200-module track on each of its 200 sheets made the theme's navigation template the
largest cost of the area, and every sheet stays one click away on the track's mentor page."""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


class MentorNavigation:
    def __init__(self, home: Page, tracks: list[tuple[Page, list[Page]]], others: list[Page], window: int) -> None:
        self.home, self.tracks, self.others, self.window = home, tracks, others, window
        self.track_of = {id(p): index for index, (track, sheets) in enumerate(tracks) for p in [track, *sheets]}
        self.position = {id(p): i for track, sheets in tracks for i, p in enumerate(sheets)}

    def for_page(self, page: Page) -> Navigation:
        current = self.track_of.get(id(page))
        items: list = [self.home]
        for index, (track, sheets) in enumerate(self.tracks):
            if index == current:
                section = Section(track.title, [track, *self._shown(sheets, page)])
                section.active = True
                items.append(section)
            else:
                items.append(track)
        items.extend(self.others)
        return Navigation(items, [self.home])

    def _shown(self, sheets: list[Page], page: Page) -> list[Page]:
        """The sheets around `page` (the first ones on the track's own page), as many as the course navigation."""
        index = self.position.get(id(page), 0)
        start = max(0, min(index - self.window, len(sheets) - 2 * self.window - 1))
        return sheets[start : start + 2 * self.window + 1]
