"""`smartshare.rich.markup`: small finishing touches on a page's HTML tree, usable without MkDocs.

- Abbreviations (glossary terms) become focusable, so the theme's tooltip shows their meaning on keyboard focus
  too, and screen readers reach them (the theme links the tooltip with `aria-describedby`).
- Images load lazily and link to their full-size file: neither the theme nor pymdown-extensions offer a zoom, and
  a plain link works everywhere (keyboard, phone pinch-zoom, print, no JavaScript). Images already in a link, a
  label or a button are left alone (a link there would take the click away from the control).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..core.i18n import Translator

INTERACTIVE = {"a", "label", "button", "summary"}


class RichMarkupExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "language": ["en", "Language of the full-size image link's tooltip."],
            "image_links": [True, "Link each image to its full-size file and load it lazily."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # 6: after inline processing (20, which makes the images) and `abbr` (7, which makes the abbreviations)
        md.treeprocessors.register(_Finish(md, self), "smartshare_rich", 6)


class _Finish(Treeprocessor):
    def __init__(self, md: Markdown, extension: RichMarkupExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if not _has_any(root, ("img", "abbr")):
            return  # most pages have neither: the tree is not walked in Python, nor the tooltip translated
        image_links = self.extension.getConfig("image_links")
        title = Translator(self.extension.getConfig("language"))("rich.full_size_image")
        self._walk(root, inside_control=False, image_links=image_links, title=title)

    def _walk(self, parent: etree.Element, *, inside_control: bool, image_links: bool, title: str) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag == "abbr" and child.get("title"):
                child.set("tabindex", "0")
            elif child.tag == "img" and image_links:
                child.set("loading", child.get("loading") or "lazy")
                src = child.get("src") or ""
                if not inside_control and src and not urlsplit(src).scheme and not src.startswith("//"):
                    link = etree.Element("a", {"href": src, "class": "smartshare-image-link", "title": title})
                    link.tail, child.tail = child.tail, None
                    parent.remove(child)
                    parent.insert(index, link)
                    link.append(child)
                continue
            self._walk(
                child, inside_control=inside_control or child.tag in INTERACTIVE, image_links=image_links, title=title
            )


def _has_any(root: etree.Element, tags: tuple[str, ...]) -> bool:
    """Whether any element under `root` has one of `tags` (ElementTree's own search, in C)."""
    return any(next(root.iter(tag), None) is not None for tag in tags)


def makeExtension(**kwargs) -> RichMarkupExtension:
    return RichMarkupExtension(**kwargs)
