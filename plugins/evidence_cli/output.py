"""How problems are printed: plain ``path:line: message``, or GitHub annotations in Actions.

In a pull request, GitHub shows ``::error file=...,line=...::`` lines on the
changed line of the diff, which is where editors look. It shows only the first
ten errors and ten warnings of a step that way, so the whole list also goes to
the job summary, the page that opens from the run's Summary link.
"""

from __future__ import annotations

import os
import sys
from typing import Iterable

from evidence.problems import Problem

from .table import markdown_table


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    kind = "error" if problem.is_error else "warning"
    title = "Content check" if problem.is_error else "Content check (warning)"
    props = f"file={_escape_property(problem.path)},line={problem.line},title={_escape_property(title)}"
    return f"::{kind} {props}::{_escape_data(problem.message)}"


def print_problems(problems: Iterable[Problem], stream=None) -> None:
    stream = stream or sys.stdout
    github = in_github_actions()
    for problem in problems:
        print(annotation(problem) if github else str(problem), file=stream)


def write_step_summary(problems: list[Problem], headline: str) -> None:
    """Append every problem, as a table, to the job summary of the GitHub Actions run."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not (target and in_github_actions()):
        return
    lines = [f"### {_markdown_cell(headline)}", ""]
    if problems:
        rows = [[f"`{_markdown_cell(p.path)}`", str(p.line), "error" if p.is_error else "warning", _markdown_cell(p.message)] for p in problems]
        lines.append(markdown_table(["File", "Line", "Kind", "Problem and fix"], rows))
    with open(target, "a", encoding="utf-8") as summary:
        summary.write("\n".join(lines) + "\n\n")


def _markdown_cell(text: str) -> str:
    """Editors' own text reaches the summary page: keep it as text, on one table row."""
    for char, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|"), ("`", "'"), ("\r", " "), ("\n", " ")):
        text = text.replace(char, escaped)
    return text


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
