"""The preview re-renders only the pages whose inputs changed (``evidence.outputs.fingerprint`` says which).

``build.py serve`` runs MkDocs' "dirty" builds, which skip a page when
``File.is_modified()`` says no. MkDocs answers that from file times, which says
nothing about pages the plugin generates (always "modified") or hand-written
pages that show summaries (never, when only a summary changed). This answers
for every page: a generated page is unchanged when its fingerprint matches the
last build's, nothing but summaries changed since, and its HTML is still on
disk; so is a hand-written page whose template shows no summary; every other
page is rendered. A generated file that is not a page (a
summary's RIS and BibTeX, the catalogue, feeds) is written again only when its
text differs from the last build's. A file the last build wrote that this one
does not (a listing no summary is in any more) is deleted, as a full build
would never have written it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from typing import Callable

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from evidence.model.library import Library
from evidence.model.read_cache import other_inputs
from evidence.outputs.feed import Feed
from evidence.outputs.fingerprint import fingerprint
from evidence.outputs.pages import GeneratedPage


# Templates for hand-written pages that read nothing from the summaries: the theme's shell, and the privacy notice.
SHELL_ONLY = ("main.html", "privacy.html")


class Unchanged:
    """Fingerprints of the last preview build, kept from one build to the next."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}
        self.others: tuple | None = None
        self.same_inputs = False  # nothing but summaries changed since the last build
        self.feeds: dict[str, tuple] = {}  # feed path -> (what it showed, the feed, its Atom)
        self.written: dict[str, bytes] = {}  # generated file -> digest of the text last written
        self.outputs: set[str] = set()  # every file the last build wrote or kept, by absolute path
        self.shown: dict[str, tuple] = {}  # page -> (title, meta) as the last build gave them to the nav

    def begin(self, library: Library) -> None:
        """A new build: whether anything but summaries changed decides what may be kept from the last."""
        others = other_inputs(library.settings)
        self.same_inputs, self.others = others == self.others, others
        if not self.same_inputs:
            self.feeds = {}

    def feed(self, feed: Feed, render: Callable[[Feed], bytes]) -> bytes:
        """``render(feed)``, or the last build's Atom when the feed lists the same summaries, unedited
        (a reload replays an unedited file's summary as the same object, see ``evidence.model.read_cache``)."""
        shows = (feed.path, feed.title, feed.page, tuple(map(id, feed.summaries)))
        kept = self.feeds.get(feed.path)
        if kept is None or kept[0] != shows:
            kept = self.feeds[feed.path] = (shows, feed, render(feed))  # the feed is held: its summaries' ids stay theirs
        return kept[2]

    def mark(self, files: Files, pages: dict[str, GeneratedPage], library: Library) -> int:
        """Tell MkDocs which pages to skip this build; return how many it may skip."""
        same_inputs = self.same_inputs
        fresh: dict[str, str] = {}
        skipped = 0
        for file in files.documentation_pages():
            page = pages.get(file.src_uri)
            digest = fingerprint(page, library) if page else _hand_written(file)
            if digest:
                fresh[file.src_uri] = digest
            unchanged = same_inputs and digest is not None and self.seen.get(file.src_uri) == digest and os.path.isfile(file.abs_dest_path)
            file.is_modified = _answer(not unchanged)  # type: ignore[method-assign]
            skipped += unchanged
        self.seen = fresh
        self._remove_stale(files)
        return skipped + self._mark_written(files)

    def remember(self, page: Page) -> None:
        """What the navigation of every other page shows of this one."""
        self.shown[page.file.src_uri] = (page.title, page.meta)

    def restore(self, files: Files) -> None:
        """A page left unread this build still has its title (and the meta the nav reads) in the others' navigation."""
        for file in files.documentation_pages():
            kept = self.shown.get(file.src_uri)
            if file.page is not None and kept and not file.is_modified():
                file.page.title, file.page.meta = kept

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


def _hand_written(file: File) -> str | None:
    """A hand-written page in a template that shows no summary changes only with its own text (or any
    other input outside the summaries, which re-renders every page): a digest of that text, else None."""
    if file.generated_by or file.abs_src_path is None:
        return None
    try:
        text = file.content_string
    except (OSError, UnicodeDecodeError):  # MkDocs says what is wrong with it when it reads it
        return None
    template = get_data(text)[1].get("template") or SHELL_ONLY[0]
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest() if template in SHELL_ONLY else None


def _answer(modified: bool):
    return lambda: modified


def _digest(file: File) -> bytes:
    return hashlib.blake2b(file.content_bytes, digest_size=16).digest()
