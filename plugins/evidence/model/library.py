"""The whole content of a site, loaded in named phases: load, validate, derive.

Nothing is rendered until everything is loaded and checked, so an editor sees
every problem in one run and a failed check never half-builds a site.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..check.links import SitePages
from ..read import routes
from ..read.front_matter import line_of
from ..read.link_scan import LinkScanner
from ..read.local_settings import FOLDER
from ..read.overlay import Overlay
from ..read.problems import Problems
from ..read.project_files import FRAMEWORKS, READING_PATHS, SUMMARIES, VOCABULARIES, check_published, source_files
from ..read.schema import Schema
from ..read.settings import FacetSpec, Settings
from . import read_cache, read_store
from .gc_paused import gc_paused
from .coverage import Mapped, Matrix, StandardIndex, build_matrices
from .cpd_rules import CpdRules
from .events import Event, load_events
from .facet import Facet, build_facets, check_specs
from .framework import Frameworks, Standard, standard_problems
from .hand_written import check_pages
from .practice_week import PracticeWeek, load_practice_weeks
from .read_cache import file_stats
from .reading_path import ReadingPath, load_reading_paths
from .related import rank_related
from .search_queries import check_search_queries
from .summary import Summary, read_summary
from .translations import PageTranslation, Translations, load_translations, page_translations, split
from ..read.ui_strings import Words, load_words
from .vocabulary import Term, Vocabularies


@dataclass
class Library:
    settings: Settings
    schema: Schema
    vocabularies: Vocabularies
    summaries: list[Summary]
    facet_specs: list[FacetSpec] = field(default_factory=list)  # the configured facets that make sense; see ``facets``
    problems: Problems = field(default_factory=Problems)
    frameworks: Frameworks = field(default_factory=Frameworks)
    reading_paths: list[ReadingPath] = field(default_factory=list)
    cpd: CpdRules | None = None
    local_pages: list[str] = field(default_factory=list)  # a copy's own files under local/<docs_dir>, from docs_dir
    hidden_pages: list[str] = field(default_factory=list)  # the project's pages the copy does not publish
    practice_weeks: list[PracticeWeek] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    translations: Translations = field(default_factory=Translations)  # summaries in the site's other languages
    words: dict[str, Words] = field(default_factory=dict)  # the interface's words per language (data/ui/<code>.yml)
    page_translations: list[PageTranslation] = field(default_factory=list)  # hand-written pages in other languages
    untranslated_pages: list[str] = field(default_factory=list)  # translations of pages that are not published

    @classmethod
    def load(cls, settings: Settings) -> "Library":
        """Every file read and checked, and what is derived from them (see ``gc_paused`` for why the collector waits)."""
        with gc_paused():
            return cls._load(settings)

    @classmethod
    def _load(cls, settings: Settings) -> "Library":
        problems = Problems(list(settings.config_problems))
        problems.extend(settings.local.problems)
        schema = Schema("summary")
        if not settings.config_readable:  # no folder is known: the one message is about mkdocs.yml
            return cls(settings, schema, Vocabularies(), [], problems=problems)
        _check_published_folders(settings, problems)
        overlay = Overlay(settings, problems)
        vocabularies = load_vocabularies(settings, overlay, problems)
        frameworks = _load_frameworks(settings, overlay, problems)
        scanner = LinkScanner.from_mkdocs_yml(settings.path(settings.config_file))
        read, slugs, translated = _load_summaries(settings, overlay, schema, vocabularies, problems, scanner)
        summaries = [s for s in read if s.valid]
        _check_duplicates(read, problems)
        _check_standards(read, frameworks, problems)
        _check_reviews(summaries, settings.review_after_years, problems)
        check_search_queries(summaries, problems)
        path_files, path_translations = split(overlay.files(settings.reading_paths_dir, READING_PATHS, "reading_paths"))
        _not_translated_yet(path_translations, settings.root, "reading paths", problems)
        site = SitePages.collect(
            slugs, settings.path(settings.reading_paths_dir), settings.path(settings.docs_dir),
            image_sources=settings.image_sources, config_file=settings.config_file, generated=_generated_pages(settings, frameworks) + _translated_pages(settings, slugs),
            local_docs=overlay.local(settings.docs_dir), reading_path_files=path_files,
        )
        _check_links(read, site, problems)
        check_pages(settings, site, scanner, problems)
        specs = check_specs(settings.facets, schema, vocabularies, settings.config_file, problems)
        summaries.sort(key=lambda s: s.sort_key)
        library = cls(settings, schema, vocabularies, summaries, specs, problems)
        library.translations = _load_translations(settings, translated, library, slugs, site, scanner)
        ui = f"{settings.data_dir}/ui"
        library.words = load_words(settings.path(ui), settings.root, settings.languages, problems, overlay.local(ui))
        library.local_pages, library.hidden_pages = overlay.pages(settings.docs_dir, [routes.field_reference(), routes.starter()])
        library.page_translations, library.untranslated_pages = page_translations(_hand_written(settings, library.local_pages), settings.languages, problems, frozenset(library.hidden_pages))
        library._add_cpd(frameworks, site, scanner, path_files, overlay.file(settings.cpd_file.relative_to(settings.root).as_posix()))
        library.practice_weeks = load_practice_weeks(settings.path(settings.practice_weeks_dir), settings.root, library, problems)
        library.events = load_events(settings.path(settings.events_dir), settings.root, library, problems)
        return library

    def _add_cpd(self, frameworks: Frameworks, site: SitePages, scanner: LinkScanner, path_files: list[Path], cpd_file: Path) -> None:
        """Load reading paths and CPD rules (they refer to summaries); what maps where is derived when first asked."""
        settings = self.settings
        by_slug = self._by_slug
        self.frameworks = frameworks
        self.reading_paths = load_reading_paths(settings.path(settings.reading_paths_dir), settings.root, by_slug, frameworks, self.problems, site, scanner, files=path_files)
        self.cpd = CpdRules.load(cpd_file, settings.root, frameworks, self.problems)

    @cached_property
    def facets(self) -> list[Facet]:
        """Derived on first use, as the standards index and coverage are: at 10,000 summaries these took
        half of a warm check, which reports nothing from them (practice weeks ask for facets only if any)."""
        return build_facets(self.facet_specs, self.summaries, self.schema, self.vocabularies)

    @cached_property
    def standard_index(self) -> StandardIndex:
        return StandardIndex(self.frameworks, self.summaries, self.reading_paths)

    @cached_property
    def coverage(self) -> list[Matrix]:
        return build_matrices(self.frameworks, self.facets, self.standard_index)

    def standard(self, qualified: str) -> Standard | None:
        return self.frameworks.resolve(qualified)

    def mapped(self, standard: Standard) -> Mapped:
        """What is mapped to a standard, directly and through its sub-standards."""
        return self.standard_index.of(standard)

    def paths_with(self, summary: Summary) -> list[ReadingPath]:
        return [p for p in self.reading_paths if p.uses(summary.slug)]

    def summary(self, slug: str) -> Summary | None:
        return self._by_slug.get(slug)

    def term(self, vocabulary: str, term_id: str) -> Term:
        """A term to show; an unknown id is shown as itself rather than failing a render."""
        found = self.vocabularies.get(vocabulary)
        term = found.term(term_id) if found else None
        return term or Term(str(term_id), str(term_id), "")

    def facet(self, name: str) -> Facet | None:
        return next((f for f in self.facets if f.name == name), None)

    def facet_for_field(self, field_name: str) -> Facet | None:
        return next((f for f in self.facets if f.spec.field == field_name), None)

    def latest(self, count: int = 5) -> list[Summary]:
        return self.summaries[:count]

    def related(self, summary: Summary) -> list[Summary]:
        """Summaries sharing the most topics, then closest in year (see ``evidence.model.related``)."""
        return self._related.get(summary.slug, [])

    @cached_property
    def _related(self) -> dict[str, list[Summary]]:
        return rank_related(self.summaries, self.settings.related_count)

    @cached_property
    def _by_slug(self) -> dict[str, Summary]:
        return {item.slug: item for item in self.summaries}


def load_vocabularies(settings: Settings, overlay: Overlay | None = None, problems: Problems | None = None) -> Vocabularies:
    """The project's vocabularies with a copy's terms added (``new`` writes its scaffold from these too)."""
    problems = problems if problems is not None else Problems()
    folder = f"{settings.data_dir}/vocabularies"
    local = source_files((overlay or Overlay(settings, problems)).local(folder), settings.root, VOCABULARIES, problems)
    return Vocabularies.load(settings.path(folder), settings.root, problems, local)


def _load_summaries(settings: Settings, overlay: Overlay, schema: Schema, vocabularies: Vocabularies, problems: Problems, scanner: LinkScanner) -> tuple[list[Summary], list[str], list[Path]]:
    """Every summary whose front matter could be read, valid or not (see ``Summary.valid``), and the
    slug of every summary file: one that cannot be read at all is still known by its name, so links
    and reading paths that use it are not blamed for its own error. A copy's own summaries count too."""
    directory = settings.path(settings.summaries_dir)
    if not directory.is_dir():
        problems.error(settings.config_file, 1, f"summaries folder '{settings.summaries_dir}' does not exist; create it or fix 'summaries_dir'")
        return [], [], []
    inputs = read_cache.inputs_digest(settings)
    originals, translated = split(overlay.files(settings.summaries_dir, SUMMARIES, "summaries", recursive=True))
    if not read_cache.known():
        read_store.restore(settings.root)
    before = read_cache.reads()
    root = settings.root
    files = [(file, _relative(file, root)) for file in originals]
    rels = [rel for _, rel in files]
    read = read_cache.read_all(files, inputs, problems, lambda file, rel, found, raw: read_summary(file, rel, schema, vocabularies, found, scanner, raw=raw))
    summaries = [summary for summary in read if summary]
    slugs = [file.stem for file in originals]
    if read_cache.reads() != before:
        read_store.keep(settings.root, rels)
    return summaries, slugs, translated


