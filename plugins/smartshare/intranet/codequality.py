"""`smartshare check --format json` → a GitLab Code Quality report, shown on the offending lines of a merge request.

Usage: python -m smartshare.intranet.codequality problems.json > gl-code-quality-report.json
"""

from __future__ import annotations

import hashlib
import json
import sys

SEVERITY = {"error": "major", "warning": "minor"}


def to_code_quality(problems: list[dict]) -> list[dict]:
    report = []
    for p in problems:
        text = f"[{p['code']}] {p['message']}" + (f" — {p['hint']}" if p.get("hint") else "")
        identity = f"{p['path']}:{p['line']}:{p['column']}:{p['code']}:{p['message']}"
        report.append(
            {
                "description": text,
                "check_name": p["code"],
                "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
                "severity": SEVERITY.get(p["severity"], "info"),
                "location": {"path": p["path"], "lines": {"begin": p["line"]}},
            }
        )
    return report


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args:
        with open(args[0], encoding="utf-8") as handle:
            text = handle.read().strip()
    else:
        text = sys.stdin.read().strip()
    json.dump(to_code_quality(json.loads(text) if text else []), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
