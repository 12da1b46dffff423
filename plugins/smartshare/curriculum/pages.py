"""Which pages the curriculum adds to the site: catalogue, track pages, mentor and tag pages, field reference.

Each is described by a `GeneratedPage`; the plugin turns it into a virtual `File` (or, when an author wrote a
page at the same place, appends the generated part to the author's page).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..core.i18n import Translator
from ..core.mdscan import heading_markdown
from ..core.model import Curriculum
from .reference import reference_markdown

if TYPE_CHECKING:  # `smartshare check` plans the pages without importing MkDocs (cli/workspace.py)
    from .config import CurriculumConfig


@dataclass
class GeneratedPage:
    src_uri: str
    kind: str  # catalogue, track, mentors, mentor, tags, tag, reference, learning
    title: str
    markdown: str = ""  # the page's own text; cards and lists are added as HTML by the renderer
    edit_uri: str | None = None  # the YAML file the page comes from, for "Edit this page"
    key: str = ""  # the track, mentor or tag the page is about


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "tag"


@dataclass
class SitePlan:
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    tag_uris: dict[str, str] = field(default_factory=dict)
    mentor_uris: dict[str, str] = field(default_factory=dict)

    def add(self, page: GeneratedPage) -> None:
        self.pages[page.src_uri] = page

    @property
    def mentors_index(self) -> str | None:
        return next((u for u, p in self.pages.items() if p.kind == "mentors"), None)

    @property
    def tags_index(self) -> str | None:
        return next((u for u, p in self.pages.items() if p.kind == "tags"), None)

    @property
    def learning(self) -> str | None:
        return next((u for u, p in self.pages.items() if p.kind == "learning"), None)

    @property
    def reference(self) -> str | None:
        return next((u for u, p in self.pages.items() if p.kind == "reference"), None)


def plan_pages(curriculum: Curriculum, config: CurriculumConfig, t: Translator) -> SitePlan:
    plan = SitePlan()
    plan.add(GeneratedPage("index.md", "catalogue", t("curriculum.catalogue"), f"# {t('curriculum.catalogue')}\n"))
    for track in curriculum.tracks:
        plan.add(GeneratedPage(track.index_uri, "track", track.title, f"# {track.title}\n", track.src_uri, track.id))
    mentors_dir = config.mentors_dir.strip("/")
    if curriculum.mentors:
        title = t("curriculum.mentors")
        plan.add(GeneratedPage(f"{mentors_dir}/index.md", "mentors", title, f"# {title}\n", "mentors.yml"))
    for mentor in curriculum.mentors.values():
        uri = f"{mentors_dir}/{mentor.id}.md"
        plan.mentor_uris[mentor.id] = uri
        plan.add(GeneratedPage(uri, "mentor", mentor.name, heading_markdown(mentor.name), "mentors.yml", mentor.id))
    tags = curriculum.tags()
    tags_dir = config.tags_dir.strip("/")
    if tags:
        title = t("curriculum.tags")
        plan.add(GeneratedPage(f"{tags_dir}/index.md", "tags", title, f"# {title}\n"))
    used: set[str] = set()
    for tag in tags:
        slug = slugify(tag)
        while slug in used or slug == "index":
            slug += "-"
        used.add(slug)
        uri = f"{tags_dir}/{slug}.md"
        plan.tag_uris[tag] = uri
        plan.add(GeneratedPage(uri, "tag", tag, heading_markdown(tag), key=tag))
    reference = config.reference_page.strip("/")
    # for mentors and maintainers: out of the learners' navigation (plugin.py) and of the search index
    markdown = "---\nsearch:\n  exclude: true\n---\n" + reference_markdown(t)
    plan.add(GeneratedPage(reference, "reference", t("curriculum.reference"), markdown))
    learning = config.learning_page.strip("/")
    plan.add(GeneratedPage(learning, "learning", t("learning.title"), f"# {t('learning.title')}\n"))
    return plan
