"""Pages in the site's other languages, and what each page knows about its language.

With one language (the default) this module adds nothing, so an English-only
copy builds exactly the pages it always did. With more, every summary has an
address in each other language (``/cy/research/<slug>/``): its translation when
there is one, otherwise the original text marked as such, under the other
language's interface and a notice. The search page has one per language too,
so a Welsh reader searches the Welsh index. A hand-written page has an address in
another language only when it has a translation (``about.cy.md`` -> ``/cy/about/``).
Reading paths are published in the main language only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model.library import Library
from ..read import routes
from ..read.languages import NAMES, Languages
from .pages import GeneratedPage

SEARCH_PAGE = "search.md"  # the hand-written search page (content/search.md); its twins are generated


@dataclass(frozen=True)
class Version:
    """The same page in one language: where it is, and whether its text is in that language."""

    code: str
    name: str
    url: str
    translated: bool


@dataclass(frozen=True)
class PageLanguage:
    """What a page's templates need: its language (interface, ``<html lang>``), its text's language, its versions."""

    language: str
    content: str
    versions: tuple[Version, ...]

    @property
    def fallback(self) -> bool:
        """The text is not in the page's language yet: shown with a notice, and not indexed for search."""
        return self.content != self.language

    @property
    def alternates(self) -> tuple[Version, ...]:
        """``hreflang`` alternates: only versions really written in their language, and only when there are two or more."""
        written = tuple(v for v in self.versions if v.translated)
        return written if len(written) > 1 else ()

    @property
    def prefix(self) -> str:
        """The folder of this page's language: none for the main language (listed first), ``cy/`` for Welsh."""
        return "" if self.language == self.versions[0].code else f"{self.language}/"

    @property
    def others(self) -> tuple[Version, ...]:
        """What the switcher offers: this page in each other language."""
        return tuple(v for v in self.versions if v.code != self.language)


def language_pages(library: Library, pages: list[GeneratedPage]) -> tuple[list[GeneratedPage], dict[str, PageLanguage]]:
    """(the extra pages, every bilingual page's language by source path): empty for a one-language site."""
    languages = library.settings.languages
    if not languages.bilingual:
        return [], {}
    summaries = [page for page in pages if page.template == "research.html"]
    extra = [_summary_twin(library, page, code) for code in languages.others for page in summaries]
    extra += [GeneratedPage(languages.source(SEARCH_PAGE, code), "search.html", library.words[code].get("search", "Search"), "", {}) for code in languages.others]
    known = {page.context["summary"].slug: page.src for page in summaries}
    found = {src: _summary_language(library, slug, src) for slug, src in known.items()}
    for page in extra:
        found[page.src] = _search_language(languages, page.src) if page.template == "search.html" else _summary_language(library, page.context["slug"], page.src)
    found[SEARCH_PAGE] = _search_language(languages, SEARCH_PAGE)
    return extra, found


def _summary_twin(library: Library, page: GeneratedPage, code: str) -> GeneratedPage:
    """The summary in ``code``: its translation, or the original; related summaries in the same language where they can be."""
    original = page.context["summary"]
    shown = library.translations.of(code, original.slug) or original
    related = [library.translations.of(code, other.slug) or other for other in page.context["related"]]
    untranslated = {other.slug for other in page.context["related"] if not library.translations.of(code, other.slug)}
    context = {**page.context, "summary": shown, "related": related, "untranslated": untranslated, "slug": original.slug, "link_prefix": library.settings.languages.prefix(code)}
    return replace(page, src=library.settings.languages.source(page.src, code), title=shown.title, description=shown.one_liner, context=context, markdown=shown.body, downloads=())


def _summary_language(library: Library, slug: str, src: str) -> PageLanguage:
    languages = library.settings.languages
    code = _code_of(languages, src)
    translated = {lang: lang == languages.main or library.translations.of(lang, slug) is not None for lang in languages.codes}
    versions = tuple(Version(lang, NAMES[lang], routes.url_of(languages.source(routes.summary(slug), lang)), translated[lang]) for lang in languages.codes)
    return PageLanguage(code, code if translated[code] else languages.main, versions)


def _search_language(languages: Languages, src: str) -> PageLanguage:
    """Each search page searches its own language's index: every version is 'translated'."""
    versions = tuple(Version(lang, NAMES[lang], routes.url_of(languages.source(SEARCH_PAGE, lang)), True) for lang in languages.codes)
    code = _code_of(languages, src)
    return PageLanguage(code, code, versions)


def _code_of(languages: Languages, src: str) -> str:
    return next((code for code in languages.others if src.startswith(languages.prefix(code))), languages.main)


def hand_written_languages(library: Library) -> dict[str, PageLanguage]:
    """Each translated hand-written page and its original, by source path: their languages and versions."""
    languages = library.settings.languages
    found: dict[str, PageLanguage] = {}
    by_original: dict[str, list] = {}
    for translation in library.page_translations:
        by_original.setdefault(translation.original, []).append(translation)
    for original, translations in by_original.items():
        versions = (Version(languages.main, NAMES[languages.main], routes.url_of(original), True),)
        versions += tuple(Version(t.code, NAMES[t.code], routes.url_of(languages.source(original, t.code)), True) for t in translations)
        found[original] = PageLanguage(languages.main, languages.main, versions)
        found.update({t.src: PageLanguage(t.code, t.code, versions) for t in translations})
    return found


def translated_address(translation, languages: Languages, original_dest: str) -> str:
    """Where a translated page is written: the original's file under the language's folder."""
    return languages.prefix(translation.code) + original_dest
