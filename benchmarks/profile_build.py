"""Profile one build of a generated curriculum in CPU time, so other work on the machine does not skew it.

    .venv/bin/python benchmarks/profile_build.py benchmarks/out/size-500 smartshare

Writes `<folder>/<variant>.prof` (open it with `python -m pstats` or snakeviz) and prints the time spent in
each plugin event of ours and in the big stages of MkDocs, by cumulative CPU seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

STAGES = (
    r"commands/build.py:\d+\((build|_populate_page|_build_page)\)",
    r"markdown/core.py:\d+\(convert\)",
    r"jinja2/environment.py:\d+\(render\)",
    r"search/plugin.py:\d+\(on_page_context\)",
    r"smartshare/[a-z_]+/plugin.py:\d+\(on_\w+\)",
    r"smartshare/[a-z_/]+\.py:\d+\(\w+\)",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a benchmarks/out/size-N folder written by run.py")
    parser.add_argument("variant", choices=("smartshare", "baseline"), nargs="?", default="smartshare")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1790000000")
    os.chdir(args.folder)
    from mkdocs.__main__ import cli

    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    try:
        cli(["build", "-q", "-f", f"{args.variant}.yml"], standalone_mode=False)
    finally:
        profiler.disable()
    profiler.dump_stats(f"{args.variant}.prof")
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats("|".join(STAGES), args.top)
    print(out.getvalue())


if __name__ == "__main__":
    sys.exit(main())
