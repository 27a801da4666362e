"""What a summary, listing or standard page shows, as a digest, so the preview re-renders only pages that changed.

Under ``serve`` an editor saves one summary and waits. Its own page, the
listings that show its card, the pages of its standards and the pages that
list it as related must change; the other thousand pages need not be
rendered again. A page's fingerprint covers everything its template reads:
its context, and for a standard or framework page the counts of the standards
it lists. Pages whose templates read more of the library (home, browse index,
coverage, reading paths) have no fingerprint and are always rendered, and any
change outside the summaries folder (settings, templates, vocabularies,
frameworks, pages) re-renders everything: see ``evidence_mkdocs.plugin``.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: the library and pages import nothing from here
    from ..model.library import Library
    from ..model.summary import Summary
    from .pages import GeneratedPage

# Templates whose every input is in the page's context (plus the library's vocabularies and frameworks, which are files).
FINGERPRINTED = {"research.html", "facet-term.html", "standard.html", "facet.html", "framework.html"}


def fingerprint(page: "GeneratedPage", library: "Library") -> str | None:
    """A digest of what the page shows; None when the page must always be rendered."""
    if page.template not in FINGERPRINTED and not _text_only(page):
        return None
    context = page.context
    parts: list[Any] = [page.src, page.template, page.title, page.description, page.markdown]
    parts += [_summary(s) for s in _shown_summaries(context)]
    parts += [context.get(key) for key in ("page_number", "pager")]
    if "term" in context:
        term, facet = context["term"], context["facet"]
        parts += [facet.name, facet.label, term.id, term.label, term.description, term.count]
    elif "facet" in context:  # a facet's list of terms
        parts += _facet(context["facet"])
    if "standard" in context:
        parts += _standard(context["standard"], context["mapped"], library)
    if "framework" in context:  # its tree of standards, with counts
        parts += [context["framework"].id, [_counts(s, library) for s in context["framework"].walk()]]
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def _text_only(page: "GeneratedPage") -> bool:
    """A page of Markdown in the theme's shell (the field reference, the starter file): its text is all it shows."""
    return page.template == "main.html" and not page.context


def _shown_summaries(context: dict) -> list["Summary"]:
    shown = [context["summary"]] if "summary" in context else []
    return shown + list(context.get("related", [])) + list(context.get("items", []))


def _summary(summary: "Summary") -> bytes:
    """A summary shown on a page, digested once: it is shown on many pages, and a reload replays
    the same object for an unchanged file (``evidence.model.read_cache``), so the digest is kept by object."""
    kept = _DIGESTS.get(id(summary))
    if kept is None or kept[0] is not summary:
        if len(_DIGESTS) > _KEEP:
            _DIGESTS.clear()
        text = repr((summary.path, repr(summary.data), summary.body))
        kept = _DIGESTS[id(summary)] = (summary, hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest())
    return kept[1]


# id -> (the summary, its digest); the summary is held so its id is not reused while the entry lives.
_DIGESTS: dict[int, tuple["Summary", bytes]] = {}
_KEEP = 100_000  # entries before starting afresh: a long preview session re-reads edited files many times


def _facet(facet) -> list:
    return [facet.name, facet.label, facet.description, [(t.id, t.label, t.description, t.count) for t in facet.terms]]


def _counts(standard, library: "Library") -> tuple:
    """A standard as a list of standards shows it: its name and how many summaries and paths are mapped to it."""
    mapped = library.mapped(standard)
    return (standard.qualified, standard.label, standard.confirmed, len(mapped.all_summaries), len(mapped.all_paths))


def _standard(standard, mapped, library: "Library") -> list:
    """A standard page also shows its sub-standards' counts and the reading paths mapped to it."""
    children = [_counts(c, library) for c in standard.children]
    paths = [(p.slug, p.title, p.summary, p.time, len(p.steps)) for p in mapped.all_paths]
    return [standard.qualified, standard.label, standard.confirmed, standard.note, len(mapped.all_summaries), children, paths]
