"""``python3 build.py check``: validate every file, print every problem, exit 1 on errors."""

from __future__ import annotations

import time
from pathlib import Path

from evidence.library import Library, load_library
from evidence.settings import Settings

from .output import plural, print_problems


def load_and_report(root: Path) -> tuple[Library, float]:
    """The validation phase shared by ``check`` and ``build``."""
    started = time.perf_counter()
    library = load_library(Settings.from_mkdocs_yml(root / "mkdocs.yml"))
    elapsed = time.perf_counter() - started
    print_problems(library.problems.sorted())
    return library, elapsed


def check(root: Path) -> int:
    library, elapsed = load_and_report(root)
    problems = library.problems
    print(
        f"Checked {plural(len(library.summaries) + _failed(library), 'summary', 'summaries')} in {elapsed:.2f} s: "
        f"{plural(len(problems.errors), 'error')}, {plural(len(problems.warnings), 'warning')}."
    )
    return 1 if problems.errors else 0


def _failed(library: Library) -> int:
    """Files that had errors are not in ``summaries``; count them for the summary line."""
    return len({p.path for p in library.problems.errors if p.path.startswith(library.settings.summaries_dir)})
