"""Which files of the project are read and published: only the project's own.

A symbolic link can make a file anywhere on the machine (``/etc/passwd``, a
key in the home folder) look like a page, a summary or a data file. Every
folder the site is made from is listed through this module, which keeps a
link only if the real file behind it lies inside the project, outside its hidden
folders (``.git``); links among the project's own files keep working. Anything else in a content folder that would be silently
skipped (a ``.txt`` summary, a folder named ``x.md``, a broken link, a file name
that is not UTF-8) gets a located message instead. Hidden files (``.gitkeep``)
and editor backups (``x.md~``) are skipped without one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .problems import Problems

OUTSIDE = "symbolic link to a {what} outside the project is not published; copy the {what} into the project instead"


def leaves_project(path: Path, root: Path) -> bool:
    """True when the real file behind ``path`` is not one of the project's own files.

    Reached through a link, it must also stay out of the project's hidden and tool
    folders: ``content/x -> ../.git/config`` would publish the credentials a CI
    checkout keeps there. A link loop leads nowhere, so it leaves too.
    """
    try:
        real, home = path.resolve(), root.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        return True
    if real != home and home not in real.parents:
        return True
    inside = real.relative_to(home).parts
    return _linked(path, root, inside) and any(part.startswith(".") or part in TOOL_FOLDERS for part in inside)


TOOL_FOLDERS = ("node_modules", "__pycache__")


def _linked(path: Path, root: Path, inside: tuple[str, ...]) -> bool:
    """Whether a link was followed on the way: the written path and the real one differ."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).parts != inside
    except ValueError:
        return True


@dataclass(frozen=True)
class Kind:
    """What a content folder holds, in the words of its messages: ``.md`` files that are summaries."""

    suffix: str
    plural: str


SUMMARIES = Kind(".md", "summaries")
READING_PATHS = Kind(".md", "reading paths")
VOCABULARIES = Kind(".yml", "vocabularies")
FRAMEWORKS = Kind(".yml", "frameworks")


def source_files(directory: Path, root: Path, kind: Kind, problems: Problems, recursive: bool = False) -> list[Path]:
    """The files of ``kind`` in ``directory`` that may be read, in name order; the rest are reported."""
    if not directory.is_dir():
        return []
    found: list[Path] = []
    _collect(directory, root, kind, problems, recursive, found, {directory.resolve()})
    return found  # each folder is walked in name order, a sub-folder at its name's place: already path order


def _collect(directory: Path, root: Path, kind: Kind, problems: Problems, recursive: bool, found: list, seen: set) -> None:
    """``os.scandir`` knows from the listing which entries are links or folders, so a folder of
    10,000 plain files costs no call to the file system per file."""
    with os.scandir(directory) as listing:
        items = sorted(listing, key=lambda item: item.name)
    for item in items:
        entry = directory / item.name
        if _ignored(item.name) or ((item.is_symlink() or _undecodable(item.name)) and _refused(entry, _rel(entry, root), root, problems)):
            continue
        if item.is_dir():
            if item.name.lower().endswith(kind.suffix):
                problems.error(_rel(entry, root), 1, f"'{entry.name}' is a folder, but only files can be {kind.plural}; rename the folder so it does not end in {kind.suffix}")
            if recursive and entry.resolve() not in seen:
                seen.add(entry.resolve())
                _collect(entry, root, kind, problems, recursive, found, seen)
        elif entry.suffix == kind.suffix:
            found.append(entry)
        else:
            problems.error(_rel(entry, root), 1, f"only {kind.suffix} files are {kind.plural}, so this file is not read; rename it to {_renamed(entry.name, kind.suffix)}, or move it out of {_rel(directory, root)}/")


def _ignored(name: str) -> bool:
    return name.startswith(".") or name.endswith("~")


def _refused(entry: Path, rel: str, root: Path, problems: Problems) -> bool:
    """Report an entry that must not be read: a bad name, a link out of the project, a broken link."""
    if _undecodable(entry.name):
        problems.error(rel, 1, "the file name is not valid UTF-8, so it cannot be a web address; rename it using letters, digits and hyphens")
    elif not entry.exists():  # only a link can name nothing: a broken one, or a loop
        problems.error(rel, 1, "symbolic link to a file that does not exist (or to itself); fix the link or delete it")
    elif entry.is_symlink() and leaves_project(entry, root):
        problems.error(rel, 1, OUTSIDE.format(what="folder" if entry.is_dir() else "file"))
    else:
        return False
    return True


def _undecodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 arrive as lone surrogates
        return True
    return False


def _renamed(name: str, suffix: str) -> str:
    stem = name.split(".")[0] if "." in name else name
    return f"{stem or 'its-name'}{suffix}"


def refused_file(file: Path, root: Path, problems: Problems) -> bool:
    """One named file (such as ``cpd.yml``) must not be read: a link out of the project, or a broken one."""
    if not file.is_symlink():
        return False
    return _refused(file, _rel(file, root), root, problems)


def check_published(folder: Path, root: Path, problems: Problems) -> None:
    """Report every entry of a folder MkDocs publishes as it is (pages, templates) that it must not:
    links out of the project or to nothing, and names that are not UTF-8 (MkDocs cannot write those).

    MkDocs follows links to folders, so this walk does too, once per real folder.
    """
    if not folder.is_dir():
        return
    if folder.is_symlink() and _refused(folder, _rel(folder, root), root, problems):
        return
    seen: set[Path] = set()
    for path, folders, files in os.walk(folder, followlinks=True):
        if Path(path).resolve() in seen:
            folders[:] = []
            continue
        seen.add(Path(path).resolve())
        refused = {name for name in folders + files if _refused(Path(path) / name, _rel(Path(path) / name, root), root, problems)}
        folders[:] = [name for name in folders if name not in refused]


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
