"""Hypothesis strategies for every kind of input an editor writes: YAML files and Markdown bodies.

Inputs start from a valid file and are mutated the way files go wrong in
practice: a value replaced by an odd scalar (YAML 1.1 numbers, tags, dates
Python cannot hold, unclosed brackets, control escapes, very long numbers),
a line deleted, repeated, tab-indented or cut off, unknown keys, odd bodies,
and large inputs, so a cost that grows faster than the input shows up as a slow suite.
"""

from __future__ import annotations

import json
import re

from hypothesis import strategies as st

ODD_SCALARS = [
    "yes", "no", "on", "off", "Y", "~", "null", "", "0x7E4", "2_020", "33:40", "0o17", "017", "1e3", "2020.0", "-1", "0",
    ".inf", ".nan", "!!int abc", "!!float x", "!!bool maybe", "!!null x", "!!binary aGVsbG8=", "!!timestamp nope",
    "!!python/object:os.system x", "!!python/name:os.system", "!!str 2020", "!ENV HOME", "!!seq x", "!!map x", "!!set {a, b}",
    "9" * 5000, "-" + "9" * 400, "0000-01-01", "99999-01-01", "2024-02-30", "02/12/2026", "2 December 2026", "12/25/2026",
    '"line\\nbreak"', '"tab\\there"', '"nbsp\\u00a0x"', "[unclosed", "{a: 1", "[]", "{}", "[1, [2, [3]]]", "*alias", "&anchor x", "<<", '"\\x07bell"', '"\\u2028"', "'single''quote'",
    "|\n  block text", ">-", "@at", "`tick", "%percent", "? key", "- item", "a: b: c", "#comment", "\"unclosed", "'unclosed",
    "swe:4.2", "SWE 4.2", "not-a-term", "https://example.org/x", "javascript:alert(1)", "<script>alert(1)</script>",
    "{{ config.site_name }}", "../../etc/passwd", "/etc/passwd", "C:\\\\x",
]

BODY_LINES = [
    "## Why it matters", "## What the study did", "## What it found", "## What it means for practice",
    "Plain words about the study.", "- a list item", "1. a numbered item", "> a quote",
    "[a link](https://example.org/report.pdf)", "[report](www.example.org/report.pdf)", "[x](../connecting-people/)",
    "[ref][1]", "[1]: javascript:alert(1)", "![picture](https://example.org/a.png)", "<script>alert(1)</script>",
    "<div markdown>", "{: #cpd-rules }", "{{ config.site_name }}", "```", "| a | b |", "|---|---|", "\t\tindented", "FILL IN",
    "# A top heading", "<!-- a comment", "&#0;", "\x00", "\u2028",
]

_KEY = re.compile(r"^(\s*(?:- )?[A-Za-z_][\w.-]*:)(.*)$")


def yaml_text(value: str) -> str:
    """Any text as a double-quoted YAML scalar, so generated words cannot change the file's shape."""
    return json.dumps(value, ensure_ascii=False)


scalars = st.one_of(
    st.sampled_from(ODD_SCALARS),
    st.text(max_size=40).map(yaml_text),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20),
    st.integers().map(str),
    st.floats(allow_nan=False).map(str),
)

_mutation = st.one_of(
    st.tuples(st.just("value"), st.integers(0, 10_000), scalars),
    st.tuples(st.just("delete"), st.integers(0, 10_000), st.none()),
    st.tuples(st.just("repeat"), st.integers(0, 10_000), st.none()),
    st.tuples(st.just("tab"), st.integers(0, 10_000), st.none()),
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.one_of(scalars, st.sampled_from(["unknown_key: 1", "  nested: x", "- stray item", "---", "..."]))),
    st.tuples(st.just("cut"), st.integers(0, 10_000), st.none()),
)
mutations = st.lists(_mutation, min_size=1, max_size=4)


def mutate(text: str, changes: list, first: int = 0, last: int | None = None) -> str:
    """Apply line mutations to ``text`` between lines ``first`` and ``last`` (0-based, end exclusive)."""
    lines = text.split("\n")
    tail = 0 if last is None else len(lines) - last  # lines after the region stay as they are
    for kind, index, value in changes:
        end = len(lines) - tail
        if end <= first:
            break
        lines = _apply(lines, kind, first + index % (end - first), value)
    return "\n".join(lines)


def _apply(lines: list[str], kind: str, at: int, value) -> list[str]:
    line = lines[at]
    if kind == "value":
        found = _KEY.match(line)
        return lines[:at] + [f"{found.group(1)} {value}" if found else f"{line[: len(line) - len(line.lstrip())]}- {value}"] + lines[at + 1 :]
    if kind == "delete":
        return lines[:at] + lines[at + 1 :]
    if kind == "repeat":
        return lines[: at + 1] + [line] + lines[at + 1 :]
    if kind == "tab":
        return lines[:at] + ["\t" + line] + lines[at + 1 :]
    if kind == "insert":
        return lines[:at] + [str(value)] + lines[at:]
    return lines[:at]  # cut: the file ends here


@st.composite
def bodies(draw) -> str:
    """A Markdown body: a few chosen or random lines, sometimes thousands of them."""
    lines = draw(st.lists(st.one_of(st.sampled_from(BODY_LINES), st.text(max_size=60)), max_size=12))
    repeat = draw(st.sampled_from([1, 1, 1, 50, 2_000]))
    return "\n".join(lines * repeat) + "\n"


@st.composite
def front_matter_files(draw, valid: str) -> str:
    """A file with front matter (a summary or reading path) mutated inside its front matter, with any body."""
    head, _, rest = valid.partition("\n---\n")
    mutated = mutate(head, draw(mutations), first=1)
    body = draw(st.one_of(st.just(rest), bodies()))
    return f"{mutated}\n---\n{body}"


@st.composite
def data_files(draw, valid: str) -> str:
    """A YAML data file (vocabulary, framework, CPD rules) with mutated lines."""
    return mutate(valid, draw(mutations))


@st.composite
def plugin_options(draw, mkdocs_yml: str) -> str:
    """mkdocs.yml with its evidence block mutated, options added and values made odd (the pagefind block's too)."""
    lines = mkdocs_yml.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip() == "- evidence:") + 1
    last = next(i for i in range(first, len(lines)) if lines[i].startswith("  - ") or not lines[i].startswith("    "))
    option = draw(st.sampled_from(["browse_per_page", "related_count", "review_after_years", "csp_enabled", "csp_sources", "summaries_dir", "frameworks_dir", "facets", "enabled", "summary_dir"]))
    lines.insert(first, f"      {option}: {draw(scalars)}")
    search = next((i for i, line in enumerate(lines) if line.strip() == "- pagefind"), None)
    if search is not None and draw(st.booleans()):  # the pagefind plugin's options follow their own schema
        search_option = draw(st.sampled_from(["shard_pages", "language", "enabled", "shard_page"]))
        lines[search] = f"  - pagefind:\n      {search_option}: {draw(scalars)}"
    return mutate("\n".join(lines), draw(mutations), first=first, last=last + 1)
