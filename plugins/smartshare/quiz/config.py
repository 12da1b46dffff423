from mkdocs.config import base
from mkdocs.config import config_options as c

from .render import DEFAULT_TRIES


class QuizConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to leave `/// quiz` blocks to whatever else handles them (nothing, usually)."""

    summary = c.Type(bool, default=True)
    """Add the self-check summary (score, "retry the ones I missed", "reset my answers") to pages with quizzes."""

    tries = c.Type(int, default=DEFAULT_TRIES)
    """Wrong tries after which a question's answer key (every option's explanation) is shown without being asked
    for; before that, a wrong answer explains only the learner's own choice. 0 shows the key after any check."""
