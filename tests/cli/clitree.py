"""Inline curricula for the command-line tests."""

from __future__ import annotations

from sitebuilder import MENTORS, TRACK, module

QUIZ = """
## Self-check

/// quiz
Which request suits a chatbot best?

- [x] "When will my next payslip arrive?"
    Right: frequent and factual.
- [ ] A key account threatening to leave
    No: this needs a person.
///
"""

MKDOCS_YML = """\
site_name: Test courses
docs_dir: curricula
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - smartshare/curriculum:
      review_max_age: 400
  - smartshare/quiz
  - smartshare/feedback
"""


def quizzed(title: str = "Chatbots", **fields: object) -> str:
    return module(title, **fields) + QUIZ


def valid_tree() -> dict[str, str]:
    """Two tracks, three modules, two mentors: no problem at all."""
    return {
        "mentors.yml": MENTORS,
        "ai/track.yml": "order: 10\n" + TRACK,
        "ai/chatbots.md": quizzed("Chatbots"),
        "ai/machine-learning.md": quizzed(
            "Machine learning", mentors=["leo-martin"], prerequisites=["chatbots"], duration="1h30"
        ),
        "data/track.yml": "title: Data\nsummary: Work with data.\nmodules: [spreadsheets]\norder: 20\n",
        "data/spreadsheets.md": quizzed("Spreadsheets", mentors=["leo-martin"], duration=45),
    }
