"""What Pagefind indexes, and a thin runner for the binary that ``pagefind[bin]`` ships.

Pages choose what is indexed with ``data-pagefind-body`` (set by the templates),
so chrome such as navigation and footers never reaches the index. The runner
indexes the built site in one call, which is far faster than adding records one
by one through Pagefind's service.

The pure part also decides the words a summary is found by beyond its text (the
labels and synonyms of its vocabulary terms) and the filter groups of the search
page, both from the same facet declarations as the browse pages.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..read.languages import NAMES
from .search_pages import compact_page, page_language, sort_key
from .search_shards import IndexedPage, deal, manifest, shard_folder, write_manifest

if TYPE_CHECKING:  # only for annotations: the library imports nothing from here
    from ..model.facet import Facet
    from ..model.library import Library
    from ..model.summary import Summary

# The `type` filter: URL word -> the value templates write in data-pagefind-filter="type".
CONTENT_TYPES: dict[str, str] = {
    "summary": "Research summary", "reading-path": "Reading path", "standard": "Professional standard", "page": "Page",
    "guide": "Editors' guide",
}
TYPE_FILTER = "type"
# The editors' guide (content/contribute/, with the generated field reference and
# starter file) is its own type: practitioners' searches leave it out unless the
# query is about editing or the type is chosen (search-engine.js).
EDITORS_GUIDE = "contribute/"


def page_type(url: str) -> str:
    """The type a hand-written page is searchable as, from its address (in any language: cy/contribute/ too)."""
    first, _, rest = url.partition("/")
    path = rest if first in NAMES else url
    return CONTENT_TYPES["guide"] if path.startswith(EDITORS_GUIDE) else CONTENT_TYPES["page"]
STANDARD_FILTER = "standard"


# Pages of one language per Pagefind run: about 330 MB of Pagefind's memory (see search_shards.py).
SHARD_PAGES = 2000


@dataclass(frozen=True)
class IndexPlan:
    site_dir: Path
    language: str | None = "en"  # None: each page's <html lang> chooses its index (a site in several languages)
    output_subdir: str = "pagefind"
    exclude_selectors: tuple[str, ...] = ("[data-pagefind-ignore]", ".md-source-file", ".headerlink")
    shard_pages: int = SHARD_PAGES

    @property
    def output_dir(self) -> Path:
        return self.site_dir / self.output_subdir

    def command(self, source: Path, output: Path, python: str = sys.executable) -> list[str]:
        """One Pagefind run: index the pages in ``source`` into the bundle folder ``output``."""
        command = [python, "-m", "pagefind", "--site", str(source), "--output-path", str(output)]
        command += ["--force-language", self.language] if self.language else []
        command += ["--silent"]
        for selector in self.exclude_selectors:
            command += ["--exclude-selectors", selector]
        return command


@dataclass(frozen=True)
class FilterValue:
    """One checkbox of the search page: the indexed value, its URL word and what readers see."""

    value: str
    param: str
    text: str


@dataclass(frozen=True)
class SearchFilter:
    """One filter group: the key pages are tagged with (and the URL parameter), and its values in order."""

    key: str
    label: str
    values: tuple[FilterValue, ...]


def search_words(library: "Library", summary: "Summary", labels: bool = True) -> list[str]:
    """Labels and synonyms of the summary's vocabulary terms, so a reader's own word finds it.

    Someone searching "intellectual disability" or "challenging behavior" means
    the term the editors tagged, whatever the summary's text happens to say.
    A summary page already shows its labels, so it indexes only the synonyms
    (``labels=False``): every word it adds costs index size and memory.
    """
    words: list[str] = []
    for facet in library.facets:
        vocabulary = library.vocabularies.get(facet.spec.vocabulary) if facet.spec.vocabulary else None
        for value in summary.values(facet.spec.field) if vocabulary else []:
            term = vocabulary.term(value)
            if term:
                words += [term.label, *term.synonyms] if labels else list(term.synonyms)
    return list(dict.fromkeys(words))


def search_filters(library: "Library") -> list[SearchFilter]:
    """Every facet, then CPD standards and content type: the groups the search page offers."""
    groups = [_facet_filter(facet) for facet in library.facets]
    standards = _standard_filter(library)
    if standards.values:
        groups.append(standards)
    types = tuple(FilterValue(value, param, value) for param, value in CONTENT_TYPES.items())
    groups.append(SearchFilter(TYPE_FILTER, "Content type", types))
    return groups


def _facet_filter(facet: "Facet") -> SearchFilter:
    """Pages carry a term's label (what readers see); the URL carries its id, as browse pages do."""
    values = tuple(FilterValue(term.label, term.id, term.label) for term in facet.used_terms)
    return SearchFilter(facet.name, facet.label, values)


