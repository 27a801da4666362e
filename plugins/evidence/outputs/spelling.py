"""The words search may suggest for a misspelt one ("Did you mean safeguarding?").

Drawn from what the site is about, not from a dictionary: titles and one-line
summaries of summaries and reading paths, the labels and synonyms of the
vocabulary terms in use, and the frameworks' standards. A suggestion is then a
word the site holds, and the list stays small enough (a few thousand words at
1,000 summaries) for the browser to fetch it only when a search finds nothing
or falls back to pages with most of its words.

One list per output language (``routes.search_words``): a site published in
two languages gives each its own, so a Welsh reader is never offered an
English word.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # only for annotations: the library imports nothing from here
    from ..model.library import Library

# Letters joined by apostrophes or hyphens, as search-engine.js splits a query.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Shorter words are left alone: one changed letter turns them into too many others.
SHORTEST = 4


def words(texts: Iterable[str]) -> list[str]:
    """Distinct lower-case words of the texts, most used first (the better guess when two are as close)."""
    counts = Counter(word for text in texts for word in (w.lower() for w in WORD.findall(text)) if len(word) >= SHORTEST)
    return [word for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def site_texts(library: "Library") -> list[str]:
    """What readers see in titles, lists and filters: the texts a reader's word is most likely aimed at."""
    texts = [text for summary in library.summaries for text in (summary.title, summary.one_liner)]
    texts += [text for path in library.reading_paths for text in (path.title, path.summary)]
    for facet in library.facets:
        vocabulary = library.vocabularies.get(facet.spec.vocabulary) if facet.spec.vocabulary else None
        terms = [vocabulary.term(term.id) for term in facet.used_terms] if vocabulary else []
        texts += [text for term in terms if term for text in (term.label, *term.synonyms)]
    texts += [framework.title for framework in library.frameworks.values()]
    texts += [standard.shown_label for standard in library.frameworks.standards()]
    return [text for text in texts if isinstance(text, str)]


def translated_texts(library: "Library", language: str) -> list[str]:
    """A language's own titles and one-line summaries: none for the main language, whose are ``site_texts``."""
    if language == library.settings.languages.main:
        return []
    own = library.translations.by_language.get(language, {})
    return [text for summary in own.values() for text in (summary.title, summary.one_liner)]


def word_list(library: "Library", language: str) -> str:
    """The file the browser fetches: a language's own words first, then the main language's,
    which its pages show too (summaries not yet translated, vocabulary labels, standards)."""
    listed = list(dict.fromkeys(words(translated_texts(library, language)) + words(site_texts(library))))
    return json.dumps({"language": language, "words": listed}, ensure_ascii=False, separators=(",", ":"))
