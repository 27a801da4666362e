"""Warnings about length: a briefing or a sentence long enough to lose a reader.

Practitioners read briefings in spare minutes, often on a phone. Length is the
one readability measure that holds up on a text of a few hundred words
(reading-age formulas swing widely at that size), so the check warns on length
alone, and names the line, which gives an editor something to act on. These are
warnings, never errors: an editor may have a good reason for a long sentence.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, repeat
from typing import Iterator

from ..read.markdown_source import MarkdownSource

MAX_BODY_WORDS = 800
AIM_WORDS = 600  # the guide's upper aim; a briefing this long still prints as a one-page flyer
MAX_SENTENCE_WORDS = 35
GUIDE = "see 'Writing in plain English' in the Contribute section"

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINK_IN_LINE = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")  # _LINK within each line, over a whole text at once
_NOT_PROSE = re.compile(r"^ {0,3}(#|\||<|\[[^\]]+\]:|-{3,}\s*$|\*{3,}\s*$)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ASCII_SPACES = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"  # what str.split() splits at in ASCII, besides ' ' and '\n'
_OTHER_SPACE = re.compile(r"[^\S \n]")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")  # starts with its punctuation (not a look-behind), so the scan skips ahead


def length_warnings(source: MarkdownSource) -> list[tuple[int, str]]:
    """(line, message) for a body over the word limit and for each over-long sentence.

    This runs on every summary at every check, so words are counted by whitespace,
    and a paragraph is split into sentences only if it could hold a long one.
    """
    return [] if plainly_short(source.masked) else scan(source)


def scan(source: MarkdownSource) -> list[tuple[int, str]]:
    """``length_warnings`` paragraph by paragraph and sentence by sentence, for the bodies that need it."""
    warnings = []
    total = 0
    for offset, lines in _paragraphs(source.masked.splitlines()):
        text = " ".join(lines)
        words = len(text.split())
        total += words
        if words > MAX_SENTENCE_WORDS:
            warnings += [(source.first_line + offset + index, message) for index, message in _long_sentences(text, lines)]
    if total > MAX_BODY_WORDS:
        warnings.insert(0, (source.first_line, f"the text is {total} words long; aim for 300 to {AIM_WORDS} words, so it can be read in a few minutes ({GUIDE})"))
    return warnings


def plainly_short(text: str) -> bool:
    """Whether no warning can be due, decided by counting in C (most bodies: a third of the cost).

    With links as their text (as the scan reads them, line by line) and no whitespace but spaces and
    newlines, the words of the body and of any sentence are at most its spaces and newlines plus one.
    '. ', '.\\n' and a blank line always end a sentence, so the stretches between them hold whole
    sentences, each with at most its stretch's words and its closing '.' (a word when it stands alone)."""
    if _other_spaces(text):
        return False
    if "](" in text:
        text = _LINK_IN_LINE.sub(r"\1", text)
    flat = text.replace(".\n", ". ").replace("\n\n", ". ").replace("\n", " ")
    if flat.count(" ") + 1 > MAX_BODY_WORDS:
        return False
    return max(map(str.count, flat.split(". "), repeat(" "))) + 2 <= MAX_SENTENCE_WORDS


def _other_spaces(text: str) -> bool:
    """Whether ``str.split`` would split the text anywhere but at a space or a newline (a tab, a no-break space)."""
    if text.isascii():  # a look for each of a few characters, in C: a pattern would try every character
        return any(map(text.__contains__, _ASCII_SPACES))
    return _OTHER_SPACE.search(text) is not None


def _long_sentences(text: str, lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index of the line the sentence starts on, message) for each sentence over the limit."""
    start = 0
    line_starts = [0, *accumulate(len(line) + 1 for line in lines)]  # once per paragraph, not per sentence
    for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        if text.count(" ", start, end) >= MAX_SENTENCE_WORDS:  # a cheap bound: words <= spaces + 1
            words = len(text[start:end].split())
            if words > MAX_SENTENCE_WORDS:
                line = bisect.bisect_right(line_starts, start) - 1
                yield line, f"this sentence is {words} words long; split it into shorter ones, aiming for under 20 words each ({GUIDE})"
        start = end


def _paragraphs(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Blocks of prose as (offset of their first line, lines with link syntax removed).

    A blank line, a heading, a table or a new list item ends a block; code is
    already blanked out by MarkdownSource.
    """
    block: list[str] = []
    first = 0
    for offset, line in enumerate(lines):
        item = _ITEM.match(line)
        if item or not line.strip() or _NOT_PROSE.match(line):
            if block:
                yield first, block
            block, first = ([_text(line[item.end():])] if item else []), offset
            continue
        if not block:
            first = offset
        block.append(_text(line.strip()))
    if block:
        yield first, block


def _text(line: str) -> str:
    """A link counts as its words, not its address."""
    return _LINK.sub(r"\1", line) if "](" in line else line
