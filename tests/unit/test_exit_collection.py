"""At the interpreter's exit, the objects a build kept are left out of Python's last garbage collection."""

from __future__ import annotations

import subprocess
import sys

# Cyclic garbage with a finalizer: only a garbage collection can free it, and its finalizer says when one does.
# Made after the handler is registered, never collected before the exit (collections are off until then).
_PROGRAM = """
import gc, os, sys
gc.disable()
if sys.argv[1] == "skip":
    from smartshare.curriculum.release import skip_exit_collection
    skip_exit_collection()
    skip_exit_collection()  # a second build in the same process registers nothing more

class Cycle:
    def __del__(self, write=os.write):
        write(1, b"collected at exit")

cycle = Cycle()
cycle.itself = cycle
del cycle
"""


def _run(mode: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", _PROGRAM, mode], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_the_exit_collection_is_skipped():
    assert _run("skip") == ""


def test_without_it_python_collects_at_exit():
    # the control: the program above does see Python's exit collection when nothing freezes the objects
    assert _run("plain") == "collected at exit"
