"""What one summary gives an output (its catalogue record, its citation), kept while that summary lives.

The preview reloads the library after every save, and a reload replays an
unedited file's summary as the same object (``evidence.model.read_cache``). So
what is made from a summary alone can be made once per edit of its file, not
once per save of any file, and is dropped with the summary itself.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, Generic, TypeVar

from ..model.summary import Summary

Made = TypeVar("Made")


class PerSummary(Generic[Made]):
    """``make(summary)`` once per summary object and ``also`` (what else the result depends on, such as the site)."""

    def __init__(self, make: Callable[[Summary, Any], Made]) -> None:
        self.make = make
        self.kept: dict[int, tuple[weakref.ref, Any, Made]] = {}

    def __call__(self, summary: Summary, also: Any) -> Made:
        key = id(summary)
        entry = self.kept.get(key)
        if entry is None or entry[0]() is not summary or entry[1] != also:
            # The entry goes when the summary does, before its id can be another object's.
            entry = self.kept[key] = (weakref.ref(summary, lambda _, kept=self.kept: kept.pop(key, None)), also, self.make(summary, also))
        return entry[2]
