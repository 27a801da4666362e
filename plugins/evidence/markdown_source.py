"""Scanning an editor's Markdown for headings, links, raw HTML and attribute lists.

Validation has to be fast (10,000 files in a few seconds), so it scans the
source with regular expressions instead of rendering it. Code is masked first:
``<script>`` inside a code span is text to show, not markup to refuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^ {0,3}\[([^\]\n]+)\]:\s*<?(\S*?)>?(?:\s|$)", re.M)
_ALT = r"!\[((?:[^\[\]]|\[[^\]]*\])*)\]"  # image alt text, which may hold [brackets] of its own
_INLINE_IMAGE = re.compile(_ALT + r"\(\s*(?:<([^>\n]*)>|([^)\s]*))")
_REFERENCE_IMAGE = re.compile(_ALT + r"(?:\[([^\]]*)\])?(?!\()")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*)>")
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)(>?)")
_ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*[=.#][^{}\n]*)\}")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)


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

    def _line(self, offset: int) -> int:
        return self.first_line + self.masked.count("\n", 0, offset)

    def headings(self) -> list[Found]:
        """(line, heading text, level as a string of #)."""
        return [Found(self._line(m.start()), m.group(2).strip(), m.group(1)) for m in _HEADING.finditer(self.masked)]

    def links(self) -> list[Found]:
        """Link and image destinations: inline, reference definitions and autolinks."""
        found = [Found(self._line(m.start()), m.group(1)) for m in _INLINE_LINK.finditer(self.masked)]
        found += [Found(self._line(m.start()), m.group(2)) for m in _REFERENCE.finditer(self.masked)]
        found += [Found(self._line(m.start()), m.group(1)) for m in _AUTOLINK.finditer(self.masked)]
        return sorted(found, key=lambda f: f.line)

    def images(self) -> list[Found]:
        """Image sources, inline or by reference (``![alt][ref]`` with ``[ref]: url``), at the image's line."""
        definitions: dict[str, str] = {}
        for m in _REFERENCE.finditer(self.masked):
            definitions.setdefault(_label(m.group(1)), m.group(2))  # the first definition wins
        found = [Found(self._line(m.start()), m.group(2) or m.group(3)) for m in _INLINE_IMAGE.finditer(self.masked)]
        for m in _REFERENCE_IMAGE.finditer(self.masked):
            label = _label(m.group(2) or m.group(1))
            if label in definitions:
                found.append(Found(self._line(m.start()), definitions[label]))
        return sorted(found, key=lambda f: f.line)

    def tags(self) -> list[Found]:
        """Opening raw HTML tags: (line, tag name in lowercase, attribute text).

        ``[x](<a b.md>)`` is a link whose address has a space, not a tag."""
        autolinks = {m.start() for m in _AUTOLINK.finditer(self.masked)}
        return [
            Found(self._line(m.start()), m.group(2).lower(), m.group(3))
            for m in _TAG.finditer(self.masked)
            if m.start() not in autolinks and not m.group(1) and not self._link_address(m)
        ]

    def _link_address(self, tag: re.Match) -> bool:
        """``](<team notes.pdf>)``: an address in angle brackets, with no attribute values, closing the link at once."""
        return self.masked.endswith("](", 0, tag.start()) and self.masked.startswith(")", tag.end()) and "=" not in tag.group(3)

    def attr_lists(self) -> list[Found]:
        """attr_list blocks such as ``{: .note #id }``, which can set any attribute."""
        return [Found(self._line(m.start()), m.group(1).strip()) for m in _ATTR_LIST.finditer(self.masked)]


def _label(text: str) -> str:
    """Reference labels match ignoring case and spacing, as in CommonMark."""
    return " ".join(text.lower().split())


def _blank(match: re.Match) -> str:
    """Keep newlines so line numbers still line up after masking."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _mask_code(text: str) -> str:
    if "`" not in text and "~~~" not in text:
        return text
    text = _FENCE.sub(_blank, text)
    return _CODE_SPAN.sub(lambda m: m.group(1) + _blank(re.match(r"[\s\S]*", m.group(2))) + m.group(1), text)
