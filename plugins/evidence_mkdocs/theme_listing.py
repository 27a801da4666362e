"""The installed theme's files, listed (and its templates read) once per process instead of once per build.

Every build MkDocs lists every file of the theme to find its assets
(``Files.add_files_from_theme``). Material's folder holds thousands of icons,
and walking it was a tenth of a preview rebuild at 1,000 summaries. An
installed theme does not change while the preview runs, so under ``serve`` its
listing is kept for the process; the project's own templates folder
(``custom_dir``) is listed again on every build, so an asset added there still
appears as it would in a full build. The installed theme's templates, which the
plugin reads for the ids they use, are likewise read once per process.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import jinja2

_LISTED: dict[str, list[str]] = {}  # installed theme folder -> its files, as Jinja names them


class ListedOnce(jinja2.FileSystemLoader):
    """Jinja's file loader, answering ``list_templates`` for the ``kept`` folders from the first listing."""

    def __init__(self, searchpath: list[str], kept: set[str]) -> None:
        super().__init__(searchpath)
        self.kept = {os.fspath(folder) for folder in kept}

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            found.update(_listing(folder) if folder in self.kept else jinja2.FileSystemLoader(folder).list_templates())
        return sorted(found)


def keep_theme_listing(theme) -> None:
    """Make ``theme.get_env`` (called once per build) list the installed theme's folders only once."""
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.loader = ListedOnce(theme.dirs, {folder for folder in theme.dirs if folder != theme.custom_dir})
        return env

    theme.get_env = get_env


def _listing(folder: str) -> list[str]:
    """The folder's files, less hidden ones: MkDocs never takes those for assets (its filter drops ``.*``
    and ``*/.*``), and Material's thousands of icons in ``.icons/`` made most of the filtering's cost.
    Templates are still loaded from there by name (``get_source`` is Jinja's own)."""
    if folder not in _LISTED:
        listed = jinja2.FileSystemLoader(folder).list_templates()
        _LISTED[folder] = [name for name in listed if not (name.startswith(".") or "/." in name)]
    return _LISTED[folder]


@functools.cache
def installed_templates(folder: str) -> tuple[str, ...]:
    """The text of every template in an installed theme's ``folder``."""
    return tuple(path.read_text(encoding="utf-8") for path in sorted(Path(folder).rglob("*.html")))
