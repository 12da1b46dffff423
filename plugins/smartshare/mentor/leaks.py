"""The last line of defence: no text of a mentor note or session kit in any file of the learner site.

Learner pages never render mentor notes, but a template, a theme override or another plugin could still copy
them (a page description, a social card, a search index entry). After the build, every text file outside the
mentor area — HTML, the search index, the sitemap, JavaScript, CSS — is read back and compared with what the
mentor sheets show. Texts are compared sentence by sentence, after removing markup and escapes, so a leak is
found whether it is HTML, JSON or a JavaScript string. The lines that many pages share (navigation, footer) are
made readable once per build (`_Pieces`), and a paragraph they share is compared once. Plain Python: no MkDocs.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from operator import itemgetter
from typing import Any

from ..cache.findings import digest

TEXT_FILES = (".html", ".htm", ".json", ".js", ".mjs", ".css", ".xml", ".txt", ".svg", ".webmanifest", ".xml.gz")
MIN_SENTENCE = 24  # shorter sentences ("Keep it short.") may well appear in a course page by chance
MIN_NOTE = 12  # a whole note shorter than a sentence is still looked for
# A sentence end: a run of `[\n.!?;:…]` followed by blanks or the end of the text, `[\n.!?;:…]+(?:\s+|$)`, written
# with the run's first character apart: `X+` and `XX*` match the same text and backtrack alike (greedy, down to one
# character), but a pattern that starts with a character class lets `re` skip in C to the next position that can
# start a match, where a leading repeat is tried at every position: the split takes about 40 % less
# (tests/unit/test_leak_check_sentence_end.py).
_SENTENCE_END = re.compile(r"[\n.!?;:…][\n.!?;:…]*(?:\s+|$)")
PARAGRAPH = "\n\n"  # always inside a sentence end: splitting a text there first splits no sentence
_TAG = re.compile(r"<[^>]*>")
_ATTRIBUTE = re.compile(r"""=\s*("[^"]*"|'[^']*')""")  # a value with its quotes (`_values` takes them off)
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[\"\\/nrt])")


@dataclass
class Secret:
    text: str  # as the mentor sheet shows it
    origin: tuple[str, int, int]  # where an author wrote it: path, line, column


def sentences(text: str, minimum: int = MIN_SENTENCE) -> Iterator[str]:
    """Sentences of a text (split at punctuation and line breaks), whitespace collapsed and case folded."""
    for part in _SENTENCE_END.split(text):
        # most parts are the gaps between tags: collapsing whitespace only shortens a part, and so does case folding
        # when it is ASCII (folding "ß" gives "ss")
        if len(part) < minimum and part.isascii():
            continue
        part = " ".join(part.split()).casefold()
        if len(part) >= minimum:
            yield part


def probes(secret: str) -> set[str]:
    """What must not appear: every long enough sentence, or, in a note without one, its sentences of at least
    `MIN_NOTE` characters, split as a page's text is ("Keep it brief!" is found as "keep it brief")."""
    return set(sentences(secret)) or set(sentences(secret, MIN_NOTE))


