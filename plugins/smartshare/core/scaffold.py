"""File templates generated from the content schema: what `smartshare new` writes.

Every field of the schema appears in a new file with its description as a comment, so a mentor discovers the
fields where they type them. Required fields get a value (given, or a placeholder that still validates);
optional ones are commented out with their schema example, ready to uncomment.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import yaml

from .schema import MODULE, TRACK, Field, Schema

if TYPE_CHECKING:
    from .model import Module

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TRACK_SUMMARY = "Replace with one sentence saying what the track is about."
MODULE_SUMMARY = "Replace with one sentence saying what the learner gets."
MODULE_OBJECTIVE = "Replace with what the learner can do afterwards, one outcome per line"

MODULE_BODY = """\
Replace this paragraph with a short introduction: the problem this module solves and why it matters to the
learner. Then write one `##` section per objective.

## Self-check

/// quiz
Replace this question with one about the module. Which answer is right?

- [x] The right answer
    Why it is right.
- [ ] A tempting wrong answer
    Why it is wrong.

One sentence the learner should remember.
///
"""


#: lines of the body skeleton an author is meant to replace
BODY_PLACEHOLDERS = tuple(line for line in MODULE_BODY.splitlines() if line.startswith("Replace "))

#: new modules stay out of the site until their author publishes them (`status: published`)
NEW_MODULE_STATUS = "draft"


def placeholders(module: Module) -> Iterator[tuple[tuple, int]]:
    """Where `module` still holds text written by `smartshare new`: (field path, or () for the body; body line).

    Read from the same constants the scaffold writes, so changing a placeholder cannot hide it from the check.
    """
    if module.summary == MODULE_SUMMARY:
        yield ("summary",), 0
    for index, objective in enumerate(module.objectives):
        if objective == MODULE_OBJECTIVE:
            yield ("objectives", index), 0
    if "Replace " not in module.body:  # every placeholder line starts with it: most bodies are done here
        return
    for number, line in enumerate(module.body.splitlines()):
        if line.startswith(BODY_PLACEHOLDERS):
            yield (), module.body_line + number


class ScaffoldError(Exception):
    """A file cannot be edited safely by a program; the author has to do it by hand."""


def title_from_slug(slug: str) -> str:
    """`data-privacy` → `Data privacy`: a starting title the author will usually refine."""
    words = slug.rsplit("/", 1)[-1].replace("_", "-").split("-")
    return " ".join(words).capitalize()


def track_yaml(title: str, summary: str = "", modules: list[str] | None = None, order: int = 100) -> str:
    """A new `track.yml` with every TRACK field."""
    values = {"title": title, "summary": summary or TRACK_SUMMARY, "modules": modules or [], "order": order}
    header = f"# Track '{title}'. Every field is described in the field reference of the site.\n"
    return header + _fields(TRACK, values)


def module_markdown(
    title: str,
    reviewed: dt.date,
    summary: str = "",
    mentors: list[str] | None = None,
    status: str = NEW_MODULE_STATUS,
) -> str:
    """A new module with every MODULE field in its front matter and a body skeleton ending in a self-check."""
    values: dict[str, Any] = {
        "title": title,
        "summary": summary or MODULE_SUMMARY,
        "objectives": [MODULE_OBJECTIVE],
        "reviewed": reviewed,
        "status": status,
    }
    if mentors:
        values["mentors"] = mentors
    return "---\n" + _fields(MODULE, values) + "---\n\n" + MODULE_BODY


def _fields(schema: Schema, values: dict[str, Any]) -> str:
    return "".join(_field(spec, values) for spec in schema.fields)


def _field(spec: Field, values: dict[str, Any]) -> str:
    comment = _comment(spec.description + ("" if spec.required or spec.name in values else " Optional, e.g.:"))
    if spec.name in values:
        return comment + _dump(spec.name, values[spec.name])
    return comment + "".join("# " + line + "\n" for line in _dump(spec.name, spec.example).splitlines())


def _comment(text: str) -> str:
    return "".join(f"# {line}\n" for line in textwrap.wrap(text, 100))


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their key (`  - item`), the style of the example curriculum."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


# lists that grow, one item per line so each addition is a one-line change
_ONE_PER_LINE = {"modules", "objectives"}


def _dump(name: str, value: Any) -> str:
    if (
        name not in _ONE_PER_LINE
        and isinstance(value, list)
        and not any(isinstance(item, (dict, list)) for item in value)
    ):
        flow = yaml.dump(value, Dumper=_IndentedDumper, allow_unicode=True, default_flow_style=True, width=1000)
        if len(name) + len(flow) < 80:  # short lists on one line, long ones one item per line
            return f"{name}: {flow.strip()}\n"
    return yaml.dump(
        {name: value}, Dumper=_IndentedDumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000
    )


def yaml_scalar(text: str) -> str:
    """`text` written so YAML reads it back as that string (`on` or `1e3` would not be)."""
    return text if yaml.safe_load(text) == text else yaml.safe_dump(text, default_style='"').strip()


def add_module_to_track(text: str, slug: str) -> str:
    """`text` of a track.yml with `slug` appended to its `modules:` list, every other character left as it was.

    A targeted edit, not a YAML dump: the author's comments, quoting and layout survive.
    Raises `yaml.YAMLError` on malformed YAML and `ScaffoldError` when the list cannot be found safely.
    """
    item = yaml_scalar(slug)
    root = yaml.compose(text, Loader=_Loader)
    if root is None:
        return _append(text, f"modules:\n  - {item}\n")
    if not isinstance(root, yaml.MappingNode):
        raise ScaffoldError("track.yml is not a mapping of fields")
    modules = next((value for key, value in root.value if key.value == "modules"), None)
    if modules is None:
        updated = _append(text, f"modules:\n  - {item}\n")
    elif isinstance(modules, yaml.ScalarNode) and modules.tag.endswith(":null") and modules.value == "":
        updated = _after_line(text, _line_end(text, modules.start_mark.index - 1), f"  - {item}\n")
    elif not isinstance(modules, yaml.SequenceNode):
        raise ScaffoldError("'modules' in track.yml is not a list")
    elif modules.flow_style:
        updated = _into_flow_list(text, modules, item)
    else:
        last = modules.value[-1]
        line_start = text.rfind("\n", 0, last.start_mark.index) + 1
        prefix = text[line_start : last.start_mark.index]  # "  - ": the indentation and dash of the last item
        updated = _after_line(text, _line_end(text, last.end_mark.index), f"{prefix}{item}\n")
    if (yaml.safe_load(updated) or {}).get("modules", [None])[-1] != slug:
        raise ScaffoldError("could not add the module to the 'modules' list of track.yml")
    return updated


def _into_flow_list(text: str, node: yaml.SequenceNode, item: str) -> str:
    if node.value:
        at = node.value[-1].end_mark.index
        return text[:at] + ", " + item + text[at:]
    at = text.rindex("]", 0, node.end_mark.index)
    return text[:at] + item + text[at:]


def _line_end(text: str, index: int) -> int:
    """Index just past the end of the line containing `index` (its newline included)."""
    newline = text.find("\n", max(index, 0))
    return len(text) if newline < 0 else newline + 1


def _after_line(text: str, at: int, line: str) -> str:
    head = text[:at]
    if head and not head.endswith("\n"):
        head += "\n"
    return head + line + text[at:]


def _append(text: str, lines: str) -> str:
    return _after_line(text, len(text), lines)