def _relative(file: Path, root: Path) -> str:
    """``file.relative_to(root).as_posix()`` by slicing the text: pathlib's took 0.2 s for 10,000 summaries."""
    path, prefix = str(file), os.path.join(str(root), "")
    return path[len(prefix):].replace(os.sep, "/") if path.startswith(prefix) else file.relative_to(root).as_posix()


def _load_translations(settings: Settings, files: list[Path], library: "Library", slugs: list[str], site: SitePages, scanner: LinkScanner) -> Translations:
    """Translations are read like summaries (and cached alike), after every summary they may translate."""
    inputs = read_cache.inputs_digest(settings)
    schema, vocabularies, problems = library.schema, library.vocabularies, library.problems

    def read(file: Path, rel: str, slug: str) -> Summary | None:
        return read_cache.read_once(file, rel, inputs, problems, lambda found, raw: read_summary(file, rel, schema, vocabularies, found, scanner, slug, raw=raw))

    hidden = set(settings.local.hidden.get("summaries", []))
    return load_translations(files, settings.root, settings.languages, library._by_slug, set(slugs), read, site, problems, hidden)


def _hand_written(settings: Settings, local_pages: list[str]) -> dict[str, str]:
    """Every hand-written page as MkDocs knows it (from docs_dir) -> where it is in the project, a copy's own winning."""
    docs = settings.path(settings.docs_dir)
    found = {p.relative_to(docs).as_posix(): f"{settings.docs_dir}/{p.relative_to(docs).as_posix()}" for p in docs.rglob("*.md") if p.is_file()} if docs.is_dir() else {}
    found = {src: shown for src, shown in found.items() if not any(part.startswith(".") for part in src.split("/"))}
    found.update({src: f"{FOLDER}/{settings.docs_dir}/{src}" for src in local_pages if src.endswith(".md")})
    return found


