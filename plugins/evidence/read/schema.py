"""JSON Schema validation with messages an editor can act on.

The schema files in ``plugins/evidence/schemas/`` are the single source of truth for front
matter: this module validates against them, and the field reference page and
the scaffold read the same files through :class:`Schema` and :class:`Field`.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterator

import jsonschema
import jsonschema_rs

from .calendar_dates import is_real_date, iso_suggestion
from .front_matter import FrontMatterError, decode, field_label, line_for_missing, line_of, parse_yaml
from .problems import Problems
from .yaml_scalars import yaml11_hint

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"  # plugins/evidence/schemas/: read by every phase, so beside them all

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list (one '- item' per line)",
    "object": "a group of indented fields",
    "boolean": "true or false",
}


@dataclass(frozen=True)
class Issue:
    """A schema failure at a field path, already worded for an editor."""

    path: tuple
    message: str
    suggests: str | None = None  # for an unknown field: the field it probably meant
    before: tuple[str, ...] | None = None  # for a missing field: the fields the schema puts before it

    def line_in(self, lines: dict, default: int = 1) -> int:
        """The line to report at: the field's own, or for a missing field the line where it belongs."""
        if self.before is None:
            return line_of(lines, self.path, default)
        return line_for_missing(lines, self.path, self.before, default)


@dataclass(frozen=True)
class Field:
    """One front-matter field as the schema describes it."""

    path: tuple[str, ...]
    spec: dict

    @property
    def name(self) -> str:
        return ".".join(self.path)

    @property
    def description(self) -> str:
        return self.spec.get("description", "")

    @property
    def type(self) -> str:
        return self.spec.get("type", "string")

    @property
    def vocabulary(self) -> str | None:
        """The vocabulary constraining this field or its list items."""
        return self.spec.get("x-vocabulary") or self.spec.get("items", {}).get("x-vocabulary")

    @property
    def example(self) -> Any:
        return (self.spec.get("examples") or [None])[0]


class Schema:
    """A loaded schema file: validates data and describes its fields."""

    def __init__(self, name: str):
        self.name = name
        self.spec = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        self._validator = jsonschema.Draft202012Validator(self.spec, format_checker=_FORMATS)
        # Compiled fast path: most files are valid, and jsonschema-rs says so about 50x faster.
        # Only a file it rejects goes through jsonschema, whose errors we know how to word.
        # Both use our own 'date' check, so they agree on dates such as 0000-01-01.
        self._fast = jsonschema_rs.validator_for(self.spec, validate_formats=True, formats={"date": is_real_date})
        self._whole_numbers = _whole_number_tree(self.spec)

    def validate(self, data: Any) -> list[Issue]:
        """Every failure, each with its path and an editor-facing message.

        A misspelt field is one mistake, not two: 'topic:' is reported as
        unknown (did you mean 'topics'?) and 'topics' is not also reported missing.
        """
        decimals = list(_decimals_for_whole_numbers(data, self._whole_numbers, ()))
        if self._fast.is_valid(data):
            return decimals
        issues = decimals + [issue for error in self._validator.iter_errors(data) for issue in _translate(error)]
        meant = {issue.path[:-1] + (issue.suggests,) for issue in issues if issue.suggests}
        return [i for i in issues if not (i.message.startswith("missing required") and i.path + (_missing_name(i),) in meant)]

    def read_file(self, path: Path, rel: str, problems: Problems, word: Callable[[Issue, Any], str] | None = None) -> tuple[Any, dict] | None:
        """Read a YAML data file and check it against this schema.

        Every problem goes into ``problems`` at its line; the result is the data
        and its line map, or None if anything was wrong. ``word`` may reword an
        issue using the data (for example to explain a YAML number surprise).
        """
        found = self.read_file_partly(path, rel, problems, word)
        return None if found is None or found[2] else found[:2]

    def read_file_partly(self, path: Path, rel: str, problems: Problems, word: Callable[[Issue, Any], str] | None = None) -> tuple[Any, dict, list[Issue]] | None:
        """Like ``read_file``, but the data comes back with its issues; None only when it cannot be parsed.

        For files others depend on: what is sound in them still serves, so their
        dependants are not blamed for the file's own mistake.
        """
        try:
            data, lines = parse_yaml(decode(path.read_bytes()))
        except FrontMatterError as exc:
            problems.error(rel, exc.line, exc.message)
            return None
        issues = self.validate(data)
        for issue in issues:
            problems.error(rel, issue.line_in(lines), word(issue, data) if word else issue.message)
        return data, lines, issues

    @cached_property
    def fields(self) -> list[Field]:
        """All fields in schema order, nested ones after their parent."""
        return list(_fields(self.spec, ()))

    @cached_property
    def vocabulary_fields(self) -> list[Field]:
        """Fields whose values come from a vocabulary (checked for every file, so computed once)."""
        return [f for f in self.fields if f.vocabulary]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def required(self, parent: tuple[str, ...] = ()) -> set[str]:
        spec = self.spec
        for key in parent:
            spec = spec["properties"][key]
        return set(spec.get("required", []))


