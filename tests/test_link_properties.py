"""Property: whatever Markdown form a link takes, and wherever it sits (a list item, a quote, a quote in
a list), check reports exactly the broken and dangerous ones, each at the line its address is written on.

Examples are generated with Hypothesis (profile in tests/conftest.py: 30 by default,
HYPOTHESIS_PROFILE=long for 1,000). One project is reused; each example rewrites one summary.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import BODY, Project, summary_text

GOOD = ["https://example.org/a", "other-study.md", "other-study.md#what-it-found", "#why-it-matters", "../about.md", "mailto:team@example.org", "../images/chart.png"]
BAD = ["missing.md", "www.example.org/r.pdf", "../connecting/", "javascript:alert(1)", "data:text/html,x", "files/x.pdf", "team@example.org"]
IMAGE_GOOD = ["../images/chart.png"]
IMAGE_BAD = ["https://example.org/x.png", "chart-missing.png", "javascript:alert(2)"]

CONTAINERS = ["", "- ", "1. ", "> ", "- > "]


def _block(container: str, form: str, address: str, n: int) -> tuple[list[str], int]:
    """Lines of one block and the index (within them) of the line the address is written on."""
    indent = " " * len(container) if container in ("- ", "1. ") else container.replace("- ", "  ")
    if form == "inline":
        return [f"{container}Text [link {n}]({address}) here."], 0
    if form == "angle":
        return [f"{container}Text [link {n}](<{address}> \"A title\") here."], 0
    if form == "image":
        return [f"{container}Chart ![chart {n}]({address}) here."], 0
    # A reference: the definition inside the same container, after a blank line of it.
    blank = container.rstrip() if container.strip().startswith(">") or container.endswith("> ") else ""
    return [f"{container}Text [link {n}][ref{n}] here.", blank, f"{indent}[ref{n}]: {address}"], 2


@st.composite
def bodies(draw):
    blocks = []
    for n in range(draw(st.integers(1, 6))):
        form = draw(st.sampled_from(["inline", "angle", "reference", "image"]))
        bad = draw(st.booleans())
        pool = (IMAGE_BAD if bad else IMAGE_GOOD) if form == "image" else (BAD if bad else GOOD)
        address = draw(st.sampled_from(pool))
        blocks.append((draw(st.sampled_from(CONTAINERS)), form, address, n, bad))
    return blocks


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("links") / "project")
    project.add("other-study.md", summary_text(title="Another study"))
    (project.root / "content/images").mkdir()
    (project.root / "content/images/chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return project


@given(blocks=bodies())
def test_every_broken_link_in_any_form_is_reported_at_its_line_and_no_other(project, blocks):
    head = summary_text(body=BODY)
    lines = head.rstrip("\n").split("\n")
    expected = set()
    for container, form, address, n, bad in blocks:
        block, written = _block(container, form, address, n)
        lines += [""] + block
        if bad:
            expected.add(len(lines) - len(block) + written + 1)
    project.add("study.md", "\n".join(lines) + "\n")
    problems = [p for p in project.library().problems.sorted() if p.is_error]
    assert all(p.path == "research_summaries/study.md" and 1 <= p.line <= len(lines) for p in problems), problems
    assert {p.line for p in problems} == expected, "\n".join(lines[-20:]) + "\n" + "\n".join(map(str, problems))
