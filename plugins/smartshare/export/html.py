"""Quiz Markdown as self-contained HTML for an LMS: code blocks kept, raw HTML shown as text, local images
collected so the writer can embed them (Moodle XML carries them as base64 `<file>` elements)."""

from __future__ import annotations

import os
import posixpath
import urllib.parse
from dataclasses import dataclass, field

import markdown
from markdown.treeprocessors import Treeprocessor

from ..quiz.render import escape_raw_html

EXTENSIONS = ["fenced_code", "tables", "sane_lists"]


@dataclass
class Image:
    name: str  # the file name inside the question (unique per question)
    path: str  # where it is on disk


@dataclass
class Converted:
    html: str
    images: list[Image] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # local images that do not exist
    remote: list[str] = field(default_factory=list)  # images on another host: not embedded, not linked


class _Images(Treeprocessor):
    def __init__(self, md: markdown.Markdown, converter: HtmlConverter) -> None:
        super().__init__(md)
        self.converter = converter

    def run(self, root):
        for image in root.iter("img"):
            image.set("src", self.converter.image(image.get("src", "")))


class HtmlConverter:
    """One Markdown parser for a whole export; `convert` is called once per text."""

    def __init__(self, file_prefix: str = "@@PLUGINFILE@@/") -> None:
        self.file_prefix = file_prefix
        self.md = markdown.Markdown(extensions=EXTENSIONS, output_format="html")
        self.md.treeprocessors.register(_Images(self.md, self), "smartshare-images", 0)
        self._current: Converted | None = None
        self._base_dir = ""

    def convert(self, text: str, base_dir: str) -> Converted:
        self._current, self._base_dir = Converted(""), base_dir
        self.md.reset()
        self._current.html = self.md.convert(escape_raw_html(text)) if text.strip() else ""
        return self._current

    def image(self, src: str) -> str:
        assert self._current is not None
        parts = urllib.parse.urlsplit(src)
        if parts.scheme or parts.netloc:
            self._current.remote.append(src)
            return ""  # nothing may be fetched from another host
        path = os.path.normpath(os.path.join(self._base_dir, urllib.parse.unquote(parts.path)))
        if not os.path.isfile(path):
            self._current.missing.append(src)
            return src
        name = posixpath.basename(parts.path) or "image"
        taken = {i.name for i in self._current.images if i.path != path}
        stem, ext = posixpath.splitext(name)
        number = 2
        while name in taken:
            name, number = f"{stem}-{number}{ext}", number + 1
        if all(i.path != path for i in self._current.images):
            self._current.images.append(Image(name, path))
        return self.file_prefix + urllib.parse.quote(name)
