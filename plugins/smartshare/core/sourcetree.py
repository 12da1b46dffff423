"""The files of a curriculum folder as the file system really has them: links, folders, encodings, sizes.

Everything here runs before any page is parsed, by `smartshare check` and by the build's first event, so that
neither the loader, nor Python-Markdown, nor MkDocs (whose own file walk follows links) ever meets:

- a symbolic link that leads outside the curriculum folder: its target is never read or published;
- a link that loops or leads nowhere, or a folder named like a file (`x.md/`, `track.yml/`);
- a page that is not UTF-8, or input so large that Markdown would take minutes to read it (a huge line, or a
  paragraph of thousands of `[` or of HTML tags left open).
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .problems import Problem, Severity, display_path, quoted

TRACK_FILE = "track.yml"
MENTORS_FILE = "mentors.yml"

#: longer lines are no prose an author wrote: a pasted file, a minified blob or a corrupted save
MAX_LINE = 20_000
#: Python-Markdown's link and image patterns look ahead from every `[`: time grows with the square of their number
#: in one run of text (1,000 take a second, 10,000 more than a minute)
MAX_BRACKETS = 1_000
#: an HTML tag left open (`<a ` and no `>`) makes Python-Markdown's HTML parser read on to the end of the paragraph
#: from each one: time grows with the square of their number too (3,000 take seconds, 20,000 minutes)
MAX_OPEN_TAGS = 1_000
#: a page larger than this is refused whole, before anything is parsed
MAX_PAGE_CHARS = 2_000_000

# A run of text ends at a blank line; a list item, table row, heading or quote starts a new one for Markdown.
_RUN_START = re.compile(r"[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|[|#>])")
# A tag opening and what follows it up to the next `<` or `>`: group 1 is the `>` that closes it, if any. Neither
# part can take a `<`, so a line of any length is read in linear time.
_TAG = re.compile(r"<[A-Za-z][^<>]*(>)?")


@dataclass
class SourceTree:
    """What a walk of the curriculum folder found: problems, and the paths that must not be read."""

    root: str
    problems: list[Problem] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)  # src_uris (files or folders) never to read or publish
    pages: list[str] = field(default_factory=list)  # src_uris of the Markdown files a build would read

    def is_blocked(self, src_uri: str) -> bool:
        if src_uri in self.blocked or "" in self.blocked:
            return True
        return any(src_uri.startswith(folder + "/") for folder in self.blocked)

    def error(self, src_uri: str, code: str, message: str, hint: str, line: int = 1, column: int = 1) -> None:
        path = display_path(os.path.join(self.root, src_uri))
        self.problems.append(Problem(path, line, column, Severity.ERROR, code, message, hint))


def scan(root: str, problems: list[Problem] | None = None) -> SourceTree:
    """Every link and misnamed folder under `root`, hidden folders included (MkDocs walks those too).

    Problems are appended to `problems` when given (the loader's own list, so they are reported in one run).
    """
    tree = SourceTree(root, [] if problems is None else problems)
    folder_links: list[_FolderLink] = []
    try:
        _scan_folder(tree, root, "", os.path.realpath(root), folder_links)
    except RecursionError:  # hundreds of nested folders: no curriculum, and too deep for MkDocs' walk too
        tree.blocked.add("")
        tree.error(".", "too-deep", "folders are nested hundreds of levels deep", "move the files up")
        return tree
    _check_link_loops(tree, folder_links)
    return tree


@dataclass(frozen=True)
class _FolderLink:
    """A symbolic link to a folder inside the curriculum: MkDocs walks into it."""

    src_uri: str
    target: str  # as written in the link
    parent: str  # the real path of the folder that holds the link
    resolved: str  # the real path of the folder it leads to

    def leads_to(self, other: _FolderLink) -> bool:
        """Walking into this link reaches `other` (it is in the folder this link leads to, or below)."""
        return other.parent == self.resolved or other.parent.startswith(self.resolved + os.sep)


def _scan_folder(tree: SourceTree, folder: str, prefix: str, real_root: str, folder_links: list[_FolderLink]) -> None:
    # scandir: whether an entry is a link or a folder comes with the listing, no extra system call per file
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return  # unreadable folder: MkDocs skips it too
    for entry in entries:
        name, src_uri = entry.name, prefix + entry.name
        if entry.is_symlink():
            link = _check_link(tree, src_uri, entry.path, real_root)  # never walked: MkDocs would, see `_check_link`
            if link is not None:
                folder_links.append(link)
        elif entry.is_dir():
            if name in (TRACK_FILE, MENTORS_FILE) or name.endswith(".md"):
                tree.blocked.add(src_uri)
                kind = "a page" if name.endswith(".md") else "a YAML file"
                tree.error(
                    src_uri,
                    "not-a-file",
                    f"'{name}' is a folder, but its name is that of {kind}",
                    f"rename the folder, or move its content into a file named {name}",
                )
            _scan_folder(tree, entry.path, src_uri + "/", real_root, folder_links)
        elif name.endswith(".md") and not src_uri.startswith(".") and "/." not in src_uri:
            tree.pages.append(src_uri)


def _check_link(tree: SourceTree, src_uri: str, path: str, real_root: str) -> _FolderLink | None:
    """Reports a link that leaves, loops on itself or leads nowhere; returns a sound link to a folder."""
    target = os.readlink(path)
    try:
        os.stat(path)
    except OSError as error:
        tree.blocked.add(src_uri)
        if error.errno == errno.ELOOP:
            tree.error(
                src_uri,
                "bad-link",
                f"symbolic link loops back on itself (to '{target}')",
                "point the link at a real file or folder, or remove it",
            )
        else:
            tree.error(
                src_uri,
                "bad-link",
                f"symbolic link leads nowhere (to '{target}')",
                "point the link at an existing file, or remove it",
            )
        return None
    resolved = os.path.realpath(path)
    if os.path.commonpath([resolved, real_root]) != real_root:
        # security: a link could publish any file the build machine can read (keys, other projects)
        tree.blocked.add(src_uri)
        tree.error(
            src_uri,
            "link-outside",
            f"symbolic link leads outside the curriculum folder (to '{target}')",
            "copy what it points to into the curriculum folder, or remove the link",
        )
    elif resolved == real_root or real_root.startswith(resolved + os.sep) or _inside_own_folder(path, resolved):
        tree.blocked.add(src_uri)
        tree.error(
            src_uri,
            "bad-link",
            f"symbolic link loops back on itself (to '{target}')",
            "a link to a folder that contains it makes the folder endless: remove it",
        )
    elif os.path.isdir(resolved):
        return _FolderLink(src_uri, target, os.path.realpath(os.path.dirname(path)), resolved)
    return None


def _check_link_loops(tree: SourceTree, links: list[_FolderLink]) -> None:
    """Links to folders that lead into each other (`a/to-b` → `b`, `b/to-a` → `a`): MkDocs' walk would not end."""
    if len(links) < 2:
        return  # nearly every curriculum: a loop through one link is found by `_check_link`
    following = {link: [other for other in links if link.leads_to(other)] for link in links}
    for link in links:
        through = _path_back(link, following)
        if through is not None:
            tree.blocked.add(link.src_uri)
            tree.error(
                link.src_uri,
                "bad-link",
                f"symbolic link loops back on itself through {quoted(through.src_uri)} (to {quoted(link.target)})",
                "links to folders that link back make the folders endless: remove one of them",
            )


def _path_back(start: _FolderLink, following: dict[_FolderLink, list[_FolderLink]]) -> _FolderLink | None:
    """The first link on a way from `start` back to itself, if there is one (a search that visits each link once)."""
    for first in following[start]:
        seen, pending = {first}, [first]
        while pending:
            link = pending.pop()
            if link == start:
                return first
            for other in following[link]:
                if other not in seen:
                    seen.add(other)
                    pending.append(other)
    return None


def _inside_own_folder(path: str, resolved: str) -> bool:
    """A link to one of its own parent folders: walking it never ends."""
    parent = os.path.realpath(os.path.dirname(path))
    return parent == resolved or parent.startswith(resolved + os.sep)


def read_page(tree: SourceTree, src_uri: str) -> str | None:
    """The text of a file of the tree, or None after reporting why it cannot be used."""
    path = os.path.join(tree.root, src_uri)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:  # unreadable: permissions, a file removed during the walk, a folder
        reason = error.strerror or str(error)
        tree.error(src_uri, "unreadable", f"the file cannot be read: {reason}", "check that it is a readable file")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        tree.error(src_uri, "encoding", "the file is not valid UTF-8", "save it as UTF-8", line, column)
        return None
    if src_uri.endswith(".md"):
        problems = list(_absurd(text))
        for line, column, message, hint in problems:
            tree.error(src_uri, "too-large", message, hint, line, column)
        if problems:
            return None
    return text


def refused(text: str) -> bool:
    """Whether `read_page` refuses this page as too large for Markdown: no other check reads it either."""
    return next(_absurd(text), None) is not None


def _absurd(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Input that would keep Markdown busy for minutes; one problem per file is enough."""
    if len(text) > MAX_PAGE_CHARS:
        yield 1, 1, f"the page has {len(text):,} characters (at most {MAX_PAGE_CHARS:,})", "split it into pages"
        return
    if "[" not in text and "<" not in text and len(text) <= MAX_LINE:
        return  # nearly every page: nothing to count
    if (
        text.count("[") <= MAX_BRACKETS
        and text.count("<") <= MAX_OPEN_TAGS  # each open tag starts with one
        and (len(text) <= MAX_LINE or max(map(len, text.split("\n"))) <= MAX_LINE)
    ):
        return  # no paragraph can hold more than the whole page: the line-by-line count below finds nothing
    brackets, open_tags, run_line = 0, 0, 1
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE:
            hint = "break it into lines, or link to the file instead of pasting it"
            yield number, MAX_LINE + 1, f"line is {len(line):,} characters long (at most {MAX_LINE:,})", hint
            return
        if not line.strip() or _RUN_START.match(line):  # a new run: after a blank line, or at this line
            brackets, open_tags, run_line = 0, 0, number + (not line.strip())
        brackets += line.count("[")
        if brackets > MAX_BRACKETS:
            message = f"more than {MAX_BRACKETS:,} '[' in one paragraph: Markdown would take minutes to read it"
            yield run_line, 1, message, "split the paragraph with blank lines, or put the text in a code block"
            return
        if "<" in line:
            open_tags += sum(1 for tag in _TAG.finditer(line) if tag.group(1) is None)
            if open_tags > MAX_OPEN_TAGS:
                message = (
                    f"more than {MAX_OPEN_TAGS:,} HTML tags left open ('<a' without '>') in one paragraph:"
                    " Markdown would take minutes to read it"
                )
                yield run_line, 1, message, "close each tag with '>', or write '&lt;' for a '<' meant as text"
                return
