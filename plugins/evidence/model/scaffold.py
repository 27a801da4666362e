"""A new summary file with every field explained, written from the schema and vocabularies.

Placeholders say ``FILL IN`` and fail validation until replaced, so a scaffold
can never be published half-finished by accident.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap

from anyascii import anyascii

from ..read.schema import Field, Schema
from .vocabulary import Vocabularies

PLACEHOLDER = "FILL IN"


SLUG_WORDS = 8  # the file name, and so the address /research/<slug>/: the first words of the title
SLUG_LENGTH = 60  # characters: readable in a link, and far below any file system's name limit


def slug_for(title: str) -> str:
    """Lowercase ASCII words joined by hyphens, cut at a word boundary; "" if the title has none.

    Titles in other scripts are transliterated (anyascii), so they get a readable address too.
    """
    words = re.findall(r"[a-z0-9]+", anyascii(title).lower())[:SLUG_WORDS]
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > SLUG_LENGTH:
            return slug or word[:SLUG_LENGTH]
        slug = longer
    return slug


WIDTH = 72  # notes wrap so they can be read on a phone and in GitHub's editor without scrolling sideways
HEADER = [
    "Between the two --- lines, a line that starts with # is a note for you: the site ignores it.",
    "Replace every FILL IN with facts from the source. An optional field is switched off by a '# ' "
    "at the very start of its lines (the ones with its name or FILL IN): delete those to use it.",
]


def scaffold(title: str, schema: Schema, vocabularies: Vocabularies, today: dt.date | None) -> str:
    """``today`` fills the date fields; ``None`` leaves them as placeholders, for a
    starter file published on the site, where a build-time date would soon be wrong."""
    lines = ["---", *(line for text in HEADER for line in _note(text, "")), ""]
    for field in schema.fields:
        if len(field.path) == 1:
            lines += _field_lines(field, schema, vocabularies, title, today, indent="")
    lines += ["---", ""]
    for heading in schema.spec.get("x-body-headings", []):
        lines += [f"## {heading['heading']}", "", f"{PLACEHOLDER}: {heading['prompt']}", ""]
    return "\n".join(lines)


def _field_lines(field: Field, schema: Schema, vocabularies: Vocabularies, title: str, today: dt.date | None, indent: str) -> list[str]:
    """Notes, then the field. Every value an editor must supply says FILL IN, optional ones
    too: a realistic example left in place would pass the check as if it were a fact.
    An optional field is commented out at column 0, so deleting '# ' restores the indentation."""
    required = field.path[-1] in schema.required(field.path[:-1])
    notes = _note(f"{field.path[-1]} ({'required' if required else 'optional'}): {field.description}", indent)
    if field.vocabulary and field.vocabulary in vocabularies:
        notes += _note(f"  Allowed: {', '.join(t.id for t in vocabularies[field.vocabulary])}", indent, more="    ")
    key = f"{indent}{field.path[-1]}:"
    if field.type == "object":
        body = [key]
        for child in (f for f in schema.fields if f.path[:-1] == field.path):
            body += _field_lines(child, schema, vocabularies, title, today, indent + "  ")
    elif field.type == "array":
        body = [key, f"{indent}  - {PLACEHOLDER}"]
    else:
        body = [f"{key} {_value(field, title, today)}"]
    if not required:
        body = [line if line.lstrip().startswith("#") else "# " + line for line in body]
    return notes + body


def _note(text: str, indent: str, more: str = "  ") -> list[str]:
    """A comment wrapped at WIDTH; ids such as people-with-learning-disabilities are never split."""
    return textwrap.wrap(text, WIDTH, initial_indent=f"{indent}# ", subsequent_indent=f"{indent}# {more}", break_on_hyphens=False, break_long_words=False)


def _value(field: Field, title: str, today: dt.date | None) -> str:
    if field.name == "title":
        return json.dumps(title, ensure_ascii=False)
    if field.spec.get("format") == "date":
        return today.isoformat() if today else f"{PLACEHOLDER} (today's date, as YYYY-MM-DD)"
    if field.type == "boolean":
        return f"{PLACEHOLDER} (true or false)"
    return PLACEHOLDER
