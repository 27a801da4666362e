"""Which folder may receive the site: asked before anything is read, built or moved.

The build replaces its output folder wholesale (``evidence_cli.site_folder``;
``mkdocs build`` empties it first), so an
output folder that is, holds or lies inside a source folder would destroy the
sources: ``--site-dir content`` would replace the hand-written pages, ``--site-dir .``
the whole repository, and a site inside ``content/`` would be copied into itself.
Such a folder is refused with the reason and nothing is touched. ``build.py``
asks before it reads anything; the MkDocs plugin asks again in ``on_config``,
which MkDocs runs before it empties the output folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import printable
from .settings import Settings

# Folders of the project that are not content settings but must survive every build:
# its history, its installed tools, its own code and its CI.
PROJECT_FOLDERS = (".git", ".venv", "node_modules", "plugins", "tests", ".github", ".ci")


def refusal(target: Path, settings: Settings, option: str = "--site-dir") -> str | None:
    """Why ``target`` cannot be the site folder, as one line with the fix; None if it can.

    ``build.py`` asks about ``--site-dir``; the MkDocs plugin asks about ``site_dir``
    too, for ``mkdocs build`` run directly.
    """
    shown = f"{option} {printable(str(target))}"  # as typed
    try:
        root, place = settings.root.resolve(), target.resolve()
        is_file = place.exists() and not place.is_dir()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop, before Python 3.13
        reason = getattr(exc, "strerror", None) or "it is a link that leads back to itself"
        return f"Not built: {shown} cannot be used ({reason}); choose a folder such as site/ (nothing was changed)."
    if place == root or place in root.parents:
        return _refused(shown, "is the project folder itself" if place == root else "contains the whole project")
    clashes = sorted((_RELATIONS.index(r), name) for name, folder in _sources(settings) if (r := _relation(place, _real(folder))))
    if clashes:
        order, name = clashes[0]  # the closest: being a folder says more than lying inside one
        return _refused(shown, f"{_RELATIONS[order]} {name}")
    if is_file:
        return f"Not built: {shown} is a file, not a folder; give a folder name such as site/ (nothing was changed)."
    return _not_a_site(place, shown) or _unwritable(place, shown, settings.root)


def _sources(settings: Settings) -> list[tuple[str, Path]]:
    """Every source folder, named as the user knows it (the setting, or the folder's own name)."""
    named = [
        (f"the pages folder '{settings.docs_dir}' (docs_dir)", settings.docs_dir),
        (f"the summaries folder '{settings.summaries_dir}' (summaries_dir)", settings.summaries_dir),
        (f"the reading paths folder '{settings.reading_paths_dir}' (reading_paths_dir)", settings.reading_paths_dir),
        (f"the practice weeks folder '{settings.practice_weeks_dir}' (practice_weeks_dir)", settings.practice_weeks_dir),
        (f"the events folder '{settings.events_dir}' (events_dir)", settings.events_dir),
        (f"the data folder '{settings.data_dir}' (data_dir)", settings.data_dir),
        (f"the frameworks folder '{settings.frameworks_dir}' (frameworks_dir)", settings.frameworks_dir),
    ]
    if settings.theme_dir:
        named.append((f"the templates folder '{settings.theme_dir}' (custom_dir)", settings.theme_dir))
    named += [(f"the project's '{name}' folder", name) for name in PROJECT_FOLDERS]
    return [(name, settings.path(str(folder))) for name, folder in named]


_RELATIONS = ("is", "is inside", "contains")


def _real(folder: Path) -> Path:
    """Where a source folder really is; a folder that is a broken loop protects its own name."""
    try:
        return folder.resolve()
    except (OSError, RuntimeError):
        return folder.absolute()


def _relation(place: Path, folder: Path) -> str:
    if place == folder:
        return "is"
    if folder in place.parents:
        return "is inside"
    return "contains" if place in folder.parents else ""


def _refused(shown: str, why: str) -> str:
    return (
        f"Not built: {shown} {why}, and building replaces the whole folder. "
        "Choose a new folder of its own, such as site/ (nothing was changed)."
    )


def _not_a_site(place: Path, shown: str) -> str | None:
    """Only a site is replaced: a folder of other files (say ~/Documents) would be deleted with it."""
    if not place.is_dir() or (place / "index.html").is_file() or not any(place.iterdir()):
        return None
    return (
        f"Not built: {shown} holds files but no site (it has no index.html), and building replaces the whole folder. "
        "Choose a new or empty folder, such as site/ (nothing was changed)."
    )


def _unwritable(place: Path, shown: str, root: Path) -> str | None:
    """The site is built beside its folder and renamed into place, so the parent must be a writable folder."""
    parent = next((p for p in place.parents if p.exists()), place.anchor)
    if not Path(parent).is_dir():
        return f"Not built: {shown} lies under {_shown(Path(parent), root)}, which is a file; choose a folder such as site/ (nothing was changed)."
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"Not built: cannot write to {_shown(Path(parent), root)} to create {shown}; choose a folder you can write to (nothing was changed)."
    return None


def _shown(path: Path, root: Path) -> str:
    """As the user would type it: relative to the project when inside it."""
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return printable(str(path))
    return printable(relative + ("/" if path.is_dir() else "") if relative != "." else "./")
