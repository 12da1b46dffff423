"""A sample of the seeded fuzz test (`make fuzz` runs 10,000 cases): corrupted curricula never crash or hang.

Each case is the example curriculum with one to three corruptions (see `corrupt.py`). `smartshare check` must end
without a traceback, print only `path:line:col: …` lines and its summary, and leave every input file as it was; a
build must fail (or pass) the same way and never publish a file from outside the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corrupt import MUTATIONS, copy_base, make_case
from fuzzharness import KNOWN, build_case, run_checks

SEED = 2026
#: cases of the seed, each the first to draw a corruption that no case before it drew: every corruption at least once
#: (checked below) in 20 cases, where the seed's first 44 are needed; each case costs a check (about 0.07 s of CPU),
#: and one drawing a corruption the check mishandles fails whatever it draws beside it. `make fuzz` runs 10,000
CHECK_CASES = (0, 1, 2, 3, 4, 6, 7, 8, 9, 11, 13, 14, 15, 20, 21, 22, 32, 33, 42, 43)
#: a hang detector, not a speed budget: a case normally takes a tenth of a second
LIMIT = 60.0
#: known slow patterns are left to `make fuzz`, which counts them apart: here they would only cost time
EXCLUDE = frozenset(KNOWN)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_base(tmp_path_factory.mktemp("fuzz") / "base")


def test_corrupted_curricula_are_reported_as_located_problems_without_traceback_or_hang(base, tmp_path):
    outcomes = list(run_checks(base, tmp_path, SEED, CHECK_CASES, 2, LIMIT, EXCLUDE))
    assert sorted(o.number for o in outcomes) == list(CHECK_CASES)
    drawn = {m.split("(")[0] for o in outcomes for m in o.mutations}
    assert sorted({name for name, _ in MUTATIONS} - EXCLUDE - drawn) == []  # the sample tries every corruption
    assert [o.describe() for o in outcomes if o.failed and not o.known] == []


#: the first case of the seed drawing each corruption a build is tried with (each case made copies the curriculum:
#: looked for once, checked below)
BUILT = {"symlink-outside": 22, "block-traps": 32}


@pytest.mark.parametrize("mutation", sorted(BUILT))
def test_a_build_of_a_corrupted_curriculum_fails_cleanly_and_publishes_nothing_from_outside(base, tmp_path, mutation):
    number = BUILT[mutation]
    case = make_case(base, tmp_path / "probe", SEED, number, EXCLUDE)
    assert [m for m in case.mutations if m.startswith(mutation)], case.mutations
    outcome = build_case(base, tmp_path, SEED, number, exclude=EXCLUDE, forked=True)
    assert not outcome.failed, outcome.describe()
