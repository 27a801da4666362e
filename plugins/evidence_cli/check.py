"""``python3 build.py check``: validate every file, print every problem, exit 1 on errors."""

from __future__ import annotations

import time
from pathlib import Path

from evidence.model.library import Library, load_library
from evidence.read.annotations import print_problems
from evidence.read.local_settings import FOLDER as LOCAL
from evidence.read.problems import Problem
from evidence.read.settings import Settings

from .output import plural, write_step_summary


def load_and_report(root: Path) -> tuple[Library, float]:
    """The validation phase shared by ``check`` and ``build``."""
    library, elapsed, _ = _load_and_print(root)
    return library, elapsed


def _load_and_print(root: Path) -> tuple[Library, float, list[Problem]]:
    started = time.perf_counter()
    library = load_library(Settings.from_mkdocs_yml(root / "mkdocs.yml"))
    elapsed = time.perf_counter() - started
    shown = library.problems.sorted()  # once: at 10,000 summaries there may be as many messages
    print_problems(shown)
    return library, elapsed, shown


def check(root: Path) -> int:
    library, elapsed, shown = _load_and_print(root)
    problems = library.problems
    headline = f"Checked {_inputs(library)} in {elapsed:.2f} s: {plural(len(problems.errors), 'error')}, {plural(len(problems.warnings), 'warning')}."
    print(headline)
    write_step_summary(shown, headline)
    return 1 if problems.errors else 0


def _inputs(library: Library) -> str:
    """What was read, counted from the folders (the project's and a copy's local/): files with errors count too."""
    settings = library.settings

    def count(folder: str, pattern: str) -> int:
        paths = [settings.path(folder), settings.path(f"{LOCAL}/{folder}")]
        return sum(1 for path in paths if path.is_dir() for _ in path.rglob(pattern))

    return (
        f"{plural(count(settings.summaries_dir, '*.md'), 'summary', 'summaries')}, "
        f"{plural(count(settings.reading_paths_dir, '*.md'), 'reading path')}, "
        f"{plural(count(settings.frameworks_dir, '*.yml'), 'framework')} and "
        f"{plural(count(settings.data_dir + '/vocabularies', '*.yml'), 'vocabulary', 'vocabularies')}"
    )
