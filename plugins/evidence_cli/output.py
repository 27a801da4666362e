"""What the commands print besides each problem (see ``evidence.read.annotations``).

GitHub shows only the first ten errors and ten warnings of a step as
annotations, so under Actions the whole list also goes to the job summary,
the page that opens from the run's Summary link.
"""

from __future__ import annotations

import os
import re

from evidence.read.annotations import in_github_actions
from evidence.read.problems import Problem

from .table import markdown_table


SUMMARY_ROWS = 500  # GitHub drops a job summary over 1 MiB; 500 rows stay far below it


def write_step_summary(problems: list[Problem], headline: str) -> None:
    """Append the problems, as a table, to the job summary of the GitHub Actions run."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not (target and in_github_actions()):
        return
    lines = [f"### {_markdown_text(headline)}", ""]
    if problems:
        rows = [[_markdown_text(p.path), str(p.line), "error" if p.is_error else "warning", _markdown_text(p.message)] for p in problems[:SUMMARY_ROWS]]
        lines.append(markdown_table(["File", "Line", "Kind", "Problem and fix"], rows))
    if len(problems) > SUMMARY_ROWS:
        lines += ["", f"{len(problems) - SUMMARY_ROWS} more problems are listed in the step's log."]
    with open(target, "a", encoding="utf-8") as summary:
        summary.write("\n".join(lines) + "\n\n")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()!#|~])")


def _markdown_text(text: str) -> str:
    """Editors' own text and the fixes we suggest (such as '[title](its-file-name.md)') must show
    as typed, not as links, images or formatting, and stay on one table row."""
    text = " ".join(text.splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
