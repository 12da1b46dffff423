"""Seeded corruptions of the example curriculum: the inputs of the fuzz test (`tests/fuzz/`, `make fuzz`).

A case is a number: `make_case(base, workdir, seed, number)` copies the example project (mkdocs.yml, theme/,
curricula/) into `workdir` and applies one to three mutations drawn from `random.Random(f"{seed}:{number}")`,
so any case can be rebuilt alone from its number (`python tests/fuzz/run.py --case N`).
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCS = "curricula"
SECRET = "SMARTSHARE-FUZZ-SECRET-OUTSIDE-THE-REPOSITORY"


@dataclass
class Case:
    number: int
    root: Path  # the project folder: mkdocs.yml, theme/, curricula/
    mutations: list[str] = field(default_factory=list)

    @property
    def docs(self) -> Path:
        return self.root / DOCS


def copy_base(target: Path) -> Path:
    """The example project, copied once; each case copies this copy."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "theme", target / "theme", symlinks=True)
    shutil.copytree(REPO / DOCS, target / DOCS, symlinks=True)
    return target


def make_case(base: Path, workdir: Path, seed: int, number: int, exclude: frozenset[str] = frozenset()) -> Case:
    """Case `number` of `seed`; mutations named in `exclude` are never drawn (a different, equally seeded set)."""
    rng = random.Random(f"{seed}:{number}")
    mutations = [m for m in MUTATIONS if m[0] not in exclude]
    root = workdir / f"case-{number}"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy2(base / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(base / DOCS, root / DOCS, symlinks=True)
    os.symlink(base / "theme", root / "theme")  # never mutated: shared, not copied
    # outside the project: what a link leaving the repository would expose
    outside = workdir / f"outside-{number}"
    outside.mkdir(exist_ok=True)
    (outside / "secret.md").write_text(f"---\ntitle: {SECRET}\n---\n{SECRET}\n", encoding="utf-8")
    case = Case(number, root)
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        name, mutate = rng.choice(mutations)
        try:
            detail = mutate(rng, case)
        except _Skip:
            continue
        case.mutations.append(f"{name}({detail})" if detail else name)
    return case


def snapshot(root: Path) -> dict[str, str]:
    """A hash of every entry under `root`, links by their target (never followed): proof that nothing changed.

    The build cache (`.cache/smartshare/`, git-ignored) is an output of a build, not an input: left out."""
    result = {}
    for folder, subfolders, filenames in os.walk(root):
        if folder == str(root) and ".cache" in subfolders:
            subfolders.remove(".cache")
        for name in subfolders + filenames:
            path = os.path.join(folder, name)
            key = os.path.relpath(path, root)
            if os.path.islink(path):
                result[key] = "link:" + os.readlink(path)
            elif os.path.isdir(path):
                result[key] = "dir"
            else:
                with open(path, "rb") as handle:
                    result[key] = hashlib.sha256(handle.read()).hexdigest()
    return result


# -- helpers -------------------------------------------------------------------------------------------------


class _Skip(Exception):
    """The mutation does not apply to this case (e.g. the file it needs was replaced by an earlier one)."""


def _files(case: Case, suffixes: tuple[str, ...] = (".md", ".yml")) -> list[Path]:
    found = []
    for folder, _, filenames in os.walk(case.docs):
        for name in sorted(filenames):
            path = Path(folder) / name
            if name.endswith(suffixes) and path.is_file() and not path.is_symlink():
                found.append(path)
    if not found:
        raise _Skip
    return sorted(found)


def _pick(rng: random.Random, case: Case, suffixes: tuple[str, ...] = (".md", ".yml")) -> Path:
    return rng.choice(_files(case, suffixes))


def _rel(case: Case, path: Path) -> str:
    return path.relative_to(case.docs).as_posix()


def _insert(rng: random.Random, path: Path, data: bytes, where: str = "anywhere") -> None:
    content = path.read_bytes()
    if where == "front" and content.startswith(b"---\n"):
        end = content.find(b"\n---", 4)
        position = rng.randint(4, end if end > 4 else len(content))
    elif where == "line-start":
        starts = [0] + [m.end() for m in re.finditer(rb"\n", content)]
        position = rng.choice(starts)
    else:
        position = rng.randint(0, len(content))
    path.write_bytes(content[:position] + data + content[position:])


_KEY_LINE = re.compile(rb"^( *)(-? *)([A-Za-z_]+):[ ]?(.*)$", re.M)


def _replace_value(rng: random.Random, path: Path, value: bytes) -> str:
    """Replace the value of one `key: value` line of a YAML file or front matter."""
    content = path.read_bytes()
    limit = len(content)
    if path.suffix == ".md":
        end = content.find(b"\n---", 4) if content.startswith(b"---\n") else -1
        if end < 0:
            raise _Skip
        limit = end
    lines = [m for m in _KEY_LINE.finditer(content) if m.end() <= limit]
    if not lines:
        raise _Skip
    match = rng.choice(lines)
    path.write_bytes(content[: match.start(4)] + value + content[match.end(4) :])
    return match.group(3).decode()


# -- mutations -----------------------------------------------------------------------------------------------


def byte_flips(rng, case):
    path = _pick(rng, case)
    data = bytearray(path.read_bytes())
    if not data:
        raise _Skip
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    path.write_bytes(bytes(data))
    return _rel(case, path)


def truncation(rng, case):
    path = _pick(rng, case)
    data = path.read_bytes()
    path.write_bytes(data[: rng.randint(0, len(data))])
    return _rel(case, path)


TYPE_CONFUSIONS = [
    b"[a, b]",
    b"{x: 1}",
    b"~",
    b"yes",
    b"-1",
    b"0",
    b"3.5",
    b"2026-13-45",
    b"''",
    b'"unclosed',
    b"[unclosed",
    b"{a: [b, {c: d}]}",
    b"|\n  block\n  text",
    b"- a\n- b",
    b"*undefined_alias",
    b"&anchor value",
    b"!!python/object:os.system echo",
    b"!custom tag",
    b"@at",
    b"`tick`",
    b"a: b: c",
    b"'quoted: value'",
    b'"line\\nbreak\\u2028and\\x85more"',
    b'"\\t\\x07\\x1b[31m"',
]
EXPLICIT_TAGS = [
    b"!!bool maybe",
    b"!!timestamp nope",
    b"!!int abc",
    b"!!float x",
    b"!!binary '*'",
    b"!!set x",
    b"!!omap x",
    b"!!null x",
    b"!!str [1]",
    b"!!map x",
    b"!!merge x",
    b"!!timestamp 2026-02-30",
    b"!!int 0x" + b"f" * 5000,
]


def type_confusion(rng, case):
    path = _pick(rng, case)
    value = rng.choice(TYPE_CONFUSIONS)
    return f"{_rel(case, path)}:{_replace_value(rng, path, value)}={value[:20]!r}"


def explicit_tag(rng, case):
    path = _pick(rng, case)
    value = rng.choice(EXPLICIT_TAGS)
    return f"{_rel(case, path)}:{_replace_value(rng, path, value)}={value[:20]!r}"


def long_integer(rng, case):
    path = _pick(rng, case)
    value = rng.choice([b"9" * rng.randint(20, 6000), b"-" + b"1" * 5000, b"0x" + b"f" * 5000, b"1:" * 3000 + b"1"])
    if rng.random() < 0.5:
        # the numbers the schema computes with: duration, run-sheet minutes, track order
        content = path.read_bytes()
        fields = [m for m in re.finditer(rb"(duration|minutes|order): *([^\n]*)", content)]
        if fields:
            match = rng.choice(fields)
            path.write_bytes(content[: match.start(2)] + value + content[match.end(2) :])
            return f"{_rel(case, path)}:{match.group(1).decode()}"
    return f"{_rel(case, path)}:{_replace_value(rng, path, value)}"


def quiz_numbers(rng, case):
    """A quiz whose options and accepted answers hold absurd numbers."""
    path = _pick(rng, case, (".md",))
    digits = "9" * rng.randint(300, 6000)
    quiz = rng.choice(
        [
            f"\n/// quiz | id: q{digits[:40]}\nHow many?\n\n= {digits}\n= {digits}.5 ± {digits}\n///\n",
            f"\n/// quiz\nPick\n\n- [x] {digits}\n- [ ] -{digits}\n///\n",
            f"\n/// quiz\nValue?\n\n= 1e{digits}\n= -{digits},{digits}\n///\n",
        ]
    )
    with path.open("a", encoding="utf-8") as handle:
        handle.write(quiz)
    return _rel(case, path)


def invalid_utf8(rng, case):
    path = _pick(rng, case)
    _insert(rng, path, rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe2\x82", b"\xfe\xff"]))
    return _rel(case, path)


def nul_bytes(rng, case):
    path = _pick(rng, case)
    _insert(rng, path, b"\x00" * rng.randint(1, 3), rng.choice(["anywhere", "front"]))
    return _rel(case, path)


def lone_surrogate(rng, case):
    path = _pick(rng, case)
    escape = rng.choice([b'"\\ud800"', b'"a\\udfffb"', b'"\\ud83d"'])
    if rng.random() < 0.5:
        return f"{_rel(case, path)}:{_replace_value(rng, path, escape)}"
    # a file name that is not UTF-8: the platform hands it to Python as a lone surrogate
    folder = path.parent
    name = os.fsencode(folder) + b"/bad-\xff-name.md"
    with open(name, "wb") as handle:
        handle.write(b"---\ntitle: x\n---\n")
    return f"{_rel(case, folder)}/bad-\\xff-name.md"


def other_line_breaks(rng, case):
    path = _pick(rng, case)
    character = rng.choice(["\u2028", "\u0085", "\x0c", "\r", "\u2029", "\x1c", "\x0b"])
    _insert(rng, path, character.encode("utf-8") * rng.randint(1, 3), rng.choice(["front", "anywhere"]))
    return f"{_rel(case, path)}:{character!r}"


def tab_indent(rng, case):
    path = _pick(rng, case)
    _insert(rng, path, b"\t", rng.choice(["front", "line-start"]))
    return _rel(case, path)


def huge_value(rng, case):
    path = _pick(rng, case)
    size = rng.choice([25_000, 120_000, 400_000])
    value = rng.choice([b"x", b"word ", b"\xc3\xa9"]) * (size // 4)
    return f"{_rel(case, path)}:{_replace_value(rng, path, value)}"


def deep_nesting(rng, case):
    path = _pick(rng, case)
    depth = rng.choice([200, 999, 1001, 5000, 50_000])
    value = rng.choice([b"[" * depth + b"]" * depth, b"{a: " * depth + b"}" * depth, b"[" * depth])
    if rng.random() < 0.3 and path.suffix == ".md":
        markdown = rng.choice([">" * depth, "".join("  " * i + "- x\n" for i in range(min(depth, 400)))])
        _append_body(path, markdown)
        return f"{_rel(case, path)}:markdown"
    return f"{_rel(case, path)}:{_replace_value(rng, path, value)}"


def recursive_alias(rng, case):
    path = _pick(rng, case)
    value = rng.choice(
        [b"&loop [1, *loop]", b"&loop {a: *loop}", b"&loop [[[*loop]]]", b"&a [*a, *a]", b"&m {<<: *m, x: 1}"]
    )
    return f"{_rel(case, path)}:{_replace_value(rng, path, value)}"


def alias_bomb(rng, case):
    path = _pick(rng, case, (".yml",))
    levels = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 9))
    with path.open("ab") as handle:
        handle.write(b"\nl0: &l0 [lol]\n" + levels.encode())
    return _rel(case, path)


def long_line(rng, case):
    path = _pick(rng, case, (".md",))
    size = rng.choice([20_001, 60_000, 300_000])
    _append_body(path, rng.choice(["word ", "a", "[x](y) "]) * (size // 5 + 1))
    return _rel(case, path)


RUNS = [" ", "\t", "`", "[", "]", "/", "*", "_", "<", "(", "\\", "|", "-", "!", "#", "&", ":"]


def runs(rng, case):
    """Long runs of one character: what makes backtracking patterns explode."""
    path = _pick(rng, case)
    character = rng.choice(RUNS)
    count = rng.choice([1_000, 5_000, 19_000])
    where = rng.choice(["anywhere", "front", "line-start"])
    text = character * count + rng.choice(["", "x", "\n", character[::-1] + "y"])
    _insert(rng, path, text.encode(), where)
    return f"{_rel(case, path)}:{character!r}x{count}@{where}"


BLOCK_TRAPS = [
    "/// quiz" + " " * 5000 + "x",
    "/// quiz | " + " " * 5000 + "x",
    "///" + " " * 5000 + "mentor" + " " * 5000 + "!",
    "/// mentor" + "\t" * 5000 + "x",
    "`" * 3 + " " * 5000 + "x",
    "``" + " x" * 5000,
    "`" * 2000 + "x" + "`" * 1999,
    "[" * 3000 + "](" + "a" * 1000,
    "![" * 2000,
    "<a " * 3000,
    "[x](http://[bad)",
    "[x](https://[::1)",
    '<a href="http://]x">x</a>',
    "[x](javascript:alert(1))",
    "<!--smartshare-late-quiz-0-->",
    "<!--smartshare-late-curriculum-99999-->",
    "<!--smartshare-late-feedback-1-->",
]


def block_traps(rng, case):
    """Text aimed at the block patterns, code spans, links and late-HTML markers."""
    path = _pick(rng, case, (".md",))
    trap = rng.choice(BLOCK_TRAPS)
    if rng.random() < 0.4:
        trap = f"/// quiz\nQuestion {trap}?\n\n- [x] {trap}\n- [ ] no\n///\n"
    _append_body(path, trap)
    return f"{_rel(case, path)}:{trap[:30]!r}"


def block_header_blanks(rng, case):
    """A `///` block header padded with thousands of blanks or tabs."""
    path = _pick(rng, case, (".md",))
    blanks = rng.choice([" ", "\t"]) * rng.choice([5_000, 19_000])
    header = rng.choice([f"/// quiz |{blanks}x", f"///{blanks}mentor{blanks}!", f"/// mentor{blanks}x"])
    _append_body(path, header + "\nText\n///")
    return _rel(case, path)


def _symlink(target: str | Path, link: Path) -> None:
    """A new link; where an earlier mutation of the same case already made one, this mutation does not apply."""
    try:
        os.symlink(target, link)
    except FileExistsError:
        raise _Skip from None


def _append_body(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n\n" + text + "\n")


def symlink_loop(rng, case):
    folder = rng.choice([case.docs, *[p for p in case.docs.iterdir() if p.is_dir() and not p.is_symlink()]])
    kind = rng.choice(["dir-self", "dir-parent", "file-self", "pair"])
    if kind == "dir-self":
        _symlink(".", folder / "loop")
    elif kind == "dir-parent":
        _symlink("..", folder / "up")
    elif kind == "file-self":
        _symlink("self.md", folder / "self.md")
    else:
        _symlink("b.md", folder / "a.md")
        _symlink("a.md", folder / "b.md")
    return f"{_rel(case, folder) if folder != case.docs else '.'}:{kind}"


def dangling_symlink(rng, case):
    folder = rng.choice([case.docs, *[p for p in case.docs.iterdir() if p.is_dir() and not p.is_symlink()]])
    name = rng.choice(["ghost.md", "track.yml", "mentors.yml", "picture.png", "ghost"])
    target = folder / name
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.is_dir():
        shutil.rmtree(target)
    _symlink("does-not-exist/" + name, target)
    return _rel(case, target)


def symlink_outside(rng, case):
    folder = rng.choice([case.docs, *[p for p in case.docs.iterdir() if p.is_dir() and not p.is_symlink()]])
    outside = case.root.parent / f"outside-{case.number}"
    kind = rng.choice(["file", "dir", "absolute", "replace-module"])
    if kind == "file":
        _symlink(os.path.relpath(outside / "secret.md", folder), folder / "leak.md")
    elif kind == "dir":
        _symlink(os.path.relpath(outside, folder), folder / "leak")
    elif kind == "absolute":
        _symlink(str(outside), folder / "leak-abs")
    else:
        modules = _files(case, (".md",))
        module = rng.choice(modules)
        module.unlink()
        _symlink(str(outside / "secret.md"), module)
        return f"{_rel(case, module)}:{kind}"
    return f"{_rel(case, folder) if folder != case.docs else '.'}:{kind}"


def folder_for_file(rng, case):
    path = _pick(rng, case)
    path.unlink()
    path.mkdir()
    if rng.random() < 0.5:
        (path / "inner.md").write_text("---\ntitle: Inner\n---\nx\n", encoding="utf-8")
    return _rel(case, path)


def empty_files(rng, case):
    path = _pick(rng, case)
    path.write_bytes(rng.choice([b"", b"---", b"---\n", b"---\n---\n", b"\xef\xbb\xbf", b"\n" * 1000, b"---\n...\n"]))
    return _rel(case, path)


MUTATIONS: list[tuple[str, Callable[[random.Random, Case], str | None]]] = [
    ("byte-flips", byte_flips),
    ("truncation", truncation),
    ("type-confusion", type_confusion),
    ("explicit-tag", explicit_tag),
    ("long-integer", long_integer),
    ("quiz-numbers", quiz_numbers),
    ("invalid-utf8", invalid_utf8),
    ("nul-bytes", nul_bytes),
    ("lone-surrogate", lone_surrogate),
    ("other-line-breaks", other_line_breaks),
    ("tab-indent", tab_indent),
    ("huge-value", huge_value),
    ("deep-nesting", deep_nesting),
    ("recursive-alias", recursive_alias),
    ("alias-bomb", alias_bomb),
    ("long-line", long_line),
    ("runs", runs),
    ("block-traps", block_traps),
    ("block-header-blanks", block_header_blanks),
    ("symlink-loop", symlink_loop),
    ("dangling-symlink", dangling_symlink),
    ("symlink-outside", symlink_outside),
    ("folder-for-file", folder_for_file),
    ("empty-file", empty_files),
]