def _not_translated_yet(files: list[Path], root: Path, plural: str, problems: Problems) -> None:
    """Only summaries are published in other languages so far: a translation of anything else is kept, not lost in silence."""
    for file in files:
        problems.warning(file.relative_to(root).as_posix(), 1, f"{plural} are published in the site's main language only for now, so this translation is not read; keep it for later, or delete it")


def _translated_pages(settings: Settings, slugs: list[str]) -> list[str]:
    """Every summary has an address in each other language (its translation, or the original with a notice)."""
    languages = settings.languages
    return [languages.source(routes.summary(slug), code) for code in languages.others for slug in slugs]


def _check_published_folders(settings: Settings, problems: Problems) -> None:
    """Pages and templates are published or rendered by MkDocs itself, so what it must not read is
    refused here, before anything is built (the plugin also drops files from outside the project)."""
    for folder in (settings.docs_dir, settings.theme_dir):
        if folder:
            check_published(settings.path(folder), settings.root, problems)


def _generated_pages(settings: Settings, frameworks: Frameworks) -> list[str]:
    """Pages the plugin makes that editors may link to by file, known before anything is derived.
    (A term's browse page exists only once a summary uses the term; it is linked by address, not file.)"""
    fixed = [
        routes.field_reference(), routes.starter(), routes.browse_index(), routes.reading_paths(), routes.cpd_index(),
        routes.coverage(), routes.my_cpd(), routes.feed(), routes.open_data(), routes.practice_weeks(), routes.events(),
    ]
    facets = [routes.facet(spec.name) for spec in settings.facets]
    cpd = [routes.framework(f.id) for f in frameworks.values()] + [routes.standard(s.framework.id, s.id) for f in frameworks.values() for s in f.walk()]
    return fixed + facets + cpd


