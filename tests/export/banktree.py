"""One module with a quiz of every kind the question banks carry, code and an image included."""

from __future__ import annotations

import base64

from sitebuilder import MENTORS, module

# a 1×1 transparent PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

QUIZZES = r"""
## Self-check

/// quiz
    id: pick-one
    hint: Think of the shortest command
Which command lists the files of `{dir}`?

```sh
ls -la {dir}  # a ~ b = c: #1
```

![the terminal](terminal.png)

- [x] `ls {dir}`
    Right: `ls` lists; `-la` adds details.
- [ ] `cat a:b = c`
    No: `cat` prints a file \ it does not list.

Use `man ls` for more: {braces}, ~tildes~, #hashes and a \ backslash.
///

/// quiz
    id: pick-many
Which of these grow on trees?

- [x] Apples
    Yes: orchards.
- [x] Pears
- [ ] Carrots
    No: roots.

Apples and pears are tree fruit.
///

/// quiz
    id: true-or-false
The sky is green on a clear day.

- [ ] True
    No: it is blue.
- [x] False
    Right: it is blue.

Rayleigh scattering makes it blue.
///

/// quiz
    id: capital
What is the capital of France?

- = Paris
- = Paris city
///

/// quiz
    id: minutes
How many minutes are there in 1.5 hours?

- = 90 ± 5
- = 90,5

Sixty times one and a half.
///

/// quiz
    id: mixed
Half of 180, in words or in digits?

- = ninety
- = 90 ± 1
///
"""

TRACK = "title: Tools / basics\nsummary: Everyday tools.\nobjectives: [Use the shell]\nmodules:\n  - shell\n"


def bank_tree() -> dict[str, str]:
    return {
        "mentors.yml": MENTORS,
        "tools/track.yml": TRACK,
        "tools/shell.md": module("The shell") + QUIZZES,
    }


def line_of(text: str, needle: str) -> int:
    """The 1-based line of `needle` in the module file."""
    source = bank_tree()["tools/shell.md"]
    return source[: source.index(needle)].count("\n") + 1
