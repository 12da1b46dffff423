"""Every problem of a docs folder in one pass: the curriculum, then the body of every Markdown page.

`smartshare check` and the site build both call `check_site`, so they report the same lines in the same order:
curriculum problems first (front matter, tracks, mentors), then, file by file, the problems in each page's
body (quizzes, mentor blocks, internal links). Nothing stops at the first broken file.

Which page checks run is the caller's choice (the build runs those of the enabled plugins, `check` those of the
plugins listed in mkdocs.yml). Quizzes and mentor blocks are checked in every Markdown file of the docs folder,
drafts included (an author wants to know before publishing); links only in the pages that are published,
against the files and pages the site will have.

Plain Python: no MkDocs.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from .core.checkcache import CheckCache, decode_problems, encode_problems
from .core.feedbackfigures import check_records
from .core.frontmatter import SplitSource, split_front_matter
from .core.loader import MENTORS_FILE, TRACK_FILE, LoadOptions, load_curriculum
from .core.model import Curriculum
from .core.problems import Problem, Problems
from .core.sourcetree import SourceTree, refused
from .core.sourcetree import read_page as read_source
from .intranet.anchors import AnchorReader
from .intranet.links import (
    Link,
    SiteIndex,
    check_links,
    check_malformed_links,
    find_links,
    sound_text,
    text_digest,
)


@dataclass(frozen=True)
class PageSource:
    """One Markdown file of the docs folder, cut the way MkDocs cuts it."""

    src_uri: str  # relative to the docs folder, with '/'
    path: str  # as problems name it: relative to the docs folder, which `Problems` shows from where the user is
    text: str  # the whole file
    body: str  # after the front matter, without the blank lines MkDocs drops at its start
    body_line: int  # file line where `body` starts


#: a check of one page's body: its problems, located in the file
PageCheck = Callable[[PageSource], Iterable[Problem]]
#: anchors a page gets besides its headings (a quiz's id, for instance)
AnchorSource = Callable[[PageSource], Iterable[str]]


@dataclass
class SiteChecks:
    pages: tuple[PageCheck, ...] = ()
    links: bool = False
    use_directory_urls: bool = True
    extra_anchors: tuple[AnchorSource, ...] = ()
    #: src_uris of the pages the build generates (track pages, catalogue, tags…), valid link targets
    generated: Callable[[Curriculum], Iterable[str]] = field(default=lambda curriculum: ())
    #: when given, filled with the `text_digest` of each page body whose links are checked and all well-formed
    #: (`intranet.links.sound_text`): the build then need not search that text for malformed links again
    sound: set[bytes] | None = None


def read_page(root: str, src_uri: str, read: str | None = None, split: SplitSource | None = None) -> PageSource | None:
    """`read`: the file's text as the curriculum loader read it, used when it is what this reading would give
    (the loader keeps carriage returns, which this reading turns into line breaks as MkDocs does); `split`: that
    text split as the loader split it."""
    if read is not None and "\r" not in read:
        text = read
    else:
        split = None
        path = os.path.join(root, src_uri)
        try:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            return None  # the curriculum check reports unreadable modules; other pages are MkDocs' to report
    split = split or split_front_matter(text)
    body = split.body.lstrip("\n")
    body_line = split.body_line + split.body.count("\n", 0, len(split.body) - len(body))
    return PageSource(src_uri, src_uri, text, body, body_line)


def docs_files(root: str) -> list[str]:
    """Every file of the docs folder as MkDocs finds it (hidden files and folders left out), in a stable order."""
    found = []
    for folder, subfolders, filenames in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        for name in sorted(filenames):
            if not name.startswith("."):
                found.append(name if relative == "." else f"{relative}/{name}")
    return found


def site_url(src_uri: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives a file (`ai/chatbots.md` → `ai/chatbots/`)."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def check_site(
    root: str, options: LoadOptions | None, checks: SiteChecks, cache_folder: str | None = None
) -> tuple[Curriculum, Problems]:
    """`options=None`: the docs folder is not read as a curriculum (its plugin is off), only its pages are checked.

    `cache_folder`: the build cache's folder, where what each file alone decides is kept across runs
    (`core.checkcache`); the problems are the same with it or without."""
    cache = CheckCache.open(cache_folder, root) if cache_folder else None
    curriculum, problems = _check_site(root, options, checks, cache)
    if cache is not None:
        cache.save()
    return curriculum, problems


def _check_site(
    root: str, options: LoadOptions | None, checks: SiteChecks, cache: CheckCache | None
) -> tuple[Curriculum, Problems]:
    texts: dict[str, str] = {}  # the files the curriculum loader reads: each page is read once
    splits: dict[str, SplitSource] = {}  # and each module split once
    if options is None:
        curriculum, problems = Curriculum(), Problems(root=root)
    else:
        options = dataclasses.replace(options, texts=texts, splits=splits, check_cache=cache)
        curriculum, problems = load_curriculum(root, options)
        problems.extend(check_records(root, curriculum))  # feedback/*.jsonl: the mentor area's figures
    files = docs_files(root)
    pages = {uri: read_page(root, uri, texts.get(uri), splits.get(uri)) for uri in files if uri.endswith(".md")}
    published = _published(curriculum, files)
    links = _LinkCheck(curriculum, published, pages, checks) if checks.links else None
    kept = _KeptPages(cache, checks, problems.root)
    for uri, page in pages.items():  # file by file, each page's problems together
        if page is None:
            continue
        # too large for Markdown: its one problem says so, no check reads it further (the loader reads no such page)
        if page.text is not texts.get(uri) and refused(page.text):
            if options is None:  # else the curriculum check has reported it
                tree = SourceTree(root)
                read_source(tree, uri)
                problems.extend(tree.problems)
            continue
        linked = links is not None and uri in links.published
        own, found = kept.recall(uri, page, linked)
        problems.extend(own)
        if links is not None:
            if linked and found is None:  # kept when it was not published
                found = list(find_links(page.text, page.body, page.body_line))
                kept.put(uri, page, own, found)
            problems.extend(links.problems(uri, page, found))
            if linked and checks.sound is not None and sound_text(page.body, found or ()):
                checks.sound.add(text_digest(page.body))
        if links is None and uri in published:  # links too malformed to read: reported even when links are not checked
            problems.extend(check_malformed_links(page.path, page.text))
    return curriculum, problems


def _published(curriculum: Curriculum, files: list[str]) -> set[str]:
    """The files of the docs folder that the site publishes (not left-out drafts, nor the curriculum's YAML)."""
    left_out = set(curriculum.left_out)
    return {uri for uri in files if uri not in left_out and uri != MENTORS_FILE and not uri.endswith("/" + TRACK_FILE)}


class _LinkCheck:
    """Internal links of the published pages, against the files and pages the site will have."""

    def __init__(
        self,
        curriculum: Curriculum,
        published: set[str],
        pages: dict[str, PageSource | None],
        checks: SiteChecks,
    ) -> None:
        self.published = published
        readable = {uri: page for uri in self.published if (page := pages.get(uri)) is not None}
        uris = sorted(self.published) + [uri for uri in checks.generated(curriculum) if uri not in self.published]
        urls = {uri: site_url(uri, checks.use_directory_urls) for uri in uris}
        self.site = SiteIndex(urls, _Anchors(readable, checks.extra_anchors))  # type: ignore[arg-type]

    def problems(self, uri: str, page: PageSource, found: list[Link] | None = None) -> Iterable[Problem]:
        """`found`: the page's links, when known already (`find_links`)."""
        if uri not in self.published:
            return ()
        return check_links(uri, page.path, page.text, self.site, page.body, page.body_line, found)


class _KeptPages:
    """The problems of a page's own checks and the links found in it, kept in the check cache by its text and
    the checks that ran (the links' targets are checked again on every run: other files decide them)."""

    def __init__(self, cache: CheckCache | None, checks: SiteChecks, root: str) -> None:
        self.cache, self.checks, self.root = cache, checks, root
        self.extra = " ".join(_name(check) for check in checks.pages)

    def recall(self, uri: str, page: PageSource, linked: bool) -> tuple[list[Problem], list[Link] | None]:
        """The page's problems and, when `linked` (its links are checked), its links, as kept or found afresh
        (links kept from a run that did not check them are None)."""

        def compute() -> tuple[list[Problem], list[Link] | None]:
            own = [problem for check in self.checks.pages for problem in check(page)]
            return own, list(find_links(page.text, page.body, page.body_line)) if linked else None

        if self.cache is None:
            return compute()
        return self.cache.recall("page", uri, page.text, self._read, compute, self._write, self.extra)

    def _read(self, kept: list) -> tuple[list[Problem], list[Link] | None]:
        problems, links = kept
        if not isinstance(problems, list) or not isinstance(links, (list, type(None))):
            raise TypeError(kept)
        found = None if links is None else [Link(target, line, column) for target, line, column in links]
        return decode_problems(problems, self.root), found

    @staticmethod
    def _write(result: tuple[list[Problem], list[Link] | None]) -> list:
        problems, found = result
        links = None if found is None else [[link.target, link.line, link.column] for link in found]
        return [encode_problems(problems), links]

    def put(self, uri: str, page: PageSource, problems: list[Problem], found: list[Link] | None) -> None:
        if self.cache is not None:
            self.cache.put("page", uri, page.text, self._write((problems, found)), self.extra)


def _name(check: object) -> str:
    """A page check as the same code names it in every process: its function's or class's qualified name."""
    named = check if hasattr(check, "__qualname__") else type(check)
    return f"{named.__module__}.{named.__qualname__}"


class _Anchors(Mapping):
    """Anchors by page, read only when a link's `#fragment` is checked against them (most links have none)."""

    def __init__(self, pages: dict[str, PageSource], extra: tuple[AnchorSource, ...]) -> None:
        self._pages = pages
        self._extra = extra
        self._read: dict[str, set[str]] = {}
        self._reader: AnchorReader | None = None

    def __getitem__(self, uri: str) -> AbstractSet[str]:
        if uri not in self._pages:
            raise KeyError(uri)  # a file or generated page: no anchors to check against
        return _PageAnchors(self, uri)

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)

    def __len__(self) -> int:
        return len(self._pages)

    def read(self, uri: str) -> set[str]:
        if uri not in self._read:
            page = self._pages[uri]
            self._reader = self._reader or AnchorReader()
            anchors = self._reader(page.body)
            for source in self._extra:
                anchors.update(source(page))
            self._read[uri] = anchors
        return self._read[uri]


class _PageAnchors(AbstractSet):
    """One page's anchors, read from its source the first time they are looked into."""

    def __init__(self, anchors: _Anchors, uri: str) -> None:
        self._anchors = anchors
        self._uri = uri

    def __contains__(self, anchor: object) -> bool:
        return anchor in self._anchors.read(self._uri)

    def __iter__(self) -> Iterator[str]:
        return iter(self._anchors.read(self._uri))

    def __len__(self) -> int:
        return len(self._anchors.read(self._uri))
