"""A project folder (mkdocs.yml + curricula/) as the working directory, and the command line run in-process:
the command-line tests' own fixtures (tests/cli/clifixtures.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "cli"))

from clifixtures import project, run, site  # noqa: F401  (fixtures pytest finds here)
