"""Every page converted by one reused Markdown instance (evidence_mkdocs/page_markdown.py) is the page
MkDocs' own ``Page.render`` makes with a new instance each time: a fixture site is built both ways and
compared byte for byte, messages included."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import markdown

from conftest import summary_text
from evidence_mkdocs import page_markdown

# Pagefind writes these from a per-process hash map (tests/test_reproducible.py): same data, other bytes.
PAGEFIND_UNSTABLE = ("pagefind/filter/", "pagefind/pagefind-entry.json", "pagefind/pagefind.en_")

# Two pages whose Markdown would leak into each other through a reused instance that kept its state: a
# reference defined on the first is used (undefined) on the second, and both have headings for the toc.
DEFINES = """# Defining page

Read [the other page][other] and [its second part](uses.md#second-part).

## A part {#chosen-id .wide}

!!! note "A note"
    With a table:

    | a | b |
    |---|---|
    | 1 | 2 |

??? info "Folded"
    Details text.

<p id="raw-anchor">Raw HTML with an id.</p>

[other]: uses.md
"""
USES = """# Using page

This [reference][other] is not defined here, so it stays text.

## Second part

Back to [the first page](defines.md#chosen-id).
"""


def files(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*")) if p.is_file() and not p.relative_to(site).as_posix().startswith(PAGEFIND_UNSTABLE)
    }


def test_pages_converted_by_one_markdown_instance_are_mkdocs_own_byte_for_byte(project, capsys, monkeypatch):
    for number in range(1, 4):
        project.add(f"study-{number}.md", summary_text(title=f"Study number {number} of talking mats", published=f"2026-01-0{number}"))
    (project.root / "content" / "defines.md").write_text(DEFINES, encoding="utf-8")
    (project.root / "content" / "uses.md").write_text(USES, encoding="utf-8")
    monkeypatch.setattr(logging.getLogger("mkdocs"), "handlers", [])  # MkDocs' messages go to this test's stderr
    made, plain_init = [], markdown.Markdown.__init__
    monkeypatch.setattr(markdown.Markdown, "__init__", lambda self, **options: made.append(self) or plain_init(self, **options))
    results = {}
    for name, enabled in (("own-render", False), ("one-instance", True)):
        monkeypatch.setattr(page_markdown, "ENABLED", enabled)
        made.clear()
        code = project.build(project.root / name)
        out, err = capsys.readouterr()
        results[name] = (code, out.replace(name, "SITE").split(" in ")[0], err.replace(name, "SITE"), len(made))
    own, reused = files(project.root / "own-render"), files(project.root / "one-instance")
    assert sorted(own) == sorted(reused) and [name for name in own if own[name] != reused[name]] == []
    assert results["own-render"][:3] == results["one-instance"][:3] and results["own-render"][0] == 0
    pages = sum(1 for name in own if name.endswith(".html") and name != "404.html")
    assert results["own-render"][3] - results["one-instance"][3] == pages - 1, "one instance converted every page"
    page = (project.root / "one-instance" / "uses" / "index.html").read_text(encoding="utf-8")
    assert "[reference][other]" in page and 'id="second-part"' in page  # the first page's reference did not carry over
