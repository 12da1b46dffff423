"""The field reference page for mentors, generated from the schema so it can never drift from validation.

The schema gives the structure; the words (headings, value types, descriptions) come from the translation table,
so a French site documents its fields in French.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import yaml

from ..core.feedbackrecords import FeedbackRecord
from ..core.fieldtypes import Choice, FieldType, ListOf
from ..core.i18n import Translator
from ..core.linktemplate import PLACEHOLDERS
from ..core.schema import MENTOR, MODULE, RUN_SHEET_STEP, SESSION, SESSION_KIT, TRACK, Record, Schema
from ..core.translations import MENTOR_TEXT_FIELDS, TEXT_FIELDS

_SECTIONS = (MODULE, SESSION_KIT, RUN_SHEET_STEP, TRACK, MENTOR, SESSION)


def reference_markdown(t: Translator) -> str:
    parts = [f"# {t('curriculum.reference')}\n", f"{t('curriculum.reference_intro')}\n"]
    for schema in _SECTIONS:
        parts.append(f"## {t(f'schema.heading.{schema.key}')}\n\n{t(f'schema.{schema.key}')}\n")
        parts.append(_table(schema, t))
    example = example_front_matter(MODULE)
    parts.append(f"## {t('schema.heading.example')}\n\n```yaml\n---\n{example}---\n```\n")
    parts.append(f"## {t('schema.heading.sessions_example')}\n\n```yaml\n{example_session()}```\n")
    parts.append(_placeholders(t))
    parts.append(_records(t))
    fields = ", ".join(f"`{name}`" for name in TEXT_FIELDS)
    mentor_fields = ", ".join(f"`{name}`" for name in MENTOR_TEXT_FIELDS)
    text = t("i18n.reference", fields=fields, mentor_fields=mentor_fields)
    parts.append(f"## {t('i18n.reference_heading')}\n\n{text}\n")
    return "\n".join(parts)


def _records(t: Translator) -> str:
    """The fields of a feedback record, from the record type itself."""
    rows = [f"| {t('curriculum.field')} | {t('curriculum.description')} |", "|---|---|"]
    rows += [f"| `{spec.name}` | {_cell(t(f'schema.record.{spec.name}'))} |" for spec in fields(FeedbackRecord)]
    return f"## {t('schema.heading.records')}\n\n{t('schema.records')}\n\n" + "\n".join(rows) + "\n"


def _placeholders(t: Translator) -> str:
    """The placeholders of feedback links, from the one list the template check uses."""
    rows = [f"| {t('schema.placeholder')} | {t('curriculum.description')} |", "|---|---|"]
    rows += [f"| `{{{name}}}` | {_cell(t(f'schema.placeholder.{name}'))} |" for name in PLACEHOLDERS]
    return f"## {t('schema.heading.placeholders')}\n\n{t('schema.placeholders')}\n\n" + "\n".join(rows) + "\n"


# a session covers modules *or* a track's series, and only a cancelled one is replaced: the example shows one case
_NOT_IN_SESSION_EXAMPLE = ("track", "series", "replaced_by")


def example_session() -> str:
    """One item of sessions.yml with the schema's examples (those that go together)."""
    data = {spec.name: spec.example for spec in SESSION.fields if spec.name not in _NOT_IN_SESSION_EXAMPLE}
    return yaml.safe_dump([data], allow_unicode=True, sort_keys=False, width=100)


def type_label(kind: FieldType, t: Translator) -> str:
    """How a value type is named for mentors, in the site's language."""
    if isinstance(kind, ListOf):
        return t("schema.type.listof", item=type_label(kind.item, t))
    if isinstance(kind, Choice):
        return t("schema.type.choice", choices=", ".join(kind.choices))
    if isinstance(kind, Record):
        return t("schema.type.record", fields=", ".join(f.name for f in kind.schema.fields))
    return t(f"schema.type.{type(kind).__name__.lower()}")


def _table(schema: Schema, t: Translator) -> str:
    head = [
        t("curriculum.field"),
        t("curriculum.type"),
        t("curriculum.required"),
        t("curriculum.description"),
        t("curriculum.example"),
    ]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for spec in schema.fields:
        required = t("curriculum.yes") if spec.required else t("curriculum.no")
        example = _cell(
            yaml.safe_dump({spec.name: spec.example}, allow_unicode=True, default_flow_style=True, width=1000).strip()[
                1:-1
            ]
        )
        description = t(f"schema.{schema.key}.{spec.name}")
        rows.append(
            f"| `{spec.name}` | {_cell(type_label(spec.type, t))} | {required} | {_cell(description)} | `{example}` |"
        )
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def example_front_matter(schema: Schema, values: dict[str, Any] | None = None) -> str:
    """Every field of `schema` with its example (or the given value), as YAML."""
    data = {spec.name: (values or {}).get(spec.name, spec.example) for spec in schema.fields}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