def sound_value(data: Any, flawed: list[tuple], path: tuple) -> Any:
    """The value at ``path`` if no failure lies at or inside it, else None.

    Checks that come after the schema run even when a file has errors, so an
    editor sees every problem in one run; they must only read sound fields.
    """
    if any(bad[: len(path)] == path for bad in flawed):
        return None
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _decimals_for_whole_numbers(data: Any, tree: dict, path: tuple) -> Iterator[Issue]:
    """JSON Schema counts 2020.0 as a whole number; a year written so would make a second browse page.
    ``tree``: the schema's branches that lead to a whole-number field (``_whole_number_tree``)."""
    if isinstance(data, float) and data.is_integer() and tree.get("type") == "integer":
        yield Issue(path, f"{field_label(path)} must be a whole number{yaml11_hint(data, 'integer')}")
    elif isinstance(data, dict) and "properties" in tree:
        properties = tree["properties"]
        for key, value in data.items():
            if key in properties:
                yield from _decimals_for_whole_numbers(value, properties[key], path + (key,))
    elif isinstance(data, list) and "items" in tree:
        for index, value in enumerate(data):
            yield from _decimals_for_whole_numbers(value, tree["items"], path + (index,))


def _whole_number_tree(spec: Any) -> dict:
    """The schema cut down to the branches that hold a whole-number field, the only places a decimal
    such as 2020.0 can hide: the walk above then skips every other field of every file."""
    if not isinstance(spec, dict):
        return {}
    tree: dict = {"type": "integer"} if spec.get("type") == "integer" else {}
    properties = {key: branch for key, sub in spec.get("properties", {}).items() if (branch := _whole_number_tree(sub))}
    if properties:
        tree["properties"] = properties
    items = _whole_number_tree(spec.get("items"))
    if items:
        tree["items"] = items
    return tree


def _fields(spec: dict, prefix: tuple[str, ...]) -> Iterator[Field]:
    for key, sub in spec.get("properties", {}).items():
        yield Field(prefix + (key,), sub)
        yield from _fields(sub, prefix + (key,))


def _translate(error: jsonschema.ValidationError) -> list[Issue]:
    """Turn a jsonschema error into sentences naming the field and the fix."""
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        return _unknown_fields(error, path)
    if error.validator == "enum" and "propertyNames" in error.relative_schema_path:
        return [_unknown_name(error, path)]
    handler = _MESSAGES.get(error.validator, _generic)
    before = _fields_before(error) if error.validator == "required" else None
    return [Issue(path, handler(error, field_label(path)), before=before)]


def _fields_before(error: jsonschema.ValidationError) -> tuple[str, ...]:
    """The fields the schema lists before the missing one: it belongs after the last of them present."""
    names = list(error.schema.get("properties", {}))
    missing = error.message.split("'")[1]
    return tuple(names[: names.index(missing)]) if missing in names else tuple(names)


def _missing_name(issue: Issue) -> str:
    return issue.message.split("'")[1]


def _required(error, name):
    missing = error.message.split("'")[1]
    where = "" if not error.absolute_path else f" in {name}"
    spec = error.schema.get("properties", {}).get(missing, {})
    return f"missing required {_noun(error)} '{missing}'{where}: add '{missing}:' ({spec.get('description', '').rstrip('.')})"