class NoteTexts(HTMLParser):
    """The text of each element marked with `attribute` (a mentor note), without its label paragraph.

    Every tag becomes a line break, as in `readable_text`, so both sides split into the same sentences."""

    def __init__(self, attribute: str, label_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attribute, self.label_class = attribute, label_class
        self.notes: list[str] = []
        self._depth = 0  # element depth inside the current note (0: outside)
        self._skip = 0  # depth at which the label started

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._depth:
            self._depth += 1
            if self.label_class in (attributes.get("class") or "").split():
                self._skip = self._depth
            self.notes[-1] += "\n"
        elif self.attribute in attributes:
            self._depth = 1
            self.notes.append("")

    def handle_startendtag(self, tag, attrs):
        if self._depth:
            self.notes[-1] += "\n"

    def handle_endtag(self, tag):
        if self._depth:
            if self._skip == self._depth:
                self._skip = 0
            self._depth -= 1
            if self._depth:
                self.notes[-1] += "\n"

    def handle_data(self, data):
        if self._depth and not self._skip:
            self.notes[-1] += data


_DIV = re.compile(r"<(/?)div\b", re.I)


def note_texts(page_html: str, attribute: str, label_class: str) -> list[str]:
    """The text of each note of a page. Only the notes are parsed (a whole page costs ten times more)."""
    parser = NoteTexts(attribute, label_class)
    start = page_html.find(attribute)
    while start >= 0:
        begin = page_html.rfind("<", 0, start)
        end = _note_end(page_html, begin)
        parser.feed(page_html[begin:end])
        start = page_html.find(attribute, end)
    parser.close()
    return [note.strip() for note in parser.notes]


def note_html(page_html: str, attribute: str) -> list[str]:
    """The inner HTML of each note of a page (a mentor sheet), in page order."""
    notes = []
    start = page_html.find(attribute)
    while start >= 0:
        begin = page_html.rfind("<", 0, start)
        end = _note_end(page_html, begin)
        opening = page_html.find(">", begin) + 1
        notes.append(page_html[opening : page_html.rfind("<", opening, end)])
        start = page_html.find(attribute, end)
    return notes


def _note_end(page_html: str, begin: int) -> int:
    """Where the `<div>` opened at `begin` closes (the page's end if it never does)."""
    depth = 0
    for match in _DIV.finditer(page_html, begin):
        depth += -1 if match[1] else 1
        if depth == 0:
            return page_html.find(">", match.end()) + 1
    return len(page_html)


def learner_files(site_dir: str, prefix: str) -> Iterator[str]:
    """Every text file of the built site outside `prefix/` (site-relative, '/'-separated, sorted)."""
    area = prefix.strip("/") + "/"
    for folder, subfolders, names in os.walk(site_dir):
        base = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        base = "" if base == "." else base + "/"
        # the area's folder is not walked at all: half the folders of a site (a sheet's folder per module)
        subfolders[:] = sorted(name for name in subfolders if base + name + "/" != area)
        for name in sorted(names):
            relative = base + name
            if not relative.startswith(area) and name.lower().endswith(TEXT_FILES):
                yield relative


def readable_text(path: str, data: bytes | None = None) -> str:
    """A file's text as a reader would meet it: decompressed, unescaped (JSON, JavaScript, HTML), no tags. `data`:
    the file's bytes, when the caller has read them already."""
    return _readable(file_text(path, data))


def file_text(path: str, data: bytes | None = None) -> str:
    """A file's text, decompressed, its JSON strings joined and its string escapes (JSON, JavaScript) read: what
    `_readable` reads the markup and entities of."""
    if data is None:
        with open(path, "rb") as f:
            data = f.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="replace")
    # Strings and attribute values are joined by a blank line (`PARAGRAPH`), a sentence end: joined by a line
    # break, a value that does not end in punctuation ran into the next one ("description\nThe note…" is one
    # sentence), and a note in a page description or a search index title was not found.
    if path.endswith(".json"):
        with contextlib.suppress(ValueError):  # not JSON after all: read as text
            text = PARAGRAPH.join(_strings(json.loads(text)))
    if "\\" in text:
        text = _ESCAPE.sub(_unescape, text)  # JavaScript and JSON string escapes (the offline search index)
    return text


def _readable(text: str) -> str:
    """`text` without its markup, its entities read, its attribute values after it."""
    # attribute values count (a page description is text too); C-level passes, no Python call per tag
    values = PARAGRAPH.join(_values(text))
    text = html.unescape(_quotes(_TAG.sub("\n", text) + PARAGRAPH + values))
    return _TAG.sub("\n", text)  # markup that was itself escaped


_UNQUOTED = itemgetter(slice(1, -1))


def _values(text: str) -> list[str]:
    """The attribute values of `text`'s markup, in order, without their quotes: one group in `_ATTRIBUTE`, so that
    `findall` makes a string per value, not a tuple of two (hundreds a page)."""
    return list(map(_UNQUOTED, _ATTRIBUTE.findall(text)))


