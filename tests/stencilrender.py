"""What the stencil tests share: the package's templates in an environment set as `plugin_support.template_env` sets
its own (autoescape, trimmed blocks), and random text made of pieces that test escaping and the stencils' tokens."""

from __future__ import annotations

import random
from collections.abc import Sequence

from jinja2 import Environment, FileSystemLoader

from smartshare.curriculum.render import OWN_TEMPLATES


def template_env(*dirs: str) -> Environment:
    """The package's templates behind `dirs` (a site's overrides), rendered as a build renders them."""
    return Environment(
        loader=FileSystemLoader([*dirs, OWN_TEMPLATES]), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )


def random_text(draw: random.Random, pieces: Sequence[str], most: int = 6) -> str:
    """Up to `most` of `pieces`, drawn at random and joined."""
    return "".join(draw.choice(pieces) for _ in range(draw.randint(0, most)))