def _standard_filter(library: "Library") -> SearchFilter:
    """Standards that some summary or reading path is mapped to, in framework order."""
    used = {qualified for item in [*library.summaries, *library.reading_paths] for qualified in item.standards}
    values = tuple(
        FilterValue(s.qualified, s.qualified, f"{s.title}: {s.label}") for s in library.frameworks.standards() if s.qualified in used
    )
    return SearchFilter(STANDARD_FILTER, "CPD standard", values)


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message carries what it printed."""


def build_index(plan: IndexPlan) -> dict[str, int]:
    """Index the site afresh and return the index's file count and size in bytes.

    Pagefind reads compact copies of the indexed pages (``search_pages``) from a scratch
    folder, in one run per shard (``search_shards``); a site without marked pages is read
    whole, as Pagefind would."""
    shutil.rmtree(plan.output_dir, ignore_errors=True)
    with _scratch_folder(plan.site_dir) as scratch:
        pages = copy_indexed_pages(plan.site_dir, scratch / "all", plan.language)
        if pages is None:
            _run(plan.command(plan.site_dir, plan.output_dir), plan.site_dir)
            listed: dict[str, list[str]] = {}
        else:
            shards = deal(pages, plan.shard_pages)
            for number, shard in enumerate(shards):
                source = _gather(scratch, number, shard) if len(shards) > 1 else _whole(scratch)
                output = plan.output_dir / shard_folder(number) if number else plan.output_dir
                _run(plan.command(source, output), plan.site_dir)
            listed = manifest(shards)
    plan.output_dir.mkdir(parents=True, exist_ok=True)
    write_manifest(plan.output_dir, listed)
    files = [p for p in plan.output_dir.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def _run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed (exit {result.returncode}):\n{result.stdout}{result.stderr}".strip())


@contextmanager
def _scratch_folder(site_dir: Path) -> Iterator[Path]:
    """A scratch folder named after the site: a run stopped by a signal (the preview ends a stale
    index so) leaves no folder behind for long, since the next index of that site clears it first."""
    scratch = Path(tempfile.gettempdir()) / f"pagefind-pages-{hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]}"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _whole(scratch: Path) -> Path:
    """One run reads every copy where it was written: moving them would cost a rename each."""
    source = scratch / "all"
    source.mkdir(parents=True, exist_ok=True)
    return source


def _gather(scratch: Path, number: int, shard: list[IndexedPage]) -> Path:
    """Move one shard's copies into a folder of their own (same relative paths, so the same URLs)."""
    source = scratch / f"shard-{number}"
    for page in shard:
        target = source / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        (scratch / "all" / page.path).rename(target)
    source.mkdir(parents=True, exist_ok=True)
    return source


MARKER = b"data-pagefind-body"


def copy_indexed_pages(site_dir: Path, scratch: Path, language: str | None) -> list[IndexedPage] | None:
    """Copy every page Pagefind indexes (one carrying ``data-pagefind-body``) into ``scratch``,
    cut down to what Pagefind reads, and say what each is; None when no page is marked, since
    Pagefind then indexes every page whole. Folders without a marked page are not read past
    their first pages (at 10,000 summaries the browse listings were a quarter of the bytes)."""
    folders = indexed_folders(site_dir)
    if folders is None:
        return None
    files = [*site_dir.glob("*.html"), *(page for name in folders for page in sorted((site_dir / name).rglob("*.html")))]
    pages = []
    for file in sorted(files):
        html = file.read_bytes() if file.is_file() else b""
        if MARKER not in html:
            continue
        path = file.relative_to(site_dir).as_posix()
        (scratch / path).parent.mkdir(parents=True, exist_ok=True)
        (scratch / path).write_bytes(compact_page(html) or html)
        pages.append(IndexedPage(path, language or page_language(html), sort_key(html)))
    return pages


def indexed_folders(site_dir: Path) -> tuple[str, ...] | None:
    """The site's top-level folders with a page Pagefind indexes (one carrying ``data-pagefind-body``),
    read from the built files whoever wrote them; None when no page carries it, since Pagefind then
    indexes every page whole. A folder is read only until its first such page."""
    folders = tuple(sorted(entry.name for entry in site_dir.iterdir() if entry.is_dir() and _holds_indexed_page(entry)))
    if folders or any(MARKER in page.read_bytes() for page in site_dir.glob("*.html")):
        return folders
    return None


def _holds_indexed_page(folder: Path) -> bool:
    return any(MARKER in page.read_bytes() for page in folder.rglob("*.html") if page.is_file())
