"""`make fuzz`: 10,000 corrupted curricula through `smartshare check`, and a sample through `mkdocs build --strict`.

    python tests/fuzz/run.py [--cases 10000] [--builds 40] [--seed 2026] [--workers 2] [--limit 20]
    python tests/fuzz/run.py --case 1234      # rebuild one case, show its mutations and what check printed

Prints a summary (tracebacks, hangs, unshaped messages, modified inputs, leaks) and exits 1 unless all are zero.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corrupt import copy_base, make_case
from fuzzharness import Outcome, build_case, run_checks


def summarise(outcomes: list[Outcome], what: str) -> tuple[int, list[Outcome]]:
    failed = [o for o in outcomes if o.failed and not o.known]
    known = [o for o in outcomes if o.failed and o.known]
    counts = Counter()
    for o in failed:
        counts["tracebacks"] += bool(o.traceback)
        counts["hangs"] += o.hang
        counts["unshaped messages"] += bool(o.unshaped)
        counts["modified inputs"] += bool(o.modified)
        counts["leaks"] += o.leaked
    slowest = max((o.seconds for o in outcomes if not o.hang), default=0.0)
    parts = ", ".join(
        f"{counts[k]} {k}" for k in ("tracebacks", "hangs", "unshaped messages", "modified inputs", "leaks")
    )
    print(f"{what}: {len(outcomes)} cases: {parts}; {len(known)} known; slowest {slowest:.1f} s")
    return len(failed), failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--builds", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=float, default=10.0, help="seconds after which a check case is a hang")
    parser.add_argument("--case", type=int, help="rebuild one case and run check on it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="smartshare-fuzz-") as tmp:
        work = Path(tmp)
        base = copy_base(work / "base")
        if args.case is not None:
            return show(base, work, args.seed, args.case)
        started = time.monotonic()
        checks = []
        for outcome in run_checks(base, work, args.seed, range(args.cases), args.workers, args.limit):
            checks.append(outcome)
            if len(checks) % 1000 == 0:
                print(f"  {len(checks)} check cases …", flush=True)
        bad_checks, failed = summarise(checks, "smartshare check")
        step = max(1, args.cases // max(1, args.builds))
        numbers = list(range(0, args.cases, step))[: args.builds]
        with ThreadPoolExecutor(args.workers) as pool:
            builds = list(pool.map(lambda n: build_case(base, work, args.seed, n), numbers))
        bad_builds, failed_builds = summarise(builds, "mkdocs build --strict")
        for outcome in (failed + failed_builds)[:30]:
            print("  " + outcome.describe())
        known = [o for o in checks + builds if o.failed and o.known]
        for outcome in known[:5]:
            print("  known: " + outcome.describe())
        print(f"seed {args.seed}, {time.monotonic() - started:.0f} s")
        return 1 if bad_checks or bad_builds else 0


def show(base: Path, work: Path, seed: int, number: int) -> int:
    import contextlib
    import io
    import os

    from smartshare.cli import main as smartshare

    case = make_case(base, work, seed, number)
    print(f"case {number}: {case.mutations}\nin {case.root}")
    out = io.StringIO()
    os.chdir(case.root)
    with contextlib.redirect_stdout(out):
        code = smartshare(["check", "curricula"])
    print(out.getvalue()[:5000] + f"exit status {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