_PLAIN = r"\x01-\x21\x23-\x25\x28-\x3b\x3d-\x7f"  # ASCII but NUL, both quotes, `&` and `<`


def _values_to_read(shortest: int) -> Callable[[str], list[str]]:
    """`_values` without the values that cannot hold a probe of `shortest` characters or more and that no check of
    `_pieces_text` looks at: plain ASCII (no NUL, `&` or `<`) shorter than that. Such a value reads as itself (no
    reference, no tag), and each of its sentences is shorter still (collapsing blanks and folding ASCII case only
    shorten); `_pieces_text` makes each value a paragraph of its own, and looks for a NUL (a value left open) and a
    `<` (escaped markup that runs on), which it holds none of. Eight values of a page in nine are such (class names,
    ids, links, labels), and passing over them in the pattern itself, in C, spares making, joining, reading and
    hashing each. The first alternative matches a quoted value exactly where `_ATTRIBUTE` would (up to its first
    closing quote), and only when it is such a value; any other goes to the group, so the scan is `_ATTRIBUTE`'s."""
    if shortest < 1:
        return _values
    most = shortest - 1
    pattern = re.compile(rf"""=\s*(?:"[{_PLAIN}']{{0,{most}}}"|'[{_PLAIN}"]{{0,{most}}}'|("[^"]*"|'[^']*'))""")

    def values(text: str) -> list[str]:
        return list(map(_UNQUOTED, filter(None, pattern.findall(text))))  # a value the group took is never empty

    return values


def _quotes(text: str) -> str:
    """`text` with its `&#34;`, `&quot;` and `&#39;` written as the quotes they stand for, as `html.unescape` would,
    by C-level replacements: JSON in attributes (progress data, feedback links) holds thousands, each a Python call
    in `html.unescape`. No other reference can begin inside one (a reference starts at `&` and holds no `&` or `#`
    after it), and a quote cannot make one, so unescaping the result gives what unescaping `text` gives."""
    return text.replace("&#34;", '"').replace("&quot;", '"').replace("&#39;", "'")


def find_leaks(
    site_dir: str, prefix: str, secrets: list[Secret], copies: dict[str, str] | None = None, memory: Any = None
) -> list[tuple[str, Secret]]:
    """(site-relative file, secret) for each file outside the mentor area that holds a secret's text.

    `copies`: site-relative file → the file of an installed theme or plugin it was copied from. Such a file, still
    byte for byte what the package ships, holds nothing of this curriculum and is not read as text (the vendored
    Mermaid, KaTeX and search scripts are about 5 MB, the same in every build)."""
    wanted: dict[str, Secret] = {}
    for secret in secrets:
        for probe in probes(secret.text):
            wanted.setdefault(probe, secret)
    if not wanted:
        return []
    finder = _Finder(wanted)
    pieces = _Pieces(finder)
    # `memory` (smartshare/cache, `cache/findings.py`): the files found clean by an earlier build, by their bytes and
    # the text looked for; a warm build reads again only the pages that changed
    findings = memory.open("\n".join(sorted(wanted))) if memory is not None else None
    leaks = []
    for relative in learner_files(site_dir, prefix):
        path = os.path.join(site_dir, relative)
        if copies and relative in copies and _same_bytes(path, copies[relative]):
            continue
        with open(path, "rb") as f:
            data = f.read()
        seen = digest(_kind(path).encode(), data) if findings is not None else ""
        if findings is not None and findings.get(seen) is CLEAN:
            continue
        held = _holds(path, data, pieces)
        # the secrets, in the order they first appear, from the whole file read at once (a leak is rare)
        found = _secrets_in(readable_text(path, data), wanted) if held else []
        leaks.extend((relative, secret) for secret in found)
        if findings is not None and not found:
            findings.put(seen, CLEAN)
    if findings is not None:
        findings.save()
    return leaks


