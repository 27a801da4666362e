"""The editors' field reference, written from the schema and vocabularies at build time.

Generated rather than hand-written so it can never disagree with validation.
"""

from __future__ import annotations

from .schema import Field, Schema
from .vocabulary import Vocabularies

_TYPE_NAMES = {"string": "text", "integer": "whole number", "array": "list", "object": "group of fields", "boolean": "true or false"}


def field_reference(schema: Schema, vocabularies: Vocabularies) -> str:
    """Markdown for the field reference page."""
    lines = [
        "Every research summary starts with these fields, between two `---` lines. "
        "`python3 build.py check` tests a file against exactly this list; "
        "`python3 build.py new \"Title\"` writes a file with all of them ready to fill in.",
        "",
        "| Field | Required | Type | What to write |",
        "| --- | --- | --- | --- |",
    ]
    lines += [_row(schema, f) for f in schema.fields]
    lines += ["", "## Sections of the text", ""]
    lines += [f"- `## {h['heading']}`: {h['prompt']}" for h in schema.spec.get("x-body-headings", [])]
    lines += ["", "Questions for reflection come from the `reflection_questions` field and appear after these sections.", ""]
    lines += ["## Allowed values", ""]
    for field in schema.fields:
        if field.vocabulary and field.vocabulary in vocabularies:
            lines += _vocabulary_table(field, vocabularies[field.vocabulary])
    return "\n".join(lines) + "\n"


def _row(schema: Schema, field: Field) -> str:
    required = "yes" if field.path[-1] in schema.required(field.path[:-1]) else "no"
    kind = _TYPE_NAMES.get(field.type, field.type)
    if field.type == "array" and field.vocabulary:
        kind = "list of allowed values"
    example = f" Example: `{_example(field)}`" if field.example is not None and field.type != "object" else ""
    see = f" See [{field.vocabulary.replace('_', ' ')}](#{_anchor(field.name)})." if field.vocabulary else ""
    return f"| `{field.name}` | {required} | {kind} | {_cell(field.description)}{see}{example} |"


def _vocabulary_table(field: Field, vocabulary) -> list[str]:
    rows = [f"### `{field.name}` {{ #{_anchor(field.name)} }}", "", vocabulary.description, "", "| Value | Meaning |", "| --- | --- |"]
    rows += [f"| `{t.id}` | **{_cell(t.label)}**: {_cell(t.description)} |" for t in vocabulary]
    return rows + [f"", f"To add a value, add a term to `{vocabulary.path}`.", ""]


def _example(field: Field) -> str:
    value = field.example
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _anchor(name: str) -> str:
    return "values-" + name.replace(".", "-").replace("_", "-")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
