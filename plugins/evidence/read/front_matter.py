"""Reading a Markdown file with YAML front matter, keeping line numbers for every field.

Editors need the line of each mistake, so parsing keeps a map from each field's
path (for example ``("source", "url")`` or ``("topics", 2)``) to its line in the
file. Dates stay as text here; the schema checks them, which turns PyYAML's bare
``ValueError`` for impossible dates such as 2024-02-30 into a located message.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from .lazy_lines import STR, LineMap, Unusual, plain_data
from .yaml_scalars import PLAIN, ScalarError, plain, tagged

FieldPath = tuple  # of str keys and int indexes

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10,000 files in seconds


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that marks every unquoted value PLAIN: ``yaml_scalars`` decides what it is.

    Dates stay text (the schema validates them) and YAML 1.1's surprises
    (``yes``, ``0x7E4``, ``33:40``) are never silently turned into data.
    """


_Loader.yaml_implicit_resolvers = {None: [(PLAIN, re.compile(""))]}
_DEFAULT_TAGS = {yaml.ScalarNode: _Loader.DEFAULT_SCALAR_TAG, yaml.SequenceNode: _Loader.DEFAULT_SEQUENCE_TAG, yaml.MappingNode: _Loader.DEFAULT_MAPPING_TAG}


def _resolve(loader: _Loader, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
    """What PyYAML's resolver answers with the one resolver above, without its loop: libyaml calls
    it back for every node (half a million at 10,000 summaries), so its cost was a third of parsing."""
    return PLAIN if kind is yaml.ScalarNode and implicit[0] else _DEFAULT_TAGS[kind]


_Loader.resolve = _resolve  # type: ignore[method-assign]
# Path resolvers (none here) are asked on the way into and out of every node: two Python calls a node,
# 0.1 s at 10,000 summaries. Builtins taking the same arguments do nothing, in C (not bound as methods).
_Loader.descend_resolver = operator.is_  # type: ignore[assignment]  # (parent, index) -> ignored
_Loader.ascend_resolver = tuple  # type: ignore[assignment]  # () -> ignored


class FrontMatterError(Exception):
    """A problem that stops the front matter being read at all."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Document:
    """A file split into its front-matter data and Markdown body."""

    data: dict[str, Any]
    body: str
    body_line: int  # line number of the body's first line in the file
    lines: Mapping[FieldPath, int] = field(default_factory=dict)  # a LineMap: built when first asked
    text: str = field(default="", repr=False)  # the whole file, for quick "does it contain" tests

    def line_of(self, path: FieldPath) -> int:
        return line_of(self.lines, path)


def line_of(lines: dict[FieldPath, int], path: FieldPath, default: int = 1) -> int:
    """The line of a field, or of its nearest parent that has one."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return default


def line_for_missing(lines: dict[FieldPath, int], parent: FieldPath, before: tuple[str, ...], default: int = 1) -> int:
    """Where a missing field belongs: just after the last field the schema puts before it,
    else at the start of its group. An editor adds it there, not at line 1."""
    parent = tuple(parent)
    present = [parent + (name,) for name in before if parent + (name,) in lines]
    if present:
        return _last_line_within(lines, present[-1]) + 1
    inside = [line for path, line in lines.items() if path[: len(parent)] == parent and len(path) > len(parent)]
    if inside:
        return min(inside)
    return lines[parent] + 1 if parent in lines else default


def _last_line_within(lines: dict[FieldPath, int], path: FieldPath) -> int:
    return max(line for key, line in lines.items() if key[: len(path)] == path)


def field_label(path: FieldPath) -> str:
    """A field as an editor would say it: ``('topics', 0)`` is 'topics' item 1,
    ``('steps', 1, 'why')`` is 'why' in 'steps' item 2. Every message names fields
    this way; JSON paths such as ``topics.0`` count from zero and mean nothing to editors."""
    parts: list[str] = []
    keys: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.insert(0, (f"'{'.'.join(keys)}' " if keys else "") + f"item {part + 1}")
            keys = []
        else:
            keys.append(str(part))
    if keys:
        parts.insert(0, f"'{'.'.join(keys)}'")
    return " in ".join(parts) or "the file"


def decode(raw: bytes) -> str:
    """Decode UTF-8, naming the line of the first bad byte when it is not.

    Windows (CRLF) and old Mac (CR) line endings become plain newlines, as
    Python's own text files do, so every line number counts lines the way an
    editor's window shows them.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        raise FrontMatterError(
            line, "the file is not UTF-8 text; save it as UTF-8 (in most editors: Save with encoding > UTF-8)"
        ) from None
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() or raw.translate(None, _ASCII_TEXT):  # deleting every allowed byte leaves none: a tenth of the pattern's time
        _refuse_control_characters(text)
    return text


# Invisible characters that YAML refuses (or, for U+0085/U+2028/U+2029, counts as extra
# line breaks) and HTML calls parse errors. Tab and newline are fine.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_BREAKS = re.compile("[\x85\u2028\u2029]")  # the characters of _CONTROL that libyaml takes (as line breaks) rather than refusing
_ASCII_TEXT = bytes(code for code in range(128) if not _CONTROL.match(chr(code)))


def _refuse_control_characters(text: str) -> None:
    """libyaml says 'unacceptable character #x0007 ... position 455'; an editor needs the line and the fix."""
    found = _CONTROL.search(text)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise FrontMatterError(
            text.count("\n", 0, found.start()) + 1,
            f"this line contains an invisible control character ({code}), often pasted in from Word or a PDF; delete it (if you cannot see it, retype the line)",
        )


def parse_document(text: str) -> Document:
    """Split and parse a document; raise FrontMatterError with a line on failure."""
    if not text.strip():
        raise FrontMatterError(1, "the file is empty; start it with front matter between two '---' lines")
    handler = YAMLHandler()
    if not handler.detect(text):
        raise FrontMatterError(1, "missing front matter: the first line must be '---', followed by the fields and another '---'")
    try:
        fm_text, body = handler.split(text)
    except ValueError:
        raise FrontMatterError(1, "front matter is not closed: add a line '---' after the last field") from None
    body_line = text.count("\n", 0, text.index(fm_text) + len(fm_text)) + 2
    data, lines = parse_front_matter(fm_text, first_line=2)
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {_kind(data)}"
        raise FrontMatterError(2, f"front matter is {kind}, not a set of 'field: value' lines")
    return Document(data, body.lstrip("\n"), body_line + _leading_newlines(body), lines, text)


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[FieldPath, int]]:
    """Parse YAML safely: no aliases, no duplicate keys, located errors."""
    offset = first_line - 2 if text.startswith("\n") else first_line - 1
    return build_yaml(compose_yaml(text, first_line), offset)


def parse_front_matter(text: str, first_line: int = 1) -> tuple[Any, Mapping[FieldPath, int]]:
    """``parse_yaml``, with each field's line found when first asked (see ``lazy_lines``). Anything out
    of the common run (an anchor, an escape, a tag, a key twice) goes to the full builder, which says
    what is wrong where, or gives the same values with every line."""
    node = compose_yaml(text, first_line)
    if node is not None and "&" not in text and "\\" not in text and (text.isascii() or not _BREAKS.search(text)):
        try:
            data = plain_data(node)
        except (Unusual, ScalarError, RecursionError):
            pass
        else:
            return data, LineMap(data, partial(_lines_of, text, first_line))
    return build_yaml(node, first_line - 2 if text.startswith("\n") else first_line - 1)


def _lines_of(text: str, first_line: int) -> dict[FieldPath, int]:
    return parse_yaml(text, first_line)[1]


def compose_yaml(text: str, first_line: int = 1, offset: int | None = None) -> yaml.Node | None:
    """The document as nodes, before any value is read: a syntax error is located here.

    ``offset`` (line numbers added to the text's own) defaults to front matter's: one
    less when the text starts with the newline after the opening '---'.
    """
    if offset is None:
        offset = first_line - 2 if text.startswith("\n") else first_line - 1
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, offset, first_line) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(first_line, f"YAML error: {exc}") from None
    except RecursionError:
        raise FrontMatterError(first_line, _TOO_DEEP) from None
    finally:
        loader.dispose()


def build_yaml(node: yaml.Node | None, offset: int = 0) -> tuple[Any, dict[FieldPath, int]]:
    """Values and the line of each field, from composed nodes (a whole document or one part of it)."""
    if node is None:
        return None, {}
    lines: dict[FieldPath, int] = {}
    try:
        return _Builder(lines, offset).build(node, ()), lines
    except RecursionError:
        raise FrontMatterError(node.start_mark.line + 1 + offset, _TOO_DEEP) from None


_TOO_DEEP = "the front matter is nested too deeply; use at most a few levels of indentation"


_STR = STR  # what a quoted value is tagged
_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null")}


class _Builder:
    """Turns composed nodes into data in one pass, recording each field's line.

    One pass instead of PyYAML's constructor plus a second walk halves parsing
    time; aliases show up as a node seen twice and are refused.
    """

    def __init__(self, lines: dict, offset: int):
        self.lines, self.offset, self.seen = lines, offset, set()

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        if id(node) in self.seen:
            line = self.lines.get(path, node.start_mark.line + 1 + self.offset)
            raise FrontMatterError(line, "YAML aliases (*name) are not allowed; write the value out in full")
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self._item(item, path + (index,)) for index, item in enumerate(node.value)]
        if node.tag == _STR:
            return self._text(node)
        line = node.start_mark.line + 1 + self.offset
        if node.tag not in _SCALAR_TAGS and node.tag != PLAIN:
            shown = node.tag.replace("tag:yaml.org,2002:", "!!")[:60]
            raise FrontMatterError(line, f"'{shown}' values are not allowed; delete the tag and write plain text, a number, true or false")
        try:
            value = plain(node.value) if node.tag == PLAIN else tagged(node.tag, node.value)
        except ScalarError as exc:
            raise FrontMatterError(line, str(exc)) from None
        return self._text(node) if isinstance(value, str) else value

    def _text(self, node: yaml.ScalarNode) -> str:
        """Escapes in double quotes ("\\a", "\\x07") make the invisible characters the raw-text check refuses."""
        found = _CONTROL.search(node.value)
        if found:
            line = node.start_mark.line + 1 + self.offset
            code = f"U+{ord(found.group()):04X}"
            raise FrontMatterError(line, f"this value contains an invisible control character ({code}), written as an escape such as \\a or \\x07; delete the escape")
        return node.value.rstrip("\n")  # a '|' block ends in a newline that no field means, and that validators disagree on

    def _item(self, node: yaml.Node, path: FieldPath) -> Any:
        self.lines[path] = node.start_mark.line + 1 + self.offset
        return self.build(node, path)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict:
        data = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + self.offset
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge" or (key_node.tag == PLAIN and key_node.value == "<<"):
                raise FrontMatterError(line, "field names must be plain words such as 'title:'; merge keys (<<) are not allowed")
            key = key_node.value
            if path + (key,) in self.lines:
                first = self.lines[path + (key,)]
                raise FrontMatterError(line, f"'{key}' appears twice (first on line {first}); keep one and delete the other")
            self.lines[path + (key,)] = line
            data[key] = self.build(value_node, path + (key,))
        return data


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, offset: int, first_line: int) -> FrontMatterError:
    """Locate the mistake where the editor made it: libyaml reports a tab or an
    unclosed quote where parsing gave up, which can be lines later and puzzling."""
    problem = f"{exc.problem} {exc.context}"
    mark = exc.problem_mark or exc.context_mark
    lines = text.split("\n")[: mark.line + 1] if mark else text.split("\n")
    if "cannot start any token" in problem or "'\\t'" in problem or "tab character" in problem:
        tab = next((i for i, line in enumerate(lines) if "\t" in line[: len(line) - len(line.lstrip())]), None)
        if tab is not None:
            return FrontMatterError(tab + 1 + offset, "this line is indented with a tab: indent with spaces (two for each level), never tabs")
    if "end of stream" in problem:
        quote = next((i for i, line in enumerate(lines) if not line.lstrip().startswith("#") and line.replace('\\"', "").count('"') % 2), None)
        if quote is not None:
            return FrontMatterError(quote + 1 + offset, 'a double quote (") opened on this line is never closed: add the closing quote at the end of the value')
    for opening, closing in (("[", "]"), ("{", "}")):
        if f"expected ',' or '{closing}'" in problem:
            opened = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].count(opening) > lines[i].count(closing)), None)
            if opened is not None:
                return FrontMatterError(opened + 1 + offset, f"a '{opening}' opened on this line is never closed: add '{closing}' after the last item, or put the whole value in quotes")
    line = (mark.line + 1 + offset) if mark else first_line
    return FrontMatterError(line, f"YAML syntax error: {exc.problem or exc.context}; {_syntax_hint(exc)}")


def _syntax_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = f"{exc.problem} {exc.context}"
    if "mapping values are not allowed" in problem:
        return "put text that contains ': ' inside double quotes"
    if "found character '\\t'" in problem:
        return "indent with spaces, not tabs"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return "line this up with the lines above it, using the same number of spaces"
    if "could not find expected ':'" in problem:
        return "each field needs 'name: value'; check the line above for a missing colon or unclosed quote"
    return "check indentation, colons and quotes on this line and the one above"


def _kind(value: Any) -> str:
    return {list: "list", str: "line of text"}.get(type(value), type(value).__name__)


def _leading_newlines(body: str) -> int:
    return len(body) - len(body.lstrip("\n"))
