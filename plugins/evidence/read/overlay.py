"""A copy's own content beside the project's: ``local/`` mirrors the project's folders.

``local/research_summaries/``, ``local/reading_paths/``, ``local/data/frameworks/``,
``local/data/vocabularies/``, ``local/data/cpd/<nation>.yml`` and ``local/content/`` are
read with the project's own. A local file with the same name as a project file
replaces it; ``hide:`` in ``local/settings.yml`` leaves project items out. Both
are reported as warnings by ``check``, so nothing changes silently, and the
project never writes under ``local/``, so updates merge cleanly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .local_settings import FILE, FOLDER
from .problems import Problems
from .project_files import Kind, source_files
from .settings import Settings

KINDS = {"summaries": "summary", "reading_paths": "reading path", "frameworks": "framework", "pages": "page"}


@dataclass
class Overlay:
    """Chooses, for one kind of item, the project's files and the copy's, reporting what changed."""

    settings: Settings
    problems: Problems

    def local(self, relative: str) -> Path:
        """The copy's counterpart of a project path (``data/cpd/wales.yml`` -> ``local/data/cpd/wales.yml``)."""
        return self.settings.root / FOLDER / relative

    def files(self, relative: str, kind: Kind, hide_key: str | None = None, recursive: bool = False) -> list[Path]:
        """The project's files in ``relative`` and then the copy's, matched by name; hidden ones left out.
        (Two files of one layer with the same name both stay, for the duplicate checks to report.)"""
        root = self.settings.root
        upstream = source_files(self.settings.path(relative), root, kind, self.problems, recursive)
        mine = source_files(self.local(relative), root, kind, self.problems, recursive)
        theirs = {path.stem: path for path in upstream}
        for path in mine:
            if path.stem in theirs:
                self._replaced(path, theirs[path.stem])
        hidden = set(self._hidden(hide_key, theirs, {path.stem: path for path in mine}))
        replaced = {path.stem for path in mine}
        return [p for p in upstream if p.stem not in replaced | hidden] + [p for p in mine if p.stem not in hidden]

    def file(self, relative: str) -> Path:
        """One file the copy may replace as a whole, such as the CPD rules."""
        mine = self.local(relative)
        if mine.is_file():
            self._replaced(mine, self.settings.path(relative))
            return mine
        return self.settings.path(relative)

    def pages(self, docs_dir: str, generated: list[str] = ()) -> tuple[list[str], list[str]]:
        """(the copy's own files under local/<docs_dir>, the project's pages hidden), as paths from docs_dir;
        each replacement and each hidden page or section reported. ``generated`` pages can be hidden too."""
        theirs, mine = self.settings.path(docs_dir), self.local(docs_dir)
        own = [p.relative_to(mine).as_posix() for p in _found(mine, "*") if p.is_file()]
        for src in own:
            if (theirs / src).is_file():
                self._replaced(mine / src, theirs / src)
        pages = [p.relative_to(theirs).as_posix() for p in _found(theirs, "*.md")] + list(generated)
        self._check_nav(set(own) | set(pages), docs_dir)
        hidden = []
        for index, name in enumerate(self.settings.local.hidden.get("pages", [])):
            matched = [src for src in pages if src == name or src.startswith(name.rstrip("/") + "/")]
            line = self.settings.local.line("hide", "pages", index)
            if matched:
                self.problems.warning(FILE, line, f"hides {plural_pages(len(matched))} of the project's ({docs_dir}/{name}); delete this line to publish {'it' if len(matched) == 1 else 'them'} again")
            else:
                self.problems.error(FILE, line, f"'hide.pages' item {index + 1}: there is no page or folder '{name}' in {docs_dir}/; write a path from that folder, such as privacy.md or contribute/")
            hidden += matched
        return own, hidden

    def _check_nav(self, known: set[str], docs_dir: str) -> None:
        for index, entry in enumerate(self.settings.local.data.get("nav") or []):
            for title, src in entry.items():
                if src not in known:
                    line = self.settings.local.line("nav", index)
                    self.problems.error(FILE, line, f"'nav' item {index + 1} ({title}): there is no page {src}; put it in {FOLDER}/{docs_dir}/ or fix the path")

    def _replaced(self, mine: Path, theirs: Path) -> None:
        self.problems.warning(self._rel(mine), 1, f"replaces the project's {self._rel(theirs)}; updates to that file from upstream will not show while this one exists")

    def _hidden(self, kind: str | None, upstream: dict, mine: dict) -> list[str]:
        """Names hidden by local/settings.yml, each reported; a name that matches nothing is a mistake to fix."""
        local = self.settings.local
        names = local.hidden.get(kind, []) if kind else []
        for index, name in enumerate(names):
            line = local.line("hide", kind, index)
            if name in upstream:
                self.problems.warning(FILE, line, f"hides the project's {KINDS[kind]} {self._rel(upstream[name])}; delete this line to publish it again")
            elif name in mine:
                self.problems.warning(FILE, line, f"hides {self._rel(mine[name])}, a file of this copy; delete the file instead")
            else:
                self.problems.error(FILE, line, f"'hide.{kind}' item {index + 1}: there is no {KINDS[kind]} '{name}'; check the spelling (file name without its extension)")
        return names

    def _rel(self, path: Path) -> str:
        return path.relative_to(self.settings.root).as_posix()


def plural_pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


def _found(folder: Path, pattern: str) -> list[Path]:
    """Files in a folder and its sub-folders (summaries may be sorted into them; the name is the address)."""
    return sorted(folder.rglob(pattern)) if folder.is_dir() else []