def _check_duplicates(summaries: list[Summary], problems: Problems) -> None:
    """Slugs become URLs and DOIs identify studies: neither may appear twice."""
    seen_slugs: dict[str, Summary] = {}
    seen_dois: dict[str, Summary] = {}
    for summary in summaries:
        first = seen_slugs.setdefault(summary.slug, summary)
        if first is not summary:
            problems.error(summary.path, 1, f"another summary already uses the address research/{summary.slug}/ ({first.path}); rename one of the files")
        doi = summary.sound(("source", "doi"))
        if isinstance(doi, str):
            doi = doi.lower()
            first = seen_dois.setdefault(doi, summary)
            if first is not summary:
                line = summary.lines.get(("source", "doi"), 1)
                problems.error(summary.path, line, f"'source.doi' {doi} is already summarised in {first.path}; update that summary instead of adding a second")


def _check_reviews(summaries: list[Summary], years: int, problems: Problems) -> None:
    """Evidence ages: flag summaries nobody has checked against their source for years."""
    today = dt.date.today()
    for summary in summaries:
        if summary.review_due(years, today):
            line = summary.lines.get(("reviewed",), summary.lines.get(("published",), 1))
            problems.warning(summary.path, line, f"not reviewed since {summary.last_checked.isoformat()} (over {years} years): check it against the source and set 'reviewed:' to today's date")


def _load_frameworks(settings: Settings, overlay: Overlay, problems: Problems) -> Frameworks:
    directory = settings.path(settings.frameworks_dir)
    files = overlay.files(settings.frameworks_dir, FRAMEWORKS, "frameworks")
    if not files:
        problems.warning(settings.config_file, 1, f"no framework files in '{settings.frameworks_dir}': standards in summaries are not checked and no standards pages are made")
    return Frameworks.load(directory, settings.root, problems, files)


def _check_standards(summaries: list[Summary], frameworks: Frameworks, problems: Problems) -> None:
    """Every 'standards:' id must name a standard in a framework file, at the line it is written."""
    for summary in summaries:
        for where, message in standard_problems(frameworks, summary.sound(("standards",)), ("standards",)):
            problems.error(summary.path, line_of(summary.lines, where), message)


def _check_links(summaries: list[Summary], site: SitePages, problems: Problems) -> None:
    """Links must point at pages that exist, and images must be ones browsers will show
    (reading paths run the same checks as they load)."""
    for summary in summaries:
        for line, message in site.check(routes.summary(summary.slug), summary.links, summary.images):
            problems.error(summary.path, line, message)


_LOADED: dict[tuple, Library] = {}


def load_library(settings: Settings) -> Library:
    """Load once per set of inputs: ``build.py`` checks, then MkDocs builds, from one load.

    The key includes every input file's size and modification time, so an edit
    (for example under ``serve``) always triggers a fresh load.
    """
    key = (repr(settings), _fingerprint(settings))
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = Library.load(settings)
    return _LOADED[key]


def _fingerprint(settings: Settings) -> tuple:
    folders = [settings.path(settings.summaries_dir), settings.path(settings.data_dir), settings.path(settings.docs_dir)]
    folders += [settings.path(settings.frameworks_dir), settings.path(settings.reading_paths_dir), settings.path(FOLDER), settings.path(settings.practice_weeks_dir), settings.path(settings.events_dir)]
    return tuple(stat for folder in folders for stat in file_stats(folder))