def _holds(path: str, data: bytes, pieces: _Pieces) -> bool:
    """Whether a file's readable text holds a sentence of a secret. JSON is read whole; any other file piece by piece
    (`_Pieces`), as the UTF-8 bytes of the text `file_text` reads: the file's own bytes when it is neither compressed
    nor holds a backslash (then there is no escape to read), so that a page is decoded only where it is new."""
    if path.endswith(".json"):
        # its paragraphs not remembered: a JSON file's strings are seldom another file's (the search index's are whole
        # sections of pages, joined as no page joins them), and at 2,000 modules the search index alone, read before
        # the first module page, would fill the memory about three times over, leaving no room for what pages share
        return pieces.finder.holds_any(readable_text(path, data), keep=False)
    encoded: bytes | None = data
    if path.endswith(".gz") or b"\\" in data:
        try:
            encoded = file_text(path, data).encode()
        except UnicodeEncodeError:  # a lone surrogate (a script's `\ud800`): read whole
            encoded = None
    held = pieces.hold_any(encoded) if encoded is not None else None
    return pieces.finder.holds_any(readable_text(path, data)) if held is None else held


CLEAN = True  # what the memory keeps for a file that holds no mentor text (a file that does is read every time)


def _kind(path: str) -> str:
    """What decides how `readable_text` reads a file besides its bytes: compressed, JSON, or text."""
    return ".gz" if path.endswith(".gz") else ".json" if path.endswith(".json") else ""


def _secrets_in(text: str, wanted: dict[str, Secret]) -> list[Secret]:
    """The secrets whose sentences `text` holds, in the order they first appear in it."""
    found = {}
    for sentence in sentences(text, MIN_NOTE):
        secret = wanted.get(sentence)
        if secret is not None:
            found[id(secret)] = secret
    return list(found.values())


BATCH = 65_536  # characters of new paragraphs split into sentences at once
REMEMBERED = 4_000_000  # characters of paragraphs found clean that are kept to pass over when met again


class _Finder:
    """Whether a text holds a sentence of a secret, looking at each distinct paragraph once per build.

    Most of a page is the text of other pages too: navigation, header, footer, the attribute values of the
    theme. A readable text is cut at its blank lines (`PARAGRAPH`) first, which is where a sentence ends anyway,
    so the sentences of the paragraphs are exactly the sentences of the text; a paragraph met before is known
    to be clean (or not) without being split and compared again. Whole paragraphs are compared, never a hash of
    them, so the answer is the same as comparing every sentence; those kept are bounded (`REMEMBERED`), and one
    not kept is simply looked at again."""

    def __init__(self, wanted: dict[str, Secret]) -> None:
        self.probes = frozenset(wanted)
        self.shortest = min(map(len, wanted), default=0)
        self.clean: set[str] = set()
        self.room = REMEMBERED

    def holds_any(self, text: str, keep: bool = True) -> bool:
        """Whether `text` holds a sentence of a secret; `keep`: remember its paragraphs found clean."""
        paragraphs = set(text.split(PARAGRAPH))
        paragraphs -= self.clean
        # A paragraph shorter than every probe cannot hold one when it is ASCII: collapsing whitespace only shortens
        # its sentences, and so does folding ASCII case (folding "ß" gives "ss", hence the second test). A third of
        # the new paragraphs are such (class names, URLs, labels), and each costs a split, a join and a fold.
        shortest = self.shortest
        longer = [p for p in paragraphs if len(p) >= shortest or not p.isascii()]
        # the new paragraphs split in batches: joined by `PARAGRAPH`, a sentence end, they give the same sentences
        # as each alone (tests/unit/test_leak_check_batch.py), without a Python call per paragraph (hundreds a page:
        # attribute values, list items); a batch is bounded, as a copy of the search index's text would not be
        if any(not self.probes.isdisjoint(_normalised(batch)) for batch in _batches(longer)):
            return True
        if not keep:
            return False
        for paragraph in paragraphs:
            if len(paragraph) <= self.room:
                self.room -= len(paragraph)
                self.clean.add(paragraph)
        return False


