"""The field reference page for mentors, generated from the schema so it can never drift from validation."""

from __future__ import annotations

from typing import Any

import yaml

from ..core.i18n import Translator
from ..core.schema import MENTOR, MODULE, RUN_SHEET_STEP, SESSION_KIT, TRACK, Schema

_SECTIONS = (
    (MODULE, "Module front matter"),
    (SESSION_KIT, "Session kit (`session:` in a module)"),
    (RUN_SHEET_STEP, "Run sheet step (`session: run_sheet:`)"),
    (TRACK, "Track (`track.yml`)"),
    (MENTOR, "Mentor (`mentors.yml`)"),
)


def reference_markdown(t: Translator) -> str:
    parts = [f"# {t('curriculum.reference')}\n", f"{t('curriculum.reference_intro')}\n"]
    for schema, heading in _SECTIONS:
        parts.append(f"## {heading}\n\n{schema.description}\n")
        parts.append(_table(schema, t))
    parts.append("## Example module\n\n```yaml\n---\n" + example_front_matter(MODULE) + "---\n```\n")
    return "\n".join(parts)


def _table(schema: Schema, t: Translator) -> str:
    head = [t("curriculum.field"), t("curriculum.type"), t("curriculum.required"), t("curriculum.description"), t("curriculum.example")]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for spec in schema.fields:
        required = t("curriculum.yes") if spec.required else t("curriculum.no")
        example = _cell(yaml.safe_dump({spec.name: spec.example}, allow_unicode=True, default_flow_style=True, width=1000).strip()[1:-1])
        rows.append(f"| `{spec.name}` | {_cell(spec.type.label)} | {required} | {_cell(spec.description)} | `{example}` |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def example_front_matter(schema: Schema, values: dict[str, Any] | None = None) -> str:
    """Every field of `schema` with its example (or the given value), as YAML."""
    data = {spec.name: (values or {}).get(spec.name, spec.example) for spec in schema.fields}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
