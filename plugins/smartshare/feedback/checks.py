"""Author mistakes in `/// mentor` blocks, as a body check the site build and `smartshare check` both run.

Feedback link templates in track.yml and front matter are checked by the schema itself (`core.linktemplate`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..core.model import Curriculum, Module
from ..core.problems import Problem, display_path
from .mentorblock import check_mentor_blocks


def mentor_note_problems(module: Module, path: str) -> list[Problem]:
    """A `LoadOptions.body_checks` callable: the problems of the module's mentor blocks."""
    return list(check_mentor_blocks(module.body, module.body_line, path))


def curriculum_problems(curriculum: Curriculum, docs_dir: str) -> Iterator[Problem]:
    for module in curriculum.modules.values():
        yield from mentor_note_problems(module, display_path(os.path.join(docs_dir, module.src_uri)))
