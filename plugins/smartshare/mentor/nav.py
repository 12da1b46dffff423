"""The mentor area's own navigation: its home, each track (the current one open on its module sheets), the field
reference and the statistics. Course pages keep the curriculum's navigation; neither lists the other."""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


class MentorNavigation:
    def __init__(self, home: Page, tracks: list[tuple[Page, list[Page]]], others: list[Page]) -> None:
        self.home, self.tracks, self.others = home, tracks, others
        self.track_of = {id(p): index for index, (track, sheets) in enumerate(tracks) for p in [track, *sheets]}

    def for_page(self, page: Page) -> Navigation:
        current = self.track_of.get(id(page))
        items: list = [self.home]
        for index, (track, sheets) in enumerate(self.tracks):
            if index == current:
                section = Section(track.title, [track, *sheets])
                section.active = True
                items.append(section)
            else:
                items.append(track)
        items.extend(self.others)
        return Navigation(items, [self.home])
