"""How a YAML value written as text becomes data: YAML 1.2's plain rules, not PyYAML's YAML 1.1 ones.

PyYAML follows YAML 1.1, where ``yes`` is true and ``0x7E4``, ``2_020`` and
``33:40`` are all the number 2020, while ``!!int abc`` or a 5,000-digit number
raise a bare ``ValueError``. No editor means any of that, so here a value is a
number only when written as one (``2020``, ``4.5``), true or false only when
written so, and anything else stays the text as written: where a field wants a
number, the schema then says how to write it (see :func:`yaml11_hint`). An
explicit tag that cannot hold its text is a located error, never a traceback.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

PLAIN = "tag:evidence,2026:plain"  # every unquoted scalar gets this tag; see front_matter._Loader
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")
_NUMBER_START = frozenset("+-0123456789")  # the first character of anything _INT or _FLOAT match
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = {"", "~", "null", "Null", "NULL"}
MAX_DIGITS = 60  # no field holds a longer number; Python refuses over 4,300 digits with a traceback
_TAG_WORDS = {"int": "a whole number", "float": "a number", "bool": "true or false", "null": "empty (null)"}


class ScalarError(ValueError):
    """A value that cannot be read as its tag says; the message names the fix."""


def plain(text: str) -> Any:
    """An unquoted value: a number, true/false or empty only when written exactly so; else the text."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if text[0] in _NUMBER_START and (_INT.fullmatch(text) or _FLOAT.fullmatch(text)):  # most values are words: no pattern tried
        return _number(text)
    return text


def tagged(tag: str, text: str) -> Any:
    """A value with an explicit tag such as ``!!int``: read only if its text is what the tag says."""
    kind = tag.rsplit(":", 1)[-1]
    value = plain(text)
    wanted = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}.get(kind)
    if wanted is None or isinstance(value, bool) != (kind == "bool") or not isinstance(value, wanted):
        words = _TAG_WORDS.get(kind, "a value of that kind")
        raise ScalarError(f"'!!{kind} {_short(text)}' cannot be read: the !!{kind} tag needs {words}; delete '!!{kind}' and write the value plainly")
    return float(value) if kind == "float" else value


def _number(text: str) -> int | float:
    digits = sum(ch.isdigit() for ch in text)
    if digits > MAX_DIGITS:
        raise ScalarError(f"this number has {digits} digits, more than any field takes ({MAX_DIGITS} at most): shorten it, or put it in quotes if it is text")
    return int(text) if _INT.fullmatch(text) else float(text)


def yaml11_hint(value: Any, wanted: str) -> str:
    """How to write ``value`` for a field of JSON type ``wanted``, when YAML habits explain the mistake.

    '' when there is nothing useful to add. Older YAML tools read ``yes`` as true
    and ``0x7E4`` as 2020; saying so tells the editor why the value looked right.
    """
    if isinstance(value, str) and wanted in ("integer", "number", "boolean"):
        return _old_reading(value, wanted)
    if isinstance(value, float) and wanted == "integer" and value.is_integer():
        return f": YAML reads {value} as a decimal number; write {int(value)}"
    if wanted == "string" and isinstance(value, (bool, int, float)):
        shown = {True: "true", False: "false"}.get(value, value) if isinstance(value, bool) else value
        return f": YAML reads an unquoted {shown} as {'true or false' if isinstance(value, bool) else 'a number'}; put it in quotes, for example \"{shown}\""
    return ""


def _old_reading(text: str, wanted: str) -> str:
    """What YAML 1.1 would have made of the text, as a fix: '0x7E4' -> 'write 2020'."""
    if len(text) > 40:
        return ""
    try:
        old = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):
        return ""
    if wanted == "boolean" and isinstance(old, bool):
        return f": '{text}' is read as text here; write {'true' if old else 'false'}"
    if wanted != "boolean" and isinstance(old, (int, float)) and not isinstance(old, bool):
        number = int(old) if wanted == "integer" and float(old).is_integer() else old
        return f": '{text}' is read as text here (some YAML tools read it as {old}); write {number}"
    return ""


def _short(text: str) -> str:
    text = " ".join(text.split())  # one message, one line
    return text if len(text) <= 30 else text[:27] + "..."
