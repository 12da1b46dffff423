"""The minified copy of a packaged script or stylesheet that the site serves (knows nothing of MkDocs).

The files under each package's `assets/` stay readable and ESLint-checked; the site gets them without comments and
spaces, which is a third of what a learner downloads (quiz, feedback and the mentor view share a 6 KB gzipped
budget on every module page, `benchmarks/run.py`). rjsmin and rcssmin only remove what cannot change meaning
(comments, whitespace, a newline only where no statement could end), never rename or reorder, and their output
depends on the input alone, so every build serves the same bytes. Libraries shipped minified by their authors
(`*.min.js`, `*.min.css`: Mermaid, KaTeX, with their licence comments) are served as they are.
"""

from __future__ import annotations

import os

import rcssmin
import rjsmin

_MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}

# path → (mtime_ns, size, minified bytes): each build adds the assets again (every language site, every `mkdocs
# serve` rebuild); an edited source file is minified again
_minified: dict[str, tuple[int, int, bytes]] = {}


def minifiable(path: str) -> bool:
    """Whether the file is one of our scripts or stylesheets, served minified."""
    stem, ext = os.path.splitext(path)
    return ext in _MINIFIERS and not stem.endswith(".min")


def minified(path: str) -> bytes:
    """The minified content of the script or stylesheet at `path` (UTF-8), as the site serves it."""
    stat = os.stat(path)
    known = _minified.get(path)
    if known is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
        return known[2]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    content = _MINIFIERS[os.path.splitext(path)[1]](source).encode("utf-8")
    _minified[path] = (stat.st_mtime_ns, stat.st_size, content)
    return content
