"""A small curriculum with a term of sessions, shared by the built-site and browser tests of sessions.

Build date (SOURCE_DATE_EPOCH of sitebuilder): 2026-09-21. One session is over, the others are ahead, in Paris
and in Singapore; one is cancelled and replaced, one is full; the AI track is also taught as a series.
"""

import subprocess
from collections.abc import Callable
from pathlib import Path

from sitebuilder import basic_tree

CHANNEL = "https://forms.example.com/feedback?module={module}&session={session}&rating={rating}"
SITE_URL = "https://learning.example.com/"

SESSIONS = """\
- id: chatbots-paris-past
  modules: [ai/chatbots]
  start: 2026-09-01 09:30
  timezone: Europe/Paris
  place: Paris HQ
  status: done
- id: chatbots-paris
  modules: [ai/chatbots]
  start: 2026-10-06 09:30
  timezone: Europe/Paris
  place: Paris HQ
  language: en
  capacity: 12
  signup: "https://forms.example.com/signup?session={session}&title={title}"
  notes: Bring a laptop.
- id: chatbots-singapore
  modules: [ai/chatbots]
  start: 2026-10-13 14:00
  timezone: Asia/Singapore
  online: https://meet.example.com/chatbots
  language: fr
  capacity: 20
  signup: "https://forms.example.com/signup?session={session}"
  status: full
- id: ml-cancelled
  modules: [ai/machine-learning]
  start: 2026-10-20 14:00
  timezone: Europe/Paris
  place: Paris HQ
  status: cancelled
  replaced_by: ml-paris
- id: ml-paris
  modules: [ai/machine-learning]
  start: 2026-10-27 14:00
  timezone: Europe/Paris
  place: Paris HQ
  duration: 1h30
- id: ai-term
  track: ai
  series: [2026-11-03 10:00, 2026-11-10 10:00]
  timezone: Asia/Singapore
  place: Singapore office
"""


def sessions_tree() -> dict[str, str]:
    tree = basic_tree()
    tree["sessions.yml"] = SESSIONS
    return tree


CONFIG = {
    "site_url": SITE_URL,
    "plugins": ["search", "smartshare/curriculum", {"smartshare/feedback": {"channel": CHANNEL}}, "smartshare/mentor"],
}


def sessions_history(folder: Path) -> Callable[[str], None]:
    """A new git repository in `folder`, and the function that commits a new text of its sessions.yml (the history
    SEQUENCE is counted from)."""

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)

    def commit(text: str) -> None:
        (folder / "sessions.yml").write_text(text, encoding="utf-8")
        git("add", "sessions.yml")
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "sessions")

    git("init", "-q")
    return commit