def _unknown_fields(error, path: tuple) -> list[Issue]:
    """One issue per unknown key, located on that key's own line."""
    allowed = sorted(error.schema.get("properties", {}))
    where = "" if not path else f" in {field_label(path)}"
    issues = []
    for key in (k for k in error.instance if k not in allowed):
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed {_noun(error)}s are: {', '.join(allowed)}"
        issues.append(Issue(path + (key,), f"unknown {_noun(error)} {_key(key)}{where}; {hint}", close[0] if close else None))
    return issues


def _unknown_name(error, path: tuple) -> Issue:
    """A key outside a group's list of allowed names (``propertyNames``), located on its own line."""
    allowed = [str(name) for name in error.validator_value]
    close = difflib.get_close_matches(str(error.instance), allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"allowed {_noun(error)}s are: {', '.join(allowed)}"
    return Issue(path + (error.instance,), f"unknown {_noun(error)} {_key(error.instance)} in {field_label(path)}; {hint}")


def _noun(error) -> str:
    """What a schema calls its keys: front matter has fields, plugin settings have options."""
    return error.schema.get("x-noun", "field")


def _type(error, name):
    wanted = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
    return f"{name} must be {_TYPE_WORDS.get(wanted, wanted)}, not {_show(error.instance)}{yaml11_hint(error.instance, wanted)}"


def _format(error, name):
    if error.validator_value == "date":
        iso = iso_suggestion(error.instance)
        if iso:
            return f"{name} must be a date written YYYY-MM-DD: write {_show(error.instance)} as {iso}"
        return f"{name} must be a real date written YYYY-MM-DD; {_show(error.instance)} is not a date on the calendar"
    return f"{name} must be a valid {error.validator_value}; got {_show(error.instance)}"


def _pattern(error, name):
    hints = {
        "^https?://": "a web address starting with https:// (or http://), with no spaces",
        "^10\\.": "a DOI such as 10.1000/xyz123, without https://doi.org/ in front",
        "^[a-z0-9]+(-": "lowercase words joined by hyphens, for example people-with-learning-disabilities",
        "^#[0-9A-Fa-f]{6}$": "a colour written as # and six hexadecimal digits, for example #00545c",
        "^(https://|mailto:)": "a web address starting with https:// (or mailto:), with no spaces",
        "^[A-Za-z0-9_./-]+\\.(svg": "an image file's path from local/content/ ending .svg, .png, .jpg or .webp, for example images/logo.svg",
    }
    wanted = error.schema.get("x-pattern-hint") or next((text for prefix, text in hints.items() if error.validator_value.startswith(prefix)), f"text matching {error.validator_value}")
    return f"{name} must be {wanted}; got {_show(error.instance)}"


_LIMITS = {  # built lazily: 'len' only makes sense for the validators that measure length
    "minLength": lambda e: f"is too short: write at least {e.validator_value} characters",
    "maxLength": lambda e: f"is too long ({len(e.instance)} characters): keep it to {e.validator_value}",
    "minItems": lambda e: f"needs at least {e.validator_value} item(s)",
    "maxItems": lambda e: f"has too many items: keep it to {e.validator_value}",
    "uniqueItems": lambda e: "lists the same value twice: remove the repeat",
    "minimum": lambda e: f"must be {e.validator_value} or more",
    "maximum": lambda e: f"must be {e.validator_value} or less",
}


def _length(error, name):
    """Limits on length, count, size and repetition."""
    return f"{name} {_LIMITS[error.validator](error)}"


def _enum(error, name):
    allowed = ", ".join(map(str, error.validator_value))
    return f"{name} must be one of: {allowed}; got {_show(error.instance)}"


def _generic(error, name):
    return f"{name}: {error.message}"


def _key(key: str) -> str:
    """A field name as written, unless it would break the one-line message (then escaped)."""
    return f"'{key}'" if key.isprintable() and len(key) <= 60 else _show(key)


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


_FORMATS = jsonschema.FormatChecker()
_FORMATS.checks("date")(is_real_date)

_MESSAGES = {
    "required": _required,
    "type": _type,
    "format": _format,
    "pattern": _pattern,
    "enum": _enum,
    **{key: _length for key in ("minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minimum", "maximum")},
}
