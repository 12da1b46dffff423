"""Find the links of a Markdown file with their line and column, and tell which internal ones lead nowhere.

Plain Python: the plugin hands in what the build knows (pages, their URLs, their anchors). MkDocs checks the
same links but cannot say on which line they are; an author with 40 links in a module needs the line.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from ..core.problems import Problem, Severity, quoted
from ..core.suggest import closest

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
INLINE = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^)\s]+)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
HTML_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
ANCHOR_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class Link:
    target: str
    line: int  # 1-based line of the file
    column: int  # 1-based column where the target starts


def find_links(source: str) -> Iterator[Link]:
    """Every link, image and HTML href/src outside code, located in the whole file (front matter included)."""
    front = FRONT_MATTER.match(source)
    first_line = source.count("\n", 0, front.end()) + 1 if front else 1
    fence: str | None = None
    for number, line in enumerate(source.splitlines()[first_line - 1 :], start=first_line):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        # blank out code spans, keeping columns, so `[a](b)` shown as code is not a link
        text = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for pattern in (INLINE, REFERENCE, HTML_ATTRIBUTE):
            for match in pattern.finditer(text):
                target = match.group(1)
                column = match.start(1) + 1
                if target.startswith("<"):
                    target, column = target[1:-1], column + 1
                yield Link(target, number, column)


def anchors_in(html: str) -> set[str]:
    return set(ANCHOR_ID.findall(html))


@dataclass
class SiteIndex:
    """What the build knows about the site, keyed by source path relative to the docs folder."""

    urls: dict[str, str]  # every file's src_uri → its site URL ("ai/chatbots.md" → "ai/chatbots/")
    anchors: dict[str, set[str]]  # page src_uri → ids present in its final HTML

    def __post_init__(self) -> None:
        self._by_url = {url.rstrip("/"): uri for uri, url in self.urls.items()}

    def resolve(self, page_uri: str, path: str) -> str | None:
        """The src_uri a relative link leads to, trying it as a file, then as a folder/URL of a page."""
        page_url = self.urls.get(page_uri, "")
        as_file = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))
        candidates = [as_file]
        if not posixpath.splitext(path)[1]:
            # "../chatbots/" written the way it appears in the browser, or a folder with an index page
            candidates += [posixpath.join(as_file, "index.md"), as_file + ".md"]
            url_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
            as_url = posixpath.normpath(posixpath.join(url_dir, path))
            by_url = self._by_url.get("" if as_url == "." else as_url)
            if by_url:
                return by_url
        return next((c for c in candidates if c in self.urls), None)


def check_links(page_uri: str, display: str, source: str, site: SiteIndex) -> Iterable[Problem]:
    for link in find_links(source):
        problem = _check(link, page_uri, site)
        if problem:
            message, hint = problem
            yield Problem(display, link.line, link.column, Severity.WARNING, "broken-link", message, hint)


def _check(link: Link, page_uri: str, site: SiteIndex) -> tuple[str, str] | None:
    try:
        scheme, netloc, path, _query, anchor = urlsplit(link.target)
    except ValueError as error:  # "Invalid IPv6 URL": an unbalanced [ or ] after //
        hint = "write the address as the browser shows it; a [ or ] in a link is written %5B or %5D"
        return f"link {quoted(link.target)} is malformed: {error}", hint
    if scheme or netloc or link.target.startswith(("/", "\\")) or "{{" in link.target:
        return None  # another site, or an absolute path the author chose deliberately
    path = unquote(path)
    target = site.resolve(page_uri, path) if path else page_uri
    if target is None:
        wanted = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))
        here = posixpath.dirname(page_uri)
        options = [posixpath.relpath(uri, here or ".") for uri in site.urls]
        hint = _did_you_mean(posixpath.relpath(wanted, here or "."), options) or f"create {wanted} or fix the link"
        return f"link '{link.target}' leads nowhere: no page or file {wanted} in the docs folder", hint
    known = site.anchors.get(target)
    if anchor and known is not None and anchor not in known:
        where = "this page" if target == page_uri else target
        hint = _did_you_mean(anchor, known) or "link to a heading's anchor (shown by the ¶ sign beside it)"
        return f"link '{link.target}' leads nowhere: {where} has no heading or anchor '#{anchor}'", hint
    return None


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    matches = closest(word, options)
    return "did you mean " + " or ".join(f"'{m}'" for m in matches) + "?" if matches else ""


def is_malformed(target: str) -> bool:
    """A link `urllib` cannot split (`http://[x`): MkDocs would stop with a traceback on it."""
    try:
        urlsplit(target)
    except ValueError:
        return True
    return False


def defuse_malformed_links(markdown: str) -> str:
    """`markdown` with each malformed link target percent-encoded, so MkDocs' own link handling cannot crash.

    The link check reports each of them at its line; the page is only rendered so that the report can be made.
    """
    if "//" not in markdown:
        return markdown  # a malformed target has a host part: nearly every page is done here
    bad = {link.target for link in find_links(markdown) if is_malformed(link.target)}
    for target in sorted(bad, key=len, reverse=True):
        markdown = markdown.replace(target, quote(target, safe="/:?#&=%@!$'()*+,;~"))
    return markdown
