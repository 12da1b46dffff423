"""Author mistakes in `/// mentor` blocks, as a body check the site build and `smartshare check` both run.

Feedback link templates in track.yml and front matter are checked by the schema itself (`core.linktemplate`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..core.model import Curriculum, Module
from ..core.personaldata import personal_data
from ..core.problems import Problem, Severity, display_path
from .mentorblock import check_mentor_blocks, mentor_notes

_FOUND = {"email": "an e-mail address", "phone": "a phone number"}


def check_module(module: Module, path: str) -> list[Problem]:
    """A `LoadOptions.body_checks` callable: the problems of the module's mentor blocks."""
    return [*check_mentor_blocks(module.body, module.body_line, path), *personal_data_in_notes(module, path)]


def personal_data_in_notes(module: Module, path: str) -> Iterator[Problem]:
    """A warning for each personal e-mail address or phone number in a mentor note: every mentor reads them."""
    for first, lines in mentor_notes(module.body):
        for offset, line in enumerate(lines):
            for column, kind, text in personal_data(line):
                yield Problem(
                    path,
                    module.body_line + first + offset,
                    column + 1,
                    Severity.WARNING,
                    "personal-data",
                    f"mentor note contains what looks like {_FOUND[kind]} of a person: '{text}'",
                    "every mentor can read the notes: name the role or team instead (e.g. 'the data protection "
                    "officer'), or point to the mentor's profile in mentors.yml",
                )


def curriculum_problems(curriculum: Curriculum, docs_dir: str) -> Iterator[Problem]:
    for module in curriculum.modules.values():
        yield from check_module(module, display_path(os.path.join(docs_dir, module.src_uri)))
