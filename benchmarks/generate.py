"""A synthetic curriculum of any size, realistic enough to measure builds: deterministic for a given seed.

It also has a sessions.yml with 2.5 sessions per module (5,000 for 2,000 modules), in Paris and Singapore,
some done, some cancelled, every field of `SESSION` used, no mentor in two places at once.

Every module uses every field of the real schema (`smartshare.core.schema.MODULE`, session kit included), about
800 words of varied Markdown (headings, lists, a table, code, an admonition, internal links), one `/// mentor`
block and a `## Self-check` of three `/// quiz` blocks. Tracks get a track.yml, the root a mentors.yml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

from smartshare.core.schema import MENTOR, MODULE, SESSION, SESSION_KIT, TRACK

TRACKS = 10
MENTORS = 20
TODAY = dt.date(2026, 9, 21)  # matches SOURCE_DATE_EPOCH in run.py, so no review is ever stale
WORDS = [
    "team",
    "meeting",
    "customer",
    "report",
    "budget",
    "project",
    "deadline",
    "review",
    "process",
    "tool",
    "data",
    "request",
    "colleague",
    "manager",
    "feedback",
    "goal",
    "priority",
    "risk",
    "decision",
    "workshop",
    "example",
    "question",
    "answer",
    "draft",
    "version",
    "template",
    "checklist",
    "support",
    "channel",
    "message",
    "document",
    "policy",
    "approval",
    "schedule",
    "estimate",
    "outcome",
    "metric",
    "survey",
    "interview",
    "audience",
    "campaign",
    "analysis",
    "insight",
    "pattern",
    "habit",
    "routine",
    "practice",
    "method",
    "step",
    "result",
    "cost",
    "value",
]
VERBS = [
    "plan",
    "share",
    "check",
    "write",
    "compare",
    "choose",
    "explain",
    "measure",
    "improve",
    "prepare",
    "test",
    "adapt",
    "review",
    "discuss",
]
TOPICS = (
    "Chatbots",
    "Data",
    "Privacy",
    "Spreadsheets",
    "Meetings",
    "Feedback",
    "Writing",
    "Campaigns",
    "Analytics",
    "Automation",
    "Negotiation",
    "Onboarding",
    "Security",
    "Dashboards",
    "Interviews",
    "Budgets",
    "Prompts",
    "Slides",
)
QUALIFIERS = ("for managers", "in practice", "basics", "step by step", "at work", "without jargon", "for teams")
LANGUAGES = ("python", "sql", "yaml", "text")


SESSIONS_PER_MODULE = 2.5
ZONES = ("Europe/Paris", "Asia/Singapore")


def generate(
    root: Path, modules: int, *, tracks: int = TRACKS, seed: int = 1, sessions: int | None = None
) -> list[str]:
    """Write a curriculum of `modules` modules spread over `tracks` tracks into `root` (emptied first).

    Returns the module ids ("track-03/module-0042") in track order."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    mentor_ids = [f"mentor-{i:02d}" for i in range(1, MENTORS + 1)]
    _write_yaml(root / "mentors.yml", {mid: _mentor(rng, i) for i, mid in enumerate(mentor_ids)})
    slugs_by_track = {f"track-{t:02d}": [] for t in range(1, tracks + 1)}
    track_ids = list(slugs_by_track)
    for number in range(1, modules + 1):
        slugs_by_track[track_ids[(number - 1) % tracks]].append(f"module-{number:04d}")
    ids = []
    for order, (track_id, slugs) in enumerate(slugs_by_track.items(), start=1):
        (root / track_id).mkdir()
        _write_yaml(root / track_id / "track.yml", _track(rng, track_id, slugs, order))
        for index, slug in enumerate(slugs):
            text = _module(rng, track_id, slugs, index, track_ids, slugs_by_track, mentor_ids)
            (root / track_id / f"{slug}.md").write_text(text, encoding="utf-8")
            ids.append(f"{track_id}/{slug}")
    count = round(modules * SESSIONS_PER_MODULE) if sessions is None else sessions
    if count:
        write_sessions(root / "sessions.yml", rng, ids, count)
    return ids


