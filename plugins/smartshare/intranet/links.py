"""Find the links of a Markdown file with their line and column, and tell which internal ones lead nowhere.

Plain Python: the plugin hands in what the build knows (pages, their URLs, their anchors). MkDocs checks the
same links but cannot say on which line they are; an author with 40 links in a module needs the line.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import posixpath
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from ..core.frontmatter import split_front_matter
from ..core.mdscan import blank_code_spans, code_lines
from ..core.problems import Problem, Severity, quoted
from ..core.suggest import NearIndex, did_you_mean, suggestion

# Link text may hold one level of brackets (an image inside a link); no alternative can take a `[`, so a line of
# thousands of `[` costs linear time. A lookahead, so that both the image inside a link and the link are found.
_TEXT = r"(?:[^\[\]\\]|\\.)*"
# The destination may hold brackets and one level of parentheses (`http://[x`, `javascript:f(1)`), as Markdown
# reads it, and must be followed by the closing `)` or a title; its alternatives never start alike, so a failed
# lookahead gives back at most the destination's own length.
_DESTINATION = r"(?:[^()\s]|\([^()\s]*\))+"
INLINE = re.compile(rf"(?=\[{_TEXT}(?:\[{_TEXT}\]{_TEXT})*\]\([ \t]*(<[^<>\n]*>|{_DESTINATION})[ \t]*[)\"'])")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
HTML_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
ANCHOR_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class Link:
    target: str
    line: int  # 1-based line of the file
    column: int  # 1-based column where the target starts


def find_links(source: str, body: str | None = None, body_line: int = 0) -> Iterator[Link]:
    """Every link, image and HTML href/src outside code, located in the whole file (front matter included).

    Code is what `core.mdscan` says it is: fenced blocks, indented blocks and code spans are not searched.
    `body` and `body_line`: the text after the front matter as `sitecheck.read_page` cuts it, when known.
    """
    if body is None:
        split = split_front_matter(source)
        body = split.body.lstrip("\n")  # as MkDocs hands pages to Markdown: the same text the other checks scan
        body_line = split.body_line + split.body.count("\n", 0, len(split.body) - len(body))
    first_line = body_line
    code = code_lines(body)
    lines = body.split("\n")
    for index in _link_lines(body):  # lines that can hold a link: one search of the text, not a test per line
        if code[index]:
            continue
        line = lines[index].rstrip("\r")
        # blank out code spans, keeping columns, so `[a](b)` shown as code is not a link
        text = blank_code_spans(line) if "`" in line else line
        found = list(INLINE.finditer(text)) if "](" in text else []
        if text.lstrip(" ")[:1] == "[":
            found += REFERENCE.finditer(text)
        if "=" in text:
            found += HTML_ATTRIBUTE.finditer(text)
        for match in sorted(found, key=lambda match: match.start(1)):
            target = match.group(1)
            column = match.start(1) + 1
            if target.startswith("<"):
                target, column = target[1:-1], column + 1
            yield Link(target, first_line + index, column)


def _link_lines(body: str) -> Iterator[int]:
    """0-based numbers of the lines of `body` that may hold a link: with `](`, `=` (an HTML attribute) or a `[`
    among their first four characters. Found by searching the text for these, not by testing every line."""
    positions = []
    for needle in ("](", "=", "["):
        position = body.find(needle)
        while position >= 0:
            positions.append(position)
            position = body.find(needle, position + 1)
    positions.sort()
    line, counted, last = 0, 0, -1  # line number of the position `counted`; the last line given
    for position in positions:
        if body.startswith("[", position) and position - body.rfind("\n", 0, position) > 4:
            continue  # a `[` further in: a link there has its `](` too
        line += body.count("\n", counted, position)
        counted = position
        if line != last:
            last = line
            yield line


def anchors_in(html: str) -> set[str]:
    return set(ANCHOR_ID.findall(html))


@dataclass
class SiteIndex:
    """What the build knows about the site, keyed by source path relative to the docs folder."""

    urls: dict[str, str]  # every file's src_uri → its site URL ("ai/chatbots.md" → "ai/chatbots/")
    anchors: dict[str, set[str]]  # page src_uri → ids present in its final HTML
    sources: Collection[str] | None = None  # the author's own files, the only ones a hint may propose (all: None)

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

    @functools.cached_property
    def targets(self) -> LinkTargets:
        """Built on the first broken link, then shared by every other one of the build."""
        return LinkTargets(self.urls if self.sources is None else self.sources)


class LinkTargets:
    """The files a broken link may have meant, indexed once by name ("chatbots" for ai/chatbots.md).

    Only files the author wrote are candidates: a generated page (a tag, a mentor, the catalogue) moves when
    the curriculum changes and is never what a link in a module should point at.
    """

    MAX_RANKED = 50  # files sharing one name that are ranked by closeness to the link (keeps a lookup bounded)

    def __init__(self, src_uris: Iterable[str]) -> None:
        self.index = NearIndex((_name(uri), uri) for uri in sorted(src_uris))

    def suggest(self, wanted: str, here: str) -> list[str]:
        """Up to three files named like `wanted` (or one edit away), as paths relative to the folder `here`."""
        found = self.index.lookup(_name(wanted))[: self.MAX_RANKED]
        ranked = sorted(found, key=lambda uri: (-difflib.SequenceMatcher(None, uri, wanted).ratio(), uri))
        return [posixpath.relpath(uri, here or ".") for uri in ranked[:3]]


def _name(path: str) -> str:
    """What a link names: the file's name without extension, or its folder's name for an index page."""
    folder, base = posixpath.split(path.rstrip("/"))
    stem = posixpath.splitext(base)[0]
    return posixpath.basename(folder) if stem.casefold() in ("index", "readme") and folder else stem


def check_links(
    page_uri: str,
    display: str,
    source: str,
    site: SiteIndex,
    body: str | None = None,
    body_line: int = 0,
    found: Iterable[Link] | None = None,
) -> Iterable[Problem]:
    """`body`, `body_line`: as `find_links` takes them; `found`: what `find_links` gives, when known already."""
    for link in find_links(source, body, body_line) if found is None else found:
        problem = _check(link, page_uri, site)
        if problem:
            message, hint = problem
            yield Problem(display, link.line, link.column, Severity.WARNING, "broken-link", message, hint)


def check_malformed_links(display: str, source: str) -> Iterable[Problem]:
    """Only the links too malformed to read, for a build whose links are not checked: MkDocs must not meet them
    (see `defuse_malformed_links`), and what is defused is never left unsaid."""
    if "//" not in source:
        return  # a malformed target has a host part: nearly every page is done here
    for link in find_links(source):
        try:
            urlsplit(link.target)
        except ValueError as error:
            message, hint = _malformed(link, error)
            yield Problem(display, link.line, link.column, Severity.WARNING, "broken-link", message, hint)


def _malformed(link: Link, error: ValueError) -> tuple[str, str]:
    hint = "write the address as the browser shows it; a [ or ] in a link is written %5B or %5D"
    return f"link {quoted(link.target)} is malformed: {error}", hint


def _check(link: Link, page_uri: str, site: SiteIndex) -> tuple[str, str] | None:
    try:
        scheme, netloc, path, _query, anchor = urlsplit(link.target)
    except ValueError as error:  # "Invalid IPv6 URL": an unbalanced [ or ] after //
        return _malformed(link, error)
    if scheme or netloc or link.target.startswith(("/", "\\")) or "{{" in link.target:
        return None  # another site, or an absolute path the author chose deliberately
    path = unquote(path)
    target = site.resolve(page_uri, path) if path else page_uri
    if target is None:
        wanted = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))
        near = site.targets.suggest(wanted, posixpath.dirname(page_uri))
        hint = suggestion(near, f"create {wanted} or fix the link")
        return f"link '{link.target}' leads nowhere: no page or file {wanted} in the docs folder", hint
    known = site.anchors.get(target)
    if anchor and known is not None and anchor not in known:
        where = "this page" if target == page_uri else target
        hint = did_you_mean(anchor, known, "link to a heading's anchor (shown by the ¶ sign beside it)")
        return f"link '{link.target}' leads nowhere: {where} has no heading or anchor '#{anchor}'", hint
    return None


def text_digest(text: str) -> bytes:
    """What stands for a text in `defuse_malformed_links`' set: a 160-bit BLAKE2 digest (`hash()` could collide)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def sound_text(body: str, found: Iterable[Link]) -> bool:
    """Whether `found`, the links `find_links` found in `body` (the text after the front matter, as given), shows
    that `defuse_malformed_links(body)` leaves `body` as it is: none is malformed, and `find_links(body)`, which
    cuts a front matter off its text first, would search all of `body` (it has none to cut) and find the same."""
    return split_front_matter(body).body.lstrip("\n") == body and not any(is_malformed(link.target) for link in found)


def is_malformed(target: str) -> bool:
    """A link `urllib` cannot split (`http://[x`): MkDocs would stop with a traceback on it."""
    try:
        urlsplit(target)
    except ValueError:
        return True
    return False


def defuse_malformed_links(markdown: str, sound: Collection[bytes] = ()) -> str:
    """`markdown` with each malformed link target percent-encoded, so MkDocs' own link handling cannot crash.

    The link check reports each of them at its line; the page is only rendered so that the report can be made.
    `sound`: `text_digest`s of texts whose every link the check found well-formed (`sound_text`): such a text is
    not searched for links a second time.
    """
    if "//" not in markdown:
        return markdown  # a malformed target has a host part: nearly every page is done here
    if sound and text_digest(markdown) in sound:
        return markdown
    bad = {link.target for link in find_links(markdown) if is_malformed(link.target)}
    for target in sorted(bad, key=len, reverse=True):
        markdown = markdown.replace(target, quote(target, safe="/:?#&=%@!$'()*+,;~"))
    return markdown
