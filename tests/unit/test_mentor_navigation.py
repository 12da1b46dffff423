"""The mentor area's navigation shows a window of the open track's sheets, as the course navigation does, so a
sheet's size does not grow with its track (and the theme's navigation template does not grow with it either)."""

from __future__ import annotations

from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from smartshare.mentor.nav import MentorNavigation

CONFIG = {"site_url": None, "repo_url": None, "edit_uri": None}


def _page(path: str) -> Page:
    return Page(path, File(path, "docs", "site", True), CONFIG)


def _navigation(window: int):
    home, reference, stats = _page("mentor/index.md"), _page("mentor/fields.md"), _page("mentor/statistics.md")
    tracks = []
    for name, count in (("ai", 20), ("data", 3)):
        tracks.append((_page(f"mentor/{name}/index.md"), [_page(f"mentor/{name}/m{i:02}.md") for i in range(count)]))
    return MentorNavigation(home, tracks, [reference, stats], window), home, tracks, [reference, stats]


def _open_section(navigation) -> list[str]:
    (section,) = [item for item in navigation.items if isinstance(item, Section)]
    assert section.active
    return [page.file.src_uri for page in section.children]


def test_a_sheet_sees_its_track_page_and_the_sheets_around_it():
    navigation, home, tracks, others = _navigation(window=2)
    (_, sheets), (data, _) = tracks
    built = navigation.for_page(sheets[10])
    assert built.items[0] is home and built.items[2] is data and built.items[3:] == others
    assert _open_section(built) == ["mentor/ai/index.md"] + [f"mentor/ai/m{i:02}.md" for i in range(8, 13)]


def test_the_window_stays_full_at_both_ends_of_a_track_and_on_the_track_page():
    navigation, _, tracks, _ = _navigation(window=2)
    (ai, sheets), (_, data_sheets) = tracks
    first = [f"mentor/ai/m{i:02}.md" for i in range(5)]
    assert _open_section(navigation.for_page(sheets[0])) == ["mentor/ai/index.md", *first]
    assert _open_section(navigation.for_page(ai)) == ["mentor/ai/index.md", *first]
    last = [f"mentor/ai/m{i:02}.md" for i in range(15, 20)]
    assert _open_section(navigation.for_page(sheets[19])) == ["mentor/ai/index.md", *last]
    # a track shorter than the window shows all of its sheets
    assert len(_open_section(navigation.for_page(data_sheets[1]))) == 1 + 3


def test_pages_outside_the_tracks_open_no_track():
    navigation, home, tracks, others = _navigation(window=2)
    built = navigation.for_page(others[0])
    assert built.items == [home, tracks[0][0], tracks[1][0], *others]


def test_a_long_list_of_tracks_is_windowed_around_the_current_track_too():
    home, others = _page("mentor/index.md"), [_page("mentor/fields.md")]
    tracks = [(_page(f"mentor/t{i:02}/index.md"), [_page(f"mentor/t{i:02}/m.md")]) for i in range(12)]
    navigation = MentorNavigation(home, tracks, others, window=2)

    def listed(page) -> list[str]:
        items = navigation.for_page(page).items
        assert items[0] is home and items[-1] is others[0]
        return [(item.children[0] if isinstance(item, Section) else item).file.src_uri for item in items[1:-1]]

    assert listed(tracks[6][1][0]) == [f"mentor/t{i:02}/index.md" for i in range(4, 9)]
    assert listed(tracks[11][0]) == [f"mentor/t{i:02}/index.md" for i in range(7, 12)]
    assert listed(home) == [f"mentor/t{i:02}/index.md" for i in range(5)]
