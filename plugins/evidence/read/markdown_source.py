"""Scanning an editor's Markdown for headings, raw HTML and attribute lists.

Validation has to be fast (10,000 files in a few seconds), so it scans the
source with regular expressions instead of rendering it. Code is masked first:
``<script>`` inside a code span is text to show, not markup to refuse. Links
are the exception: what is a link is decided by the build's own Markdown (see
``link_scan``), because a guess there lets a broken or dangerous link through.

Line numbers come from the offsets of each line, computed once: counting
newlines from the start of the file for every match made a body with 40,000
links take minutes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, count
from operator import add

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*)>")
_AUTOMAIL = re.compile(r"<[^<> !]+@[^@<> ]+>")  # Python-Markdown's own pattern: a mail link, not a tag
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)(>?)")
_ATTR_LIST = re.compile(r"(?<!\{)\{:?\s*([^{}\n]*[=.#][^{}\n]*)\}(?!\})")  # {{ ... }} is a template tag, not attributes
_HEADING = re.compile(r"\n(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)  # searched in "\n" + text: a literal start, found by a fast scan
_BLANK_LINE = re.compile(r"\n[ \t>]*(?=\n)")
_LINK_END = re.compile(r"""\s*(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\))?\s*\)""")  # an optional title, then ')'


@dataclass(frozen=True)
class Found:
    """Something found in the source, with its line in the file."""

    line: int
    text: str
    detail: str = ""


class MarkdownSource:
    """The body of a file, with positions mapped back to file lines."""

    def __init__(self, text: str, first_line: int = 1):
        self.text = text
        self.first_line = first_line
        self.masked = _mask_code(text)

    @cached_property
    def _starts(self) -> list[int]:
        """Where each line starts, built on the first look-up: summed in C from the lines' lengths
        (a Python step per newline was most of the cost of reading a body with no link)."""
        lengths = accumulate(map(len, self.text.split("\n")))  # line i + 1 starts after i + 1 lines and their newlines
        return [0, *map(add, lengths, count(1))][:-1]

    def line_at(self, offset: int) -> int:
        """The file line holding ``offset`` of the body: a binary search, so any number of lookups stays linear."""
        return self.first_line + bisect.bisect_right(self._starts, offset) - 1

    def headings(self) -> list[Found]:
        """(line, heading text, level as a string of #)."""
        return [Found(self.line_at(m.start()), m.group(2).strip(), m.group(1)) for m in _HEADING.finditer("\n" + self.masked)]  # the "\n" added is at the line's offset

    def heading_texts(self) -> list[str]:
        """The headings' text alone: checking which sections exist needs no line, and so no line table."""
        return [m.group(2).strip() for m in _HEADING.finditer("\n" + self.masked)]

    def autolinks(self) -> list[Found]:
        """``<scheme:...>`` written as a link. Markdown links only http(s) and ftp this way, but the scheme
        check reads every one: ``<javascript:...>`` is refused whatever the renderer makes of it."""
        if "<" not in self.masked:  # most bodies: no scan at all
            return []
        return [Found(self.line_at(m.start()), m.group(1)) for m in _AUTOLINK.finditer(self.masked)]

    def tags(self) -> list[Found]:
        """Opening raw HTML tags: (line, tag name in lowercase, attribute text).

        ``[x](<a b.md>)`` is a link whose address has a space, not a tag."""
        if "<" not in self.masked:
            return []
        autolinks = {m.start() for pattern in (_AUTOLINK, _AUTOMAIL) for m in pattern.finditer(self.masked)}
        return [
            Found(self.line_at(m.start()), m.group(2).lower(), m.group(3))
            for m in _TAG.finditer(self.masked)
            if m.start() not in autolinks and not m.group(1) and not self._link_address(m)
        ]

    def _link_address(self, tag: re.Match) -> bool:
        """``](<team notes.pdf>)`` or ``](<notes.pdf> "Title")``: an address in angle brackets, with no
        attribute values, then at most a title before the link closes."""
        closes = _LINK_END.match(self.masked, tag.end())
        return self.masked.endswith("](", 0, tag.start()) and closes is not None and "=" not in tag.group(3)

    def link_work(self) -> tuple[int, Found]:
        """How much reading Markdown does to find where links end, and the costliest paragraph.

        Python-Markdown tries every '[' and '<' as the start of a link or tag and reads on
        through the paragraph for its end, so a paragraph's cost is its '[' and '<' times
        its length: 8,000 unclosed '[' take the build (and so the check) about a minute.
        Returns (total, Found(line, '', 'count length') of the costliest paragraph).
        """
        total, worst, worst_at = 0, (0, 0, 0), 0
        starts = [0, *(m.end() for m in _BLANK_LINE.finditer(self.masked))]
        for begin, end in zip(starts, starts[1:] + [len(self.masked)]):
            opened = self.masked.count("[", begin, end) + self.masked.count("<", begin, end)
            cost = opened * (end - begin)
            total += cost
            if cost > worst[0]:
                worst, worst_at = (cost, opened, len(self.masked[begin:end].strip("\n"))), begin
        first = worst_at + 1 if worst_at else 0  # a paragraph after a blank line starts after its newline
        return total, Found(self.line_at(first), "", f"{worst[1]} {worst[2]}")

    def link_work_bound(self) -> int:
        """At least ``link_work()``'s total, counted in C: no paragraph has more '[' or '<' than the body, nor is longer."""
        return (self.masked.count("[") + self.masked.count("<")) * len(self.masked)

    def attr_lists(self) -> list[Found]:
        """attr_list blocks such as ``{: .note #id }``, which can set any attribute."""
        if "{" not in self.masked:  # the pattern starts with a look-behind, so it would try every position
            return []
        return [Found(self.line_at(m.start()), m.group(1).strip()) for m in _ATTR_LIST.finditer(self.masked)]


def _blank(match: re.Match) -> str:
    """Keep newlines so line numbers still line up after masking."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _mask_code(text: str) -> str:
    if "`" not in text and "~~~" not in text:
        return text
    text = _FENCE.sub(_blank, text)
    return _CODE_SPAN.sub(lambda m: m.group(1) + _blank(re.match(r"[\s\S]*", m.group(2))) + m.group(1), text)
