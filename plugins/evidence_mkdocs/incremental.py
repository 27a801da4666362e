"""The preview re-renders only the pages whose inputs changed (``evidence.outputs.fingerprint`` says which).

``build.py serve`` runs MkDocs' "dirty" builds, which skip a page when
``File.is_modified()`` says no. MkDocs answers that from file times, which says
nothing about pages the plugin generates (always "modified") or hand-written
pages that show summaries (never, when only a summary changed). This answers
for every page: a generated page is unchanged when its fingerprint matches the
last build's, nothing but summaries changed since, and its HTML is still on
disk; every other page is rendered. A generated file that is not a page (a
summary's RIS and BibTeX, the catalogue, feeds) is written again only when its
text differs from the last build's. A file the last build wrote that this one
does not (a listing no summary is in any more) is deleted, as a full build
would never have written it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os

from mkdocs.structure.files import File, Files

from evidence.model.library import Library
from evidence.model.read_cache import other_inputs
from evidence.outputs.fingerprint import fingerprint
from evidence.outputs.pages import GeneratedPage


class Unchanged:
    """Fingerprints of the last preview build, kept from one build to the next."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}
        self.others: tuple | None = None
        self.written: dict[str, bytes] = {}  # generated file -> digest of the text last written
        self.outputs: set[str] = set()  # every file the last build wrote or kept, by absolute path

    def mark(self, files: Files, pages: dict[str, GeneratedPage], library: Library) -> int:
        """Tell MkDocs which pages to skip this build; return how many it may skip."""
        others = other_inputs(library.settings)
        same_inputs, self.others = others == self.others, others
        fresh: dict[str, str] = {}
        skipped = 0
        for file in files.documentation_pages():
            page = pages.get(file.src_uri)
            digest = fingerprint(page, library) if page else None
            if digest:
                fresh[file.src_uri] = digest
            unchanged = same_inputs and digest is not None and self.seen.get(file.src_uri) == digest and os.path.isfile(file.abs_dest_path)
            file.is_modified = _answer(not unchanged)  # type: ignore[method-assign]
            skipped += unchanged
        self.seen = fresh
        self._remove_stale(files)
        return skipped + self._mark_written(files)

    def _remove_stale(self, files: Files) -> None:
        outputs = {file.abs_dest_path for file in files if file.inclusion.is_in_serve()}  # what a build under serve writes
        for path in sorted(self.outputs - outputs):
            with contextlib.suppress(OSError):  # gone already (a failed build empties the preview), or a folder left
                os.remove(path)
                os.removedirs(os.path.dirname(path))  # its folder, and theirs, once empty
        self.outputs = outputs

    def _mark_written(self, files: Files) -> int:
        """Generated files that are not pages are rewritten only when their text changed."""
        fresh: dict[str, bytes] = {}
        skipped = 0
        for file in files:
            if file.generated_by and not file.is_documentation_page():
                fresh[file.src_uri] = digest = _digest(file)
                unchanged = self.written.get(file.src_uri) == digest and os.path.isfile(file.abs_dest_path)
                file.is_modified = _answer(not unchanged)  # type: ignore[method-assign]
                skipped += unchanged
        self.written = fresh
        return skipped


def _answer(modified: bool):
    return lambda: modified


def _digest(file: File) -> bytes:
    return hashlib.blake2b(file.content_bytes, digest_size=16).digest()
