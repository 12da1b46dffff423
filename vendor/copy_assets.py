"""Copy the files the site needs from `vendor/node_modules` into the package (run by `make vendor`).

Only what a browser loads is copied, with each project's licence: the rest of the npm packages (sources, type
definitions, other builds) stays out of the repository. KaTeX's fonts are copied in WOFF2 only: every browser the
theme supports reads WOFF2 and takes the first format of KaTeX's `src:` list, so the WOFF and TTF copies would
never be downloaded.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODULES = HERE / "node_modules"
TARGET = HERE.parent / "plugins" / "smartshare" / "rich" / "assets" / "vendor"

FILES = {
    "mermaid": ["dist/mermaid.min.js", "LICENSE"],
    "katex": ["dist/katex.min.js", "dist/katex.min.css", "dist/fonts/*.woff2", "LICENSE"],
}


def main() -> int:
    pinned = json.loads((HERE / "package.json").read_text())["dependencies"]
    for package, patterns in FILES.items():
        installed = json.loads((MODULES / package / "package.json").read_text())["version"]
        if installed != pinned[package]:
            print(f"vendor: {package} {installed} is installed, {pinned[package]} is pinned: run `npm ci`")
            return 1
        target = TARGET / package
        shutil.rmtree(target, ignore_errors=True)
        for pattern in patterns:
            for source in sorted((MODULES / package).glob(pattern)):
                relative = source.relative_to(MODULES / package)
                destination = target / (relative.relative_to("dist") if relative.parts[0] == "dist" else relative)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)
    return 0


if __name__ == "__main__":
    sys.exit(main())
