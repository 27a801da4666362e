"""A new summary file with every field explained, written from the schema and vocabularies.

Placeholders say ``FILL IN`` and fail validation until replaced, so a scaffold
can never be published half-finished by accident.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from .schema import Field, Schema
from .vocabulary import Vocabularies

PLACEHOLDER = "FILL IN"


def slug_for(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words[:8]) or "new-summary"


def scaffold(title: str, schema: Schema, vocabularies: Vocabularies, today: dt.date | None) -> str:
    """``today`` fills the date fields; ``None`` leaves them as placeholders, for a
    starter file published on the site, where a build-time date would soon be wrong."""
    lines = ["---", "# Lines starting with # are notes for you; they are ignored.", "# Replace every FILL IN. Optional fields start with '# ': remove the '# ' to use one.", ""]
    for field in schema.fields:
        if len(field.path) == 1:
            lines += _field_lines(field, schema, vocabularies, title, today, indent="")
    lines += ["---", ""]
    for heading in schema.spec.get("x-body-headings", []):
        lines += [f"## {heading['heading']}", "", f"{PLACEHOLDER}: {heading['prompt']}", ""]
    return "\n".join(lines)


def _field_lines(field: Field, schema: Schema, vocabularies: Vocabularies, title: str, today: dt.date | None, indent: str, fill: bool = True) -> list[str]:
    """Notes, then the field; an optional field is commented out at column 0,
    so deleting the leading '# ' restores the right indentation."""
    required = field.path[-1] in schema.required(field.path[:-1])
    notes = [f"{indent}# {field.path[-1]} ({'required' if required else 'optional'}): {field.description}"]
    if field.vocabulary and field.vocabulary in vocabularies:
        notes.append(f"{indent}#   Allowed: {', '.join(t.id for t in vocabularies[field.vocabulary])}")
    fill = fill and required
    key = f"{indent}{field.path[-1]}:"
    if field.type == "object":
        body = [key]
        for child in (f for f in schema.fields if f.path[:-1] == field.path):
            body += _field_lines(child, schema, vocabularies, title, today, indent + "  ", fill)
    elif field.type == "array":
        body = [key, f"{indent}  - {PLACEHOLDER if fill else _scalar((field.example or [''])[0])}"]
    else:
        body = [f"{key} {_value(field, fill, title, today)}"]
    if not required:
        body = [line if line.lstrip().startswith("#") else "# " + line for line in body]
    return notes + body


def _value(field: Field, fill: bool, title: str, today: dt.date | None) -> str:
    if field.name == "title":
        return json.dumps(title, ensure_ascii=False)
    if field.spec.get("format") == "date" and today:
        return today.isoformat()
    if field.spec.get("format") == "date" and fill:
        return f"{PLACEHOLDER} (today's date, as YYYY-MM-DD)"
    return PLACEHOLDER if fill else _scalar(field.example)


def _scalar(value) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)