CUT = ">\n"  # a tag ending a line: where a file's text is cut into pieces (`_Pieces`)
_CUT = CUT.encode()  # the same in the file's UTF-8
_OPEN_ATTRIBUTE = re.compile(r"""=\s*(?:"[^"]*"|'[^']*'|(["']))""")  # the group: a value never closed
SLOTS = 1 << 20  # where `_Pieces` marks the pieces it has met once (a piece's hash picks its slot)


class _Pieces:
    """Whether a text file holds a sentence of a secret, reading only the pieces of it not met before in the build.

    Pages share most of their lines (header, navigation, footer, scripts), and reading them (markup, attribute
    values, entities) is what the check costs. A file's text is cut after each tag that ends a line (`CUT`), and a
    piece is read alone (`_piece_text`) only when that gives exactly what reading it within the file gives: no tag,
    attribute value or escaped tag of it runs on past its end, and it ends in a tag. The tag and the line break
    after it are then a sentence end (`sentences`), so the sentences of the file are those of its pieces. A piece
    that cannot be read alone is read together with the next (and so on); a file whose last piece cannot be is read
    whole. Pieces found clean are kept whole (their UTF-8), never as a hash (a piece met again is compared with them
    byte for byte); those met twice are kept, as most pieces met once are never met again (`SLOTS`), up to
    `REMEMBERED` bytes."""

    def __init__(self, finder: _Finder) -> None:
        self.finder = finder
        self.clean: set[bytes] = set()  # pieces' UTF-8
        self.room = REMEMBERED
        self.met = bytearray(SLOTS)
        self.values = _values_to_read(finder.shortest)

    def hold_any(self, data: bytes) -> bool | None:
        """Whether the text of which `data` is the UTF-8 holds a sentence of a secret; None when it is to be read whole
        (not UTF-8, escaped markup that runs on, a last piece that cannot be read alone).

        The bytes are cut, not the text: `>` and a line break are one byte each in UTF-8 and no byte of a longer
        sequence is below 0x80, so the pieces of the bytes are the encodings of the pieces of the text, and the bytes
        decode (strictly) exactly when each piece does. Only the new pieces are decoded; a piece met before is known
        by its bytes, which decode to the text it was read as."""
        cut = data.split(_CUT)
        last = cut.pop()
        new = set(cut).difference(self.clean)
        try:
            read = _pieces_text(list(map(bytes.decode, new)), self.values) if b"\0" not in data else None
            if read is None:  # a piece that cannot be read alone: the file, piece by piece in order
                texts, new = self._in_order(cut, last)
                if texts is None:
                    return None
                read = PARAGRAPH.join(texts)
            else:
                end = _piece_text(last.decode(), closed=False)
                if end is None:
                    return None
                read += PARAGRAPH + end
        except (_RunsOn, UnicodeDecodeError):
            return None
        if self.finder.holds_any(read):
            return True
        self._keep(new)
        return False

    def _in_order(self, cut: list[bytes], last: bytes) -> tuple[list[str] | None, set[bytes]]:
        """The texts of the pieces not met before, a piece that cannot be read alone read with those after it."""
        texts, new = [], set()
        pending = None
        for n, piece in enumerate([*cut, last]):
            if pending is not None:
                piece = pending + _CUT + piece
            elif piece in self.clean:
                continue
            read = _piece_text(piece.decode(), closed=n < len(cut))
            if read is None:
                if n == len(cut):
                    return None, new
                pending = piece
                continue
            pending = None
            texts.append(read)
            if n < len(cut):  # the last piece is read as one that ends the file: it is not kept
                new.add(piece)
        return texts, new

    def _keep(self, pieces: set[bytes]) -> None:
        for piece in pieces:
            slot = hash(piece) % SLOTS
            if not self.met[slot]:
                self.met[slot] = 1
            elif len(piece) <= self.room:
                self.room -= len(piece)
                self.clean.add(piece)


BETWEEN = "\n\n\x00\"'\x00\n\n"  # between pieces read at once: sentence ends, quotes that close any value left open
_RUNS_ON = re.compile(r"<[^>\x00]*(?:\x00|\Z)")  # a tag that does not close before the next piece (or value)


