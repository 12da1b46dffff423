"""A curriculum shaped like the example one, at any size: every track of `curricula/` copied until there are
`modules` modules, so the build meets what real content has and the synthetic curriculum lacks.

Each copy keeps its modules' Markdown whole (quizzes, mentor notes, session kits, tags, glossary terms, diagrams,
media, links), so its mentors and tags are shared by hundreds of modules, and its links still reach real pages
(relative links stay inside the copied track or reach the example's own tracks, which stay). Sessions: the
example's own, plus `SESSIONS_PER_MODULE` per module spread over the copies (5,000 at 2,000 modules), written as
`generate.py` writes them. Deterministic.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

import yaml

from benchmarks.generate import SESSIONS_PER_MODULE, write_sessions

EXAMPLE = Path(__file__).resolve().parent.parent / "curricula"
TITLE = re.compile(r"^title: (.*)$", re.M)
# after the example's autumn 2026 term and before its 2030 one, so no mentor is booked twice (5,000 sessions, one
# every three hours, end in 2028)
FIRST_SESSION = dt.datetime(2027, 1, 4, 6, tzinfo=dt.timezone.utc)
DRAFT = re.compile(r"^status: draft$", re.M)


def generate_example_shaped(root: Path, modules: int, *, seed: int = 1, source: Path = EXAMPLE) -> list[str]:
    """Write into `root` (emptied first) the example curriculum grown to at least `modules` modules by copying its
    tracks whole (`ai` → `ai-002`, …, with their media), so that every relative link still reaches its page.
    Returns the ids of the modules in the site (drafts left out, as the site leaves them), in track order."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(source, root)
    tracks = sorted(path.parent.name for path in root.glob("*/track.yml"))
    modules_of = {t: yaml.safe_load((root / t / "track.yml").read_text(encoding="utf-8"))["modules"] for t in tracks}
    ids = [f"{t}/{slug}" for t in tracks for slug in modules_of[t]]
    published = {
        t: [s for s in modules_of[t] if not DRAFT.search((root / t / f"{s}.md").read_text("utf-8"))] for t in tracks
    }
    count = sum(map(len, published.values()))
    copy = 1
    while count < modules:
        copy += 1
        for track in tracks:
            if count >= modules:
                break
            count += len(published[track])
            name = f"{track}-{copy:03d}"
            shutil.copytree(root / track, root / name)
            track_file = root / name / "track.yml"
            track_file.write_text(_numbered(track_file.read_text(encoding="utf-8"), copy), "utf-8")
            for slug in modules_of[track]:
                page = root / name / f"{slug}.md"
                page.write_text(_numbered(page.read_text(encoding="utf-8"), copy), "utf-8")
                ids.append(f"{name}/{slug}")
    ids = [i for i in ids if not DRAFT.search((root / f"{i}.md").read_text(encoding="utf-8"))]
    mentors = list(yaml.safe_load((root / "mentors.yml").read_text(encoding="utf-8")))
    sessions = root / "sessions.yml"
    own = sessions.read_text(encoding="utf-8")
    count = round(len(ids) * SESSIONS_PER_MODULE)
    write_sessions(sessions, random.Random(seed), ids, count, mentors=mentors, first=FIRST_SESSION)
    sessions.write_text(own + "\n" + sessions.read_text(encoding="utf-8"), encoding="utf-8")
    return ids


def _numbered(text: str, copy: int) -> str:
    """The YAML or Markdown text with its title followed by the copy's number, so titles stay distinct."""
    return TITLE.sub(lambda match: f"title: {match.group(1)} ({copy})", text, count=1)
