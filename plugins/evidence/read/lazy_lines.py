"""Front matter read to values first, its line map built only when a message needs a line.

Most files have nothing wrong in their front matter, yet locating every key and
list item was a third of reading one (10,000 summaries: about 0.8 s). So the
usual nodes are read straight to values here, and a ``LineMap`` stands in for
the lines: which fields have a line is known from the values themselves, so a
check that asks after a field the file does not have (as checks of optional
fields do for every file) builds nothing; the first real look-up reads the
front matter again, this time with every line. Anything out of the common run
is left to ``front_matter``'s full builder (see ``Unusual``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable, Iterator

import yaml

from .yaml_scalars import PLAIN, plain

FieldPath = tuple  # of str keys and int indexes, as in front_matter
STR = "tag:yaml.org,2002:str"


class Unusual(Exception):
    """A node only the full builder reads: it reports what is wrong with it (a key twice, a tag), or
    gives the same values with every line."""


def plain_data(node: yaml.Node) -> Any:
    """The values of plain and quoted scalars, lists and mappings of them, as the full builder makes them.

    Its callers make sure there is no anchor (so no alias) and no escape (so no control character
    in a value); a number too long raises ``ScalarError`` and a very deep nesting ``RecursionError``,
    and the full builder then says where."""
    kind = node.__class__
    if kind is yaml.ScalarNode:
        if node.tag == PLAIN:
            value = plain(node.value)
            return node.value.rstrip("\n") if isinstance(value, str) else value
        if node.tag == STR:
            return node.value.rstrip("\n")
    elif kind is yaml.SequenceNode:
        return [plain_data(item) for item in node.value]
    elif kind is yaml.MappingNode:
        data = {}
        for key, value in node.value:
            if key.__class__ is not yaml.ScalarNode or key.tag not in (PLAIN, STR) or key.value == "<<":
                raise Unusual
            data[key.value] = plain_data(value)
        if len(data) == len(node.value):  # else a key is there twice
            return data
    raise Unusual


class LineMap(Mapping):
    """Each field's line, as ``{("source", "url"): 12}``, built by ``build`` on the first look-up of a field that exists.

    Pickled as the values and ``build`` (a reference to a function and the front matter's text),
    never the lines, which keeps the read cache small."""

    def __init__(self, data: Any, build: Callable[[], dict]):
        self._data, self._build, self._lines = data, build, None

    def __reduce__(self) -> tuple:
        return LineMap, (self._data, self._build)

    def _built(self) -> dict:
        if self._lines is None:
            self._lines = self._build()
        return self._lines

    def __getitem__(self, path: FieldPath) -> int:
        return self._built()[path]

    def __iter__(self) -> Iterator[FieldPath]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._built())

    def get(self, path: FieldPath, default: Any = None) -> Any:
        """Mapping's own ``get`` looks the field up and so would build the lines for an absent one."""
        return self[path] if path in self else default

    def __contains__(self, path: object) -> bool:
        return isinstance(path, tuple) and bool(path) and holds(self._data, path)

    def __eq__(self, other: object) -> bool:
        return dict(self) == (dict(other) if isinstance(other, Mapping) else other)

    __hash__ = None  # type: ignore[assignment]  # a mapping, as a dict is


def holds(data: Any, path: FieldPath) -> bool:
    """Whether the values have this field: the full builder gives a line to every key and list item, and only to them."""
    for part in path:
        if isinstance(data, dict) and isinstance(part, str) and part in data:
            data = data[part]
        elif isinstance(data, list) and type(part) is int and 0 <= part < len(data):
            data = data[part]
        else:
            return False
    return True
