"""Which pages the mentor area holds, and where: plain Python, no MkDocs.

One page per module (its mentor sheet: notes in place, session kit, answer keys), one per track (review dates,
stale modules), the field reference and the curriculum statistics, under `<prefix>/`. A module's page mirrors
the module's own path (`ai/chatbots.md` → `mentor/ai/chatbots/`), so a mentor finds one from the other.

Later pages (the feedback figures, the session schedule) are new `kind`s: add them in `plan_area` (with a
reserved name in `RESERVED`), give them a template in `render.py`, and they get the area's navigation, its
`noindex`, and their exclusion from search and sitemap like every other page here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

import yaml

from ..core.i18n import Translator
from ..core.mdscan import heading_markdown
from ..core.model import Curriculum, Module

PAGE_TEMPLATE = "smartshare/mentor-area.html"  # adds `noindex`; see templates/
SHEET_TEMPLATE = "smartshare/mentor-sheet.html"  # the same page, for module sheets: themed from a shell (shell.py)
RESERVED = {"reference": "fields.md", "stats": "statistics.md"}  # area pages that are not a track or module


@dataclass
class AreaPage:
    path: str  # where the page is published, as a docs path: "mentor/ai/chatbots.md"
    kind: str  # home, track, module, reference, stats
    title: str
    markdown: str
    key: str = ""  # the track or module id
    edit_uri: str | None = None  # the author file it comes from, for "Edit this page"
    source: str = ""  # where MkDocs reads it from: for a module, beside the module (see `sheet_source`)


@dataclass
class MentorArea:
    prefix: str
    pages: list[AreaPage] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[AreaPage]:
        return [p for p in self.pages if p.kind == kind]

    def module_path(self, module: Module) -> str:
        return f"{self.prefix}/{module.src_uri}"

    def track_path(self, track_id: str) -> str:
        return f"{self.prefix}/{track_id}/index.md"

    @property
    def home_path(self) -> str:
        return f"{self.prefix}/index.md"


SHEET_SUFFIX = ".mentor-sheet.md"  # a module's sheet is read from beside it: `ai/chatbots.mentor-sheet.md`


def sheet_source(module: Module) -> str:
    """The docs path MkDocs reads a module's sheet from: in the module's folder, so the module's own relative
    links and images resolve exactly as on its course page; the sheet is then published under the prefix."""
    folder, name = posixpath.split(module.src_uri)
    return posixpath.join(folder, name[:-3] + SHEET_SUFFIX)


def plan_area(curriculum: Curriculum, prefix: str, t: Translator, reference: str) -> MentorArea:
    """Every page of the area; `reference` is the field reference's Markdown."""
    area = MentorArea(prefix)
    title = t("mentor.area")
    area.pages.append(AreaPage(area.home_path, "home", title, _page(title, f"# {title}\n")))
    for track in curriculum.tracks:
        heading = t("mentor.track_page", title=track.title)
        area.pages.append(
            AreaPage(
                area.track_path(track.id),
                "track",
                heading,
                _page(heading, heading_markdown(heading)),
                track.id,
                track.src_uri,
            )
        )
    for module in curriculum.ordered_modules():
        heading = t("mentor.sheet", title=module.title)
        # only the title: the body is the module's own HTML with its notes, rendered once with the course page
        markdown = _page(heading, heading_markdown(heading), SHEET_TEMPLATE)
        area.pages.append(
            AreaPage(
                area.module_path(module), "module", heading, markdown, module.id, module.src_uri, sheet_source(module)
            )
        )
    title = t("curriculum.reference")
    area.pages.append(AreaPage(f"{prefix}/{RESERVED['reference']}", "reference", title, _page(title, reference)))
    title = t("mentor.stats")
    area.pages.append(AreaPage(f"{prefix}/{RESERVED['stats']}", "stats", title, _page(title, f"# {title}\n")))
    for page in area.pages:
        page.source = page.source or page.path
    return area


def _page(title: str, body: str, template: str = PAGE_TEMPLATE) -> str:
    """Front matter every area page shares: its template (noindex) and no place in the search index."""
    head = yaml.dump({"title": title}, Dumper=_TITLE_DUMPER, allow_unicode=True)
    return "---\n" + head + _FRONT_MATTER_TAILS[template] + "---\n" + body


#: the title's YAML written by PyYAML's C emitter (libyaml) where PyYAML has it: a fifth of the Python emitter's time
#: for a sheet per module; the page reads the same title back (only the quoting of a title with characters such as
#: emoji or a line separator differs from the Python emitter's, and no page shows the front matter's text)
_TITLE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


#: the front matter's keys after the title, the same on every page of a template: dumped once (a sheet per module
#: dumped them each time); block style writes one key after another, so the whole is what dumping the three keys
#: together gives
_FRONT_MATTER_TAILS = {
    template: yaml.safe_dump({"template": template, "search": {"exclude": True}}, allow_unicode=True, sort_keys=False)
    for template in (PAGE_TEMPLATE, SHEET_TEMPLATE)
}
