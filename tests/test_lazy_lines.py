"""Front matter read to values first gives the same values, lines and messages as reading every line.

``parse_front_matter`` (used for summaries, reading paths and pages) builds
the usual front matter without locating each field, and a ``LineMap`` finds
the lines when a message first asks (``evidence/read/lazy_lines.py``). What
it answers must be what the full builder, ``parse_yaml``, answers: the same
values, the same line for every field, the same "has this field" for fields
that are absent, and the same located error for anything wrong.
"""

from __future__ import annotations

import pickle

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import summary_text
from evidence.read.front_matter import FrontMatterError, line_for_missing, line_of, parse_front_matter, parse_yaml
from evidence.read.lazy_lines import LineMap

NESTED = """
title: A study
source:
  citation: Findings 1
  url: https://example.org/1
topics:
- carers
- 'quoted: item'
steps:
- summary: first
  why: Because.
- title: Second
  questions:
  - One?
  - Two?
notes: |
  A block
  of text
"""


def answers(text: str, paths: list[tuple]) -> list:
    """Everything a check may ask of the lines, for each path."""
    data, lines = parse_front_matter(text, first_line=2)
    return [data, dict(lines)] + [(p in lines, lines.get(p, -1), line_of(lines, p), line_for_missing(lines, p[:-1], ("title", "why"))) for p in paths]


def full(text: str, paths: list[tuple]) -> list:
    data, lines = parse_yaml(text, first_line=2)
    return [data, lines] + [(p in lines, lines.get(p, -1), line_of(lines, p), line_for_missing(lines, p[:-1], ("title", "why"))) for p in paths]


PROBES = [("title",), ("search_queries",), ("source", "url"), ("source", "doi"), ("topics", 1), ("topics", 2), ("topics", -1), ("topics", "x"),
          ("steps", 1, "questions", 1), ("steps", 1, "why"), ("steps", 0, "why"), ("notes",), ("notes", 0), ("title", "x")]


def test_nested_fields_have_the_lines_of_the_full_reading():
    assert answers(NESTED, PROBES) == full(NESTED, PROBES)


@pytest.mark.parametrize(
    ("text", "line", "start"),
    [
        ("steps:\n- why: One\n  why: Two\n", 4, "'why' appears twice (first on line 3)"),
        ("title: A\nsource:\n  url: x\n  url: y\n", 5, "'url' appears twice (first on line 4)"),
        ("a: &x 1\nb: *x\n", 3, "YAML aliases"),
        ("a: !!int x\n", 2, "'!!int x' cannot be read"),
        ('a: "bell \\a"\n', 2, "this value contains an invisible control character (U+0007)"),
        ("a:\n- 1\n- " + "9" * 80 + "\n", 4, "this number has 80 digits"),
        ("<<: {a: 1}\n", 2, "field names must be plain words"),
    ],
    ids=["duplicate-in-list-item", "duplicate-nested", "alias", "tag", "escape", "long-number-in-list", "merge-key"],
)
def test_what_only_the_full_reading_sees_is_located_as_before(text, line, start):
    with pytest.raises(FrontMatterError) as fast:
        parse_front_matter(text, first_line=2)
    with pytest.raises(FrontMatterError) as slow:
        parse_yaml(text, first_line=2)
    assert (fast.value.line, fast.value.message) == (slow.value.line, slow.value.message)
    assert fast.value.line == line and fast.value.message.startswith(start)


def test_lines_survive_the_read_cache_pickle():
    data, lines = parse_front_matter(NESTED, first_line=2)
    again = pickle.loads(pickle.dumps((data, lines)))
    assert again[1].get(("steps", 1, "questions", 1)) == lines[("steps", 1, "questions", 1)] == 15
    assert dict(again[1]) == parse_yaml(NESTED, first_line=2)[1]


def test_asking_for_a_field_the_file_lacks_reads_nothing_again():
    """Checks ask every summary for optional fields ('search_queries', 'reviewed'): only a line that exists is worth a second reading."""
    data, _ = parse_front_matter(NESTED, first_line=2)
    built = []
    lines = LineMap(data, lambda: built.append(1) or parse_yaml(NESTED, first_line=2)[1])
    assert (lines.get(("search_queries",), 1), ("topics", 2) in lines, line_of(lines, ("reviewed",))) == (1, False, 1)
    assert not built
    assert lines.get(("topics", 1)) == parse_yaml(NESTED, first_line=2)[1][("topics", 1)] and built == [1]


def test_a_message_in_a_nested_list_item_is_located_at_the_item(project):
    text = summary_text(topics=["communication", "comunication"])
    project.add("study.md", text)
    errors = [str(p) for p in project.library().problems.sorted() if p.is_error]
    line = next(n for n, written in enumerate(text.splitlines(), 1) if written.endswith(" comunication"))
    assert len(errors) == 1 and errors[0].startswith(f"research_summaries/study.md:{line}: 'topics': 'comunication' is not a known")


scalars = st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False, allow_infinity=False))
keys = st.text(min_size=1, max_size=8)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, values, min_size=1, max_size=6), st.sampled_from(["", "dup", "alias"]))
def test_any_front_matter_reads_the_same_both_ways(data, fault):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    first = text.split(":", 1)[0]
    text += {"": "", "dup": f"{first}: again\n", "alias": "extra: &a 1\nagain: *a\n"}[fault]
    probes = [(key,) for key in data] + [(key, 0) for key in data] + [("absent",), (first, "absent")]
    try:
        expected = full(text, probes)
    except FrontMatterError as exc:
        with pytest.raises(FrontMatterError) as raised:
            parse_front_matter(text, first_line=2)
        assert (raised.value.line, raised.value.message) == (exc.line, exc.message)
    else:
        assert answers(text, probes) == expected