def break_links(root: Path, ids: list[str], count: int) -> list[str]:
    """Add `count` broken links the way renaming and moving modules leaves them, spread over the modules.

    Half point at a module under a name one character off (`module-004` for a renamed `module-0042`: many
    names are one edit away, the costly case for suggestions), half at a module's right name in a folder that
    does not exist (moved). Returns the ids of the modules that got one, in order.
    """
    changed = []
    for number in range(count):
        module_id = ids[number * len(ids) // count]
        track_id, slug = module_id.split("/")
        target = f"{slug[:-1]}.md" if number % 2 == 0 else f"../archive/{slug}.md"
        path = root / track_id / f"{slug}.md"
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"\nSee also [the module before it was renamed]({target}).\n")
        changed.append(module_id)
    return changed


def write_sessions(
    path: Path,
    rng: random.Random,
    module_ids: list[str],
    count: int,
    *,
    mentors: list[str] | None = None,
    first: dt.datetime | None = None,
) -> None:
    """One session every three hours (UTC), so no mentor is ever in two at once; written as a mentor would:
    defaults left out (duration and mentors come from the module, `status: planned`), notes now and then.
    Over the file every field of `SESSION` but a track's `series` is used."""
    import zoneinfo

    mentor_ids = mentors or [f"mentor-{i:02d}" for i in range(1, MENTORS + 1)]
    lines = []
    used: set[str] = set()
    # a tenth of the sessions before TODAY (done), the rest after it
    if first is None:
        first = dt.datetime.combine(TODAY, dt.time(6), tzinfo=dt.timezone.utc) - dt.timedelta(hours=3 * (count // 10))
    for n in range(count):
        zone = ZONES[n % 2]
        start = (first + dt.timedelta(hours=3 * n)).astimezone(zoneinfo.ZoneInfo(zone))
        status = "done" if start.date() < TODAY else ("cancelled" if n % 50 == 7 else ("full" if n % 10 == 3 else None))
        online = n % 4 == 0
        values = {
            "id": f"session-{n:05d}",
            "modules": f"[{module_ids[n % len(module_ids)]}]",
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "timezone": zone,
            "duration": "1h" if n % 20 == 0 else None,
            "place": None if online else f"{'Paris HQ' if zone == ZONES[0] else 'Singapore office'}, room {n % 9 + 1}",
            "online": f"https://meet.example.com/session-{n:05d}" if online else None,
            "mentors": f"[{mentor_ids[n % len(mentor_ids)]}]" if n % 25 == 5 else None,
            "language": rng.choice(("en", "fr")),
            "capacity": rng.choice((8, 12, 20)),
            "signup": '"https://forms.example.com/signup?session={session}"',
            "status": status,
            "replaced_by": "none" if status == "cancelled" else None,
            "notes": _sentence(rng, 8) if n % 10 == 0 else None,
        }
        used.update(k for k, v in values.items() if v is not None)
        lines.append("- " + "\n  ".join(f"{k}: {v}" for k, v in values.items() if v is not None) + "\n")
    if count >= 50:
        assert used | {"track", "series"} == set(SESSION.names), used
    path.write_text("".join(lines), encoding="utf-8")


def _write_yaml(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def _sentence(rng: random.Random, words: int = 0) -> str:
    count = words or rng.randint(8, 18)
    chosen = [rng.choice(WORDS if i % 3 else VERBS) for i in range(count)]
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _title(rng: random.Random) -> str:
    return f"{rng.choice(TOPICS)} {rng.choice(QUALIFIERS)}"


def _mentor(rng: random.Random, index: int) -> dict:
    values = {
        "name": f"Mentor {index + 1:02d} {rng.choice(TOPICS)}",
        "role": rng.choice(("Freelance consultant", "Internal expert", "Team lead")),
        "bio": _paragraph(rng, 2),
        "expertise": rng.sample(TOPICS, 2),
        "contact": f"mentor{index + 1:02d}@example.com",
    }
    assert list(values) == MENTOR.names
    return values


def _track(rng: random.Random, track_id: str, slugs: list[str], order: int) -> dict:
    values = {
        "title": f"Track {track_id[-2:]}: {_title(rng)}",
        "summary": _sentence(rng, 10),
        "audience": ["managers", "team leads"],
        "objectives": [_sentence(rng, 6) for _ in range(2)],
        "modules": slugs,
        "order": order,
        "feedback": "mailto:learning@example.com",
    }
    assert list(values) == TRACK.names
    return values


def _front_matter(rng: random.Random, slugs: list[str], index: int, mentor_ids: list[str]) -> dict:
    steps = [{"step": _sentence(rng, 6), "minutes": minutes} for minutes in (10, 20, 15, 15)]
    session = {"discovery": [_sentence(rng, 8) for _ in range(2)], "run_sheet": steps, "debrief": [_sentence(rng, 6)]}
    assert list(session) == SESSION_KIT.names
    earlier = slugs[max(0, index - 3) : index]
    values = {
        "title": f"{_title(rng)} {slugs[index][-4:]}",
        "summary": _sentence(rng, 12),
        "mentors": rng.sample(mentor_ids, rng.randint(1, 2)),
        "audience": rng.sample(["managers", "team leads", "sales", "support", "everyone"], 2),
        "level": rng.choice(("beginner", "intermediate", "advanced")),
        "duration": sum(step["minutes"] for step in steps),
        "objectives": [_sentence(rng, 7) for _ in range(3)],
        "prerequisites": rng.sample(earlier, min(len(earlier), 1)),  # earlier in the same track: never a cycle
        "tags": rng.sample([t.lower() for t in TOPICS], 3),
        "reviewed": TODAY - dt.timedelta(days=rng.randint(1, 300)),
        "status": "published",
        "lang": "en",
        "feedback": "https://forms.example.com/?module={module}",
        "session": session,
    }
    assert list(values) == MODULE.names
    return values


def _module(rng, track_id, slugs, index, track_ids, slugs_by_track, mentor_ids) -> str:
    front = yaml.safe_dump(_front_matter(rng, slugs, index, mentor_ids), sort_keys=False, width=120)
    sibling = slugs[(index + 1) % len(slugs)]
    other_track = rng.choice(track_ids)
    other = rng.choice(slugs_by_track[other_track]) if slugs_by_track[other_track] else sibling
    other_link = f"../{other_track}/{other}.md" if other_track != track_id else f"{other}.md"
    rows = "\n".join(f"| {rng.choice(WORDS)} | {rng.randint(1, 99)} | {_sentence(rng, 5)} |" for _ in range(5))
    language = rng.choice(LANGUAGES)
    code = "\n".join(f"{rng.choice(VERBS)}_{rng.choice(WORDS)} = {rng.randint(1, 500)}" for _ in range(6))
    bullets = "\n".join(f"- **{rng.choice(WORDS)}**: {_sentence(rng, 9)}" for _ in range(5))
    steps = "\n".join(f"{i}. {_sentence(rng, 10)}" for i in range(1, 5))
    parts = [
        f"---\n{front}---\n",
        f"## Why it matters\n\n{_paragraph(rng, 4)}\n\n{_paragraph(rng, 4)} See [the next module]({sibling}.md) "
        f"and [a related one]({other_link}).\n",
        f"## Key ideas\n\n{bullets}\n\n{_paragraph(rng, 4)}\n",
        f"### In numbers\n\n| Item | Count | Note |\n|---|---|---|\n{rows}\n",
        f"## Step by step\n\n{steps}\n\n{_paragraph(rng, 4)}\n",
        f'!!! tip "{rng.choice(VERBS).capitalize()} first"\n    {_paragraph(rng, 3)}\n',
        f"### An example\n\n```{language}\n{code}\n```\n\n{_paragraph(rng, 4)}\n",
        f"/// mentor\n{_paragraph(rng, 3)}\n///\n",
        f"## In practice\n\n{_paragraph(rng, 5)}\n\n{_paragraph(rng, 4)}\n",
        "## Self-check\n\n" + "\n".join(_quiz(rng) for _ in range(3)),
    ]
    return "\n".join(parts)


def _quiz(rng: random.Random) -> str:
    right = rng.randrange(3)
    options = []
    for i in range(3):
        options.append(f"- [{'x' if i == right else ' '}] {_sentence(rng, 5)}")
        if rng.random() < 0.7:
            options.append(f"    {_sentence(rng, 7)}")
    return f"/// quiz\n{_sentence(rng, 12)[:-1]}?\n\n" + "\n".join(options) + f"\n\n{_sentence(rng, 12)}\n///\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="folder to write the curriculum into (emptied first)")
    parser.add_argument("--modules", type=int, default=100)
    parser.add_argument("--tracks", type=int, default=TRACKS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--broken-links", type=int, default=0, help="broken internal links to add (renamed modules)")
    parser.add_argument("--sessions", type=int, help=f"default: {SESSIONS_PER_MODULE} per module")
    args = parser.parse_args()
    ids = generate(args.root, args.modules, tracks=args.tracks, seed=args.seed, sessions=args.sessions)
    if args.broken_links:
        break_links(args.root, ids, args.broken_links)


if __name__ == "__main__":
    main()
