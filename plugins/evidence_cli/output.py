"""How problems are printed: plain ``path:line: message``, or GitHub annotations in Actions.

In a pull request, GitHub shows ``::error file=...,line=...::`` lines on the
changed line of the diff, which is where editors look. It shows only the first
ten errors and ten warnings of a step that way, so the whole list also goes to
the job summary, the page that opens from the run's Summary link.
"""

from __future__ import annotations

import os
import re
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
