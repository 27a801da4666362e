"""The editors' field reference, written from the schema and vocabularies at build time.

Generated rather than hand-written so it can never disagree with validation.
One short section per field, not a wide table: editors read it on phones too.
"""

from __future__ import annotations

import posixpath

from ..model.vocabulary import Vocabularies
from ..read import routes
from ..read.schema import Field, Schema

_TYPE_NAMES = {"string": "Text", "integer": "A whole number", "array": "A list", "object": "A group of fields", "boolean": "Either true or false"}


def field_reference(schema: Schema, vocabularies: Vocabularies) -> str:
    """Markdown for the field reference page."""
    lines = [
        "Every research summary starts with these fields, between two `---` lines. "
        "The [starter file](starter.md) has all of them ready to fill in, and the checks on a pull request "
        "(or `python3 build.py check`) test each file against exactly this list.",
        "",
        "## Fields",
        "",
    ]
    for field in schema.fields:
        lines += _section(schema, field, vocabularies)
    lines += ["## Sections of the text", ""]
    lines += [f"- `## {h['heading']}`: {h['prompt']}" for h in schema.spec.get("x-body-headings", [])]
    lines += ["", "Questions for reflection come from the `reflection_questions` field and appear after these sections.", ""]
    if schema.spec.get("x-max-body-characters"):
        lines += [f"The text below the front matter may be at most {schema.spec['x-max-body-characters']:,} characters long.", ""]
    return "\n".join(lines) + "\n"


def _section(schema: Schema, field: Field, vocabularies: Vocabularies) -> list[str]:
    parent = field.path[:-1]
    required = field.path[-1] in schema.required(parent)
    where = f", inside `{'.'.join(parent)}`" if parent else ""
    lines = [f"### `{field.name}`", "", f"**{'Required' if required else 'Optional'}{where}.** {_kind(field)}. {field.description}", ""]
    if field.example is not None and field.type != "object" and not field.vocabulary and _example(field) not in field.description:
        lines += [f"Example: `{_example(field)}`", ""]
    if field.spec.get("x-see"):
        see = field.spec["x-see"]
        lines += [f"See [{see['label']}]({_relative(see['page'])}).", ""]
    if field.vocabulary and field.vocabulary in vocabularies:
        lines += _values(vocabularies[field.vocabulary])
    return lines


def _kind(field: Field) -> str:
    if field.vocabulary:
        return "A list of values from the list below" if field.type == "array" else "One value from the list below"
    if field.spec.get("format") == "date":
        return "A date"
    return _TYPE_NAMES.get(field.type, field.type)


def _values(vocabulary) -> list[str]:
    lines = [f"- `{t.id}`: **{t.label}**. {t.description}" for t in vocabulary]
    return lines + ["", f"To propose a new value, add a term to `{vocabulary.path}` in your pull request; the site's editors decide, as it changes the browse pages for everyone.", ""]


def _example(field: Field) -> str:
    value = field.example
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _relative(page: str) -> str:
    """A link from this page to ``page``, both given from the site's root."""
    return posixpath.relpath(page, posixpath.dirname(routes.field_reference()))
