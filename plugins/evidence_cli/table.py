"""The one Markdown table printer: bench figures print as tables that paste into the README as they are."""

from __future__ import annotations

from typing import Iterable


def markdown_table(header: list[str], rows: Iterable[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(lines)


def print_table(header: list[str], rows: Iterable[list[str]]) -> None:
    print(markdown_table(header, rows))
