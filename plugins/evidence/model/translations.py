"""Translated summaries: ``<slug>.<code>.md`` beside ``<slug>.md``, read with the same schema.

A translation is a whole summary in another language, checked like any other
(fields, vocabularies, links from its own address under ``/<code>/``), plus
what makes it a translation: the summary it translates exists, its language is
one the site publishes, and it describes the same study (its ``source`` is the
original's). Facets, feeds and the catalogue stay with the originals.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..check.links import SitePages
from ..read import routes
from ..read.front_matter import line_of
from ..read.languages import IN_ENGLISH, Languages, translation_of
from ..read.problems import Problems
from .summary import Summary

Reader = Callable[[Path, str, str], "Summary | None"]  # (file, path from the root, slug) -> the summary read


@dataclass
class Translations:
    """Valid translations by language code, then by the slug of the summary they translate."""

    languages: Languages = field(default_factory=Languages)
    by_language: dict[str, dict[str, Summary]] = field(default_factory=dict)

    def of(self, code: str, slug: str) -> Summary | None:
        return self.by_language.get(code, {}).get(slug)


def split(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """(originals, translations) among a folder's files."""
    translated = [f for f in files if translation_of(f)]
    return [f for f in files if not translation_of(f)], translated


def load_translations(files: list[Path], root: Path, languages: Languages, originals: dict[str, Summary], known: set[str], read: Reader, site: SitePages, problems: Problems, hidden: set[str] = frozenset()) -> Translations:
    """Read every translation the site publishes; a file it cannot publish is a located message, never skipped silently.
    ``known``: the slug of every summary file (valid or not); ``hidden``: the ones the copy hides (their translations go too)."""
    found = Translations(languages, {code: {} for code in languages.others})
    for file in files:
        name, code = translation_of(file)
        rel = file.relative_to(root).as_posix()
        if name in hidden or not _publishable(rel, f"{name}.md", code, languages, name in known, "summary", problems):
            continue
        before = len(problems.errors)
        summary = read(file, rel, name)
        if summary is None:
            continue
        _check_same_study(summary, originals.get(name), problems)
        for line, message in site.check(languages.source(routes.summary(name), code), summary.links, summary.images):
            problems.error(rel, line, message)
        if summary.valid and len(problems.errors) == before:
            found.by_language[code][name] = summary
    return found


def _publishable(shown: str, original: str, code: str, languages: Languages, exists: bool, noun: str, problems: Problems) -> bool:
    """A translation needs a language the site publishes, other than its main one, and a summary or page to translate.

    ``shown`` names the translation in messages, ``original`` the file it translates, ``noun`` what that file is.
    """
    language = IN_ENGLISH[code]
    if code == languages.main:
        problems.error(shown, 1, f"{language} is the site's main language, so this text belongs in {original} itself; move it there and delete this file")
    elif code not in languages.others:
        codes = ", ".join(languages.codes + (code,))
        problems.warning(shown, 1, f"this {language} {noun} is not published: the site's languages are {', '.join(languages.codes)}; add {code} to the evidence option 'languages' (in local/settings.yml: evidence: {{languages: [{codes}]}}) or delete the file")
    elif not exists:
        problems.error(shown, 1, f"this is a {language} translation of {original}, but there is no {noun} {original} beside it; name the file after the {noun} it translates (<its-name>.{code}.md beside it), or add {original}")
    else:
        return True
    return False


def _check_same_study(summary: Summary, original: Summary | None, problems: Problems) -> None:
    """Words are translated; the study is the same one. A different source would cite another study."""
    if original is None or summary.sound(("source",)) is None:
        return
    if summary.sound(("source",)) != original.sound(("source",)):
        line = line_of(summary.lines, ("source",))
        problems.error(summary.path, line, f"'source' differs from {original.path}: a translation describes the same study; copy 'source' from {original.path} unchanged")


@dataclass(frozen=True)
class PageTranslation:
    """A hand-written page's translation (``about.cy.md``), published at the page's address under /<code>/."""

    src: str  # as MkDocs knows it, from docs_dir: about.cy.md
    original: str  # about.md
    code: str


def page_translations(pages: dict[str, str], languages: Languages, problems: Problems, hidden: frozenset[str] = frozenset()) -> tuple[list[PageTranslation], list[str]]:
    """(the translations of hand-written pages the site publishes, those it leaves out).
    ``pages``: every hand-written page's source path from docs_dir -> its path from the project root, for messages."""
    published, left_out = [], []
    for src, shown in sorted(pages.items()):
        found = translation_of(Path(src))
        if not found:
            continue
        original = f"{posixpath.dirname(src)}/{found[0]}.md".lstrip("/")
        if original in hidden or not _publishable(shown, original, found[1], languages, original in pages, "page", problems):
            left_out.append(src)
        else:
            published.append(PageTranslation(src, original, found[1]))
    return published, left_out
