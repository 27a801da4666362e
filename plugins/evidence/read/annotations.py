"""How a problem is shown: plain ``path:line: message``, or a GitHub annotation in Actions.

In a pull request, GitHub shows ``::error file=...,line=...::`` lines on the
changed line of the diff, which is where editors look. Both the commands and
the MkDocs plugin (for warnings found while rendering) print this way, so it
lives with the model rather than with either of them.
"""

from __future__ import annotations

import os
import sys
from typing import Iterable

from .problems import Problem


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
