"""`smartshare.cache.frontmatter`: each page's front matter taken from the cache instead of parsed again.

MkDocs 1.6 reads every page's source in the Markdown pass (`Page.read_source`) and splits it with
`mkdocs.utils.meta.get_data`: PyYAML's C parser, then its constructors in Python, about a millisecond for a
module's front matter (dates, lists, the session kit); at 2,000 modules that was a twentieth of a warm build's own
process, for front matter that had not changed. `FrontMatter.read_source` does what `Page.read_source` does, but
asks `get_data` only for a source it has not seen: the cache keeps, for each source text, where its Markdown starts
and the front matter's values, in an entry of its own (`<key>.front`, read when the page is: no build holds them all
in memory at once).

Why the page is the same: `get_data` is a function of the source text alone, and the item's key hashes that whole
text with the build's fingerprint (Smartshare's code, the versions of MkDocs and the other packages) and PyYAML's
version and parser; the values are pickled (a date stays a date, a key that is a number stays a number) and each
use unpickles them afresh, so a plugin that changes `page.meta` changes only its page's copy. Only values PyYAML's
safe loader makes are ever read back (`_Values` refuses every other class), and a source without front matter is
left to `get_data` (nothing to gain). An item that cannot be read is parsed again.
"""

from __future__ import annotations

import base64
import binascii
import io
import pickle
from typing import Any

import mkdocs
import yaml
from mkdocs.utils import meta as mkdocs_meta

from .store import CacheStore, fingerprint, new_digest

#: MkDocs' own `read_source` that `FrontMatter.read_source` does (mkdocs/structure/pages.py)
KNOWN = mkdocs.__version__.startswith("1.6.")

#: the classes PyYAML's safe loader makes that a pickle names (lists, dicts, sets, text and numbers need none)
SAFE_CLASSES = frozenset(("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone"))


class _Values(pickle.Unpickler):
    """Unpickles plain values only: an entry naming any other class is not read (the page is parsed again)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in SAFE_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name}")


class FrontMatter:
    """The front matter of one build's pages, each source's in an entry of `store` (None: every source is parsed)."""

    def __init__(self, store: CacheStore | None) -> None:
        parser = "libyaml" if getattr(yaml, "__with_libyaml__", False) else "python"
        self.base = fingerprint(f"pyyaml={yaml.__version__} {parser}").encode()
        self.store = store
        self.hits = 0  # sources this build took from the cache
        self.parsed = 0  # sources this build split with `get_data`

    @staticmethod
    def usable() -> bool:
        """Whether MkDocs' `Page.read_source` is the one `read_source` does (another MkDocs: pages read as it does)."""
        return KNOWN

    def read_source(self, page: Any, config: Any) -> None:
        """MkDocs 1.6's `Page.read_source` for `page`, its source split by `split`."""
        from mkdocs.structure.pages import log  # MkDocs' messages, from its own logger

        source = config.plugins.on_page_read_source(page=page, config=config)
        if source is None:
            try:
                source = page.file.content_string
            except OSError:
                log.error(f"File not found: {page.file.src_path}")
                raise
            except ValueError:
                log.error(f"Encoding error reading file: {page.file.src_path}")
                raise
        page.markdown, page.meta = self.split(source)

    def split(self, source: str) -> tuple[str, dict[str, Any]]:
        """What `mkdocs.utils.meta.get_data(source)` gives: the Markdown and the front matter's values."""
        key = self.key(source)
        known = _read(self.store.load(key), len(source)) if self.store is not None else None
        if known is not None:
            self.hits += 1
            start, values = known
            return source[start:], values
        markdown, values = mkdocs_meta.get_data(source)
        self.parsed += 1
        start = len(source) - len(markdown)
        if self.store is not None and values and isinstance(values, dict) and source[start:] == markdown:
            data = base64.b64encode(pickle.dumps(values, pickle.HIGHEST_PROTOCOL)).decode()
            self.store.save(key, {"start": start, "values": data})
        return markdown, values

    def key(self, source: str) -> str:
        """The entry of `source`: its whole text, with the fingerprint and PyYAML's version and parser."""
        digest = new_digest(self.base + b"\0")
        digest.update(source.encode("utf-8", "surrogatepass"))  # not joined to the base first: a copy less
        return digest.hexdigest()


def _read(entry: Any, length: int) -> tuple[int, dict[str, Any]] | None:
    """An entry as `split` writes it (where the Markdown starts, the pickled values), or None if it is not one."""
    if not isinstance(entry, dict):
        return None
    start, data = entry.get("start"), entry.get("values")
    if type(start) is not int or not isinstance(data, str) or not 0 <= start <= length:
        return None
    try:
        values = _Values(io.BytesIO(base64.b64decode(data, validate=True))).load()
    except (binascii.Error, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError):
        return None
    return (start, values) if isinstance(values, dict) else None
