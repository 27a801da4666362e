"""The quick test for bodies with no length warning never hides one.

``length_warnings`` first counts in C whether any warning could be due
(``plainly_short``) and scans paragraphs and sentences only if so: over any
body, a body it passes must be one the full scan finds nothing in.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evidence.check.plain_english import MAX_SENTENCE_WORDS, length_warnings, plainly_short, scan
from evidence.read.markdown_source import MarkdownSource

pieces = st.sampled_from(["word", "w", " ", "  ", "\n", "\n\n", ". ", ".\n", " . ", "? ", "! ", '." ', ".) ", "e.g.", "- ", "1. ", "## ", "| ", "<b>", "[x](y. z)", "[a. b](u)", "](", "[q](r\ns)", "\t", "caf\u00e9", "\u00a0", "\u2003", "\r", "\x0b", "\x1c", "\u201d "])


def sentence(words: int, end: str) -> str:
    return " ".join(["word"] * words) + end


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(pieces, st.builds(sentence, st.integers(MAX_SENTENCE_WORDS - 3, MAX_SENTENCE_WORDS + 3), st.sampled_from([". ", ".\n", " .\n", ".\n\n", "? "]))), max_size=60))
def test_a_body_passed_as_short_has_no_warning_in_the_full_scan(parts):
    source = MarkdownSource("".join(parts), 5)
    if plainly_short(source.masked):
        assert scan(source) == []
    assert length_warnings(source) == scan(source)


def test_the_longest_sentence_allowed_passes_and_one_word_more_is_found():
    short = MarkdownSource(sentence(MAX_SENTENCE_WORDS, ". ") + sentence(3, ".\n"), 1)
    long = MarkdownSource(sentence(MAX_SENTENCE_WORDS + 1, ". ") + sentence(3, ".\n"), 1)
    assert length_warnings(short) == [] and [line for line, _ in length_warnings(long)] == [1]