def _pieces_text(pieces: list[str], values_of: Callable[[str], list[str]] = _values) -> str | None:
    """The readable texts of `pieces` (each followed by `CUT` in its file), read at once, as `_piece_text` reads each:
    C-level passes over them all, with checks that find any piece that cannot be read alone (then None). Pieces are
    joined by `BETWEEN`, which holds NUL characters (the file holds none): an attribute value or tag that runs on
    past the end of its piece runs into them. `values_of`: the attribute values to read (`_values_to_read`)."""
    if not pieces:
        return ""
    if any(piece.rfind("<") <= piece.rfind(">") for piece in pieces):
        return None  # a piece whose last '>' ends no tag
    joined = (">" + BETWEEN).join(pieces) + ">" + BETWEEN
    values = values_of(joined)
    if "\0" in "".join(values):  # a value left open in its piece
        return None
    text = html.unescape(_quotes(_TAG.sub("\n", joined)))
    # each value alone: `PARAGRAPH` and a NUL between values, so that a tag of one that runs on is found too
    value_text = html.unescape(_quotes("\n\n\0\n\n".join(values)))
    if _RUNS_ON.search(text) or _RUNS_ON.search(value_text):
        raise _RunsOn
    return _TAG.sub("\n", text) + PARAGRAPH + _TAG.sub("\n", value_text)


class _RunsOn(Exception):
    """Escaped markup (`&lt;`) of a piece runs on past it: most often a code sample's `<`, which no `>` closes before
    the file ends, so the file is read whole rather than piece by piece."""


def _piece_text(piece: str, closed: bool) -> str | None:
    """The readable text of a piece of a file (`_Pieces`), or None when reading it alone could give another text than
    reading it within the file. `closed`: the piece is followed by `CUT` in the file."""
    if closed:
        if piece.rfind("<") <= piece.rfind(">"):  # its last '>' (in `CUT`) ends no tag: no sentence end after it
            return None
        piece += ">"
    elif piece.rfind("<") > piece.rfind(">"):  # a '<' never closed: a tag could run on
        return None
    if any(_OPEN_ATTRIBUTE.findall(piece)):  # an attribute value that could close in a later piece
        return None
    values = html.unescape(_quotes(PARAGRAPH.join(_values(piece))))
    text = html.unescape(_quotes(_TAG.sub("\n", piece)))
    if text.rfind("<") > text.rfind(">") or values.rfind("<") > values.rfind(">"):  # escaped markup that runs on
        return None
    return _TAG.sub("\n", text) + PARAGRAPH + _TAG.sub("\n", values)


def _batches(paragraphs: Iterable[str]) -> Iterator[str]:
    """The paragraphs joined by `PARAGRAPH`, about `BATCH` characters at a time."""
    batch: list[str] = []
    size = 0
    for paragraph in paragraphs:
        batch.append(paragraph)
        size += len(paragraph)
        if size >= BATCH:
            yield PARAGRAPH.join(batch)
            batch, size = [], 0
    if batch:
        yield PARAGRAPH.join(batch)


def _normalised(paragraph: str) -> set[str]:
    """What `sentences` compares, of every part of a paragraph, short ones too (they match no probe): the same
    steps in C-level `map` calls, as a paragraph holds hundreds of parts (a menu, tag names, class names)."""
    return set(map(str.casefold, map(" ".join, map(str.split, _SENTENCE_END.split(paragraph)))))


def _same_bytes(path: str, original: str) -> bool:
    try:
        if os.path.getsize(path) != os.path.getsize(original):
            return False
        with open(path, "rb") as copy, open(original, "rb") as source:
            return copy.read() == source.read()
    except OSError:
        return False


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _unescape(match: re.Match) -> str:
    code = match[1]
    if code[0] == "u":
        return chr(int(code[1:], 16))
    return {"n": "\n", "r": "\n", "t": " "}.get(code, code)
