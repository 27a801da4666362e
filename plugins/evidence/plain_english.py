"""Warnings about length: a briefing or a sentence long enough to lose a reader.

Practitioners read briefings in spare minutes, often on a phone. Length is the
one readability measure that holds up on a text of a few hundred words
(reading-age formulas swing widely at that size), so the check warns on length
alone, and names the line, which gives an editor something to act on. These are
warnings, never errors: an editor may have a good reason for a long sentence.
"""

from __future__ import annotations

import re
from typing import Iterator

from .markdown_source import MarkdownSource

MAX_BODY_WORDS = 800
MAX_SENTENCE_WORDS = 35
GUIDE = "see 'Writing in plain English' in the Contribute section"

_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_NOT_PROSE = re.compile(r"^ {0,3}(#|\||<|\[[^\]]+\]:|-{3,}\s*$|\*{3,}\s*$)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")


def length_warnings(source: MarkdownSource) -> list[tuple[int, str]]:
    """(line, message) for a body over the word limit and for each over-long sentence."""
    warnings = []
    total = 0
    for line, sentence in _sentences(source):
        words = len(_WORD.findall(sentence))
        total += words
        if words > MAX_SENTENCE_WORDS:
            warnings.append((line, f"this sentence is {words} words long; split it into shorter ones, aiming for under 20 words each ({GUIDE})"))
    if total > MAX_BODY_WORDS:
        warnings.insert(0, (source.first_line, f"the text is {total} words long; aim for 300 to 600 words, so it can be read in a few minutes ({GUIDE})"))
    return warnings


def _sentences(source: MarkdownSource) -> Iterator[tuple[int, str]]:
    """Sentences of running text with the line each starts on; code, headings and tables are skipped."""
    for paragraph in _paragraphs(source.masked.splitlines()):
        text, starts = "", []
        for offset, line in paragraph:
            starts.append((len(text), offset))
            text += _LINK.sub(r"\1", line) + " "
        start = 0
        for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
            if text[start:end].strip():
                yield source.first_line + max(o for at, o in starts if at <= start), text[start:end]
            start = end


def _paragraphs(lines: list[str]) -> Iterator[list[tuple[int, str]]]:
    """Blocks of prose as (line offset, text); a blank line or a new list item ends one."""
    block: list[tuple[int, str]] = []
    for offset, line in enumerate(lines):
        if not line.strip() or _NOT_PROSE.match(line) or _ITEM.match(line):
            if block:
                yield block
            block = [(offset, _ITEM.sub("", line))] if _ITEM.match(line) else []
            continue
        block.append((offset, line.strip()))
    if block:
        yield block
