"""The preview re-renders only the pages whose inputs changed (``evidence.outputs.fingerprint`` says which).

``build.py serve`` runs MkDocs' "dirty" builds, which skip a page when
``File.is_modified()`` says no. MkDocs answers that from file times, which says
nothing about pages the plugin generates (always "modified") or hand-written
pages that show summaries (never, when only a summary changed). This answers
for every page: a generated page is unchanged when its fingerprint matches the
last build's, nothing but summaries changed since, and its HTML is still on
disk; every other page is rendered.
"""

from __future__ import annotations

import os

from mkdocs.structure.files import Files

from evidence.model.library import Library
from evidence.model.read_cache import other_inputs
from evidence.outputs.fingerprint import fingerprint
from evidence.outputs.pages import GeneratedPage


class Unchanged:
    """Fingerprints of the last preview build, kept from one build to the next."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}
        self.others: tuple | None = None

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
        return skipped


def _answer(modified: bool):
    return lambda: modified
