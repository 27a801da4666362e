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

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..read.languages import NAMES

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


@dataclass(frozen=True)
class IndexPlan:
    site_dir: Path
    language: str | None = "en"  # None: each page's <html lang> chooses its index (a site in several languages)
    output_subdir: str = "pagefind"
    exclude_selectors: tuple[str, ...] = ("[data-pagefind-ignore]", ".md-source-file", ".headerlink")
    folders: tuple[str, ...] | None = None  # top-level folders holding indexed pages (see ``index_glob``); None: all

    @property
    def output_dir(self) -> Path:
        return self.site_dir / self.output_subdir

    def command(self, python: str = sys.executable) -> list[str]:
        command = [python, "-m", "pagefind", "--site", str(self.site_dir), "--output-subdir", self.output_subdir]
        command += ["--force-language", self.language] if self.language else []
        command += ["--silent"]
        for selector in self.exclude_selectors:
            command += ["--exclude-selectors", selector]
        glob = index_glob(self.folders)
        return command + (["--glob", glob] if glob else [])


_PLAIN_NAME = re.compile(r"[A-Za-z0-9._-]+")


def index_glob(folders: tuple[str, ...] | None) -> str | None:
    """The files Pagefind reads: the site's top-level pages and the folders that hold indexed pages.

    Pagefind reads every file its glob matches at once, and its memory follows those bytes (about
    three times them), not what it indexes: at 10,000 summaries the browse listings, which carry no
    ``data-pagefind-body``, were a quarter of them. None (every file, Pagefind's default) when the
    folders are not known or a name holds a character the glob would read as syntax.
    """
    if folders is None or not all(_PLAIN_NAME.fullmatch(name) for name in folders):
        return None
    if not folders:
        return "*.html"
    return "{*.html,{" + ",".join(sorted(folders)) + "}/**/*.html}"


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


def build_index(plan: IndexPlan, started: Callable[[subprocess.Popen], None] = lambda process: None) -> dict[str, int]:
    """Index the site afresh and return the index's file count and size in bytes.
    ``started`` is handed the running Pagefind, so the preview can stop an index an edit made stale."""
    shutil.rmtree(plan.output_dir, ignore_errors=True)
    if plan.folders is None:
        plan = replace(plan, folders=indexed_folders(plan.site_dir))
    with subprocess.Popen(plan.command(), cwd=plan.site_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        started(process)
        stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise SearchIndexError(f"Pagefind failed (exit {process.returncode}):\n{stdout}{stderr}".strip())
    files = [p for p in plan.output_dir.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


MARKER = b"data-pagefind-body"


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
