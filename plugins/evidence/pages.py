"""The generated pages of the site as plain data: source path, template and context.

The MkDocs plugin turns each ``GeneratedPage`` into a virtual file and hands its
context to the page's template. Nothing here knows about MkDocs or Jinja.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from . import routes
from .facet import Facet, FacetTerm
from .field_reference import field_reference
from .library import Library
from .summary import Summary


@dataclass
class GeneratedPage:
    src: str
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    markdown: str = ""
    in_nav: bool = False  # summaries and browse pages never enter the nav: it would grow with them

    @property
    def url(self) -> str:
        return routes.url_of(self.src)

    def source(self) -> str:
        """Markdown for MkDocs. Front matter carries only the template: never editors' text."""
        return f"---\ntemplate: {self.template}\n---\n\n{self.markdown}"


def site_pages(library: Library) -> list[GeneratedPage]:
    pages = [_summary_page(library, s) for s in library.summaries]
    pages.append(_reference_page(library))
    pages.append(GeneratedPage(routes.browse_index(), "browse-index.html", "Browse research", "Browse the research summaries by topic, population, study design and more.", {"facets": library.facets}))
    for facet in library.facets:
        pages.append(_facet_page(facet))
        for term in facet.used_terms:
            pages.extend(_term_pages(facet, term, library.settings.per_page))
    return pages


def _reference_page(library: Library) -> GeneratedPage:
    text = "# Field reference\n\n" + field_reference(library.schema, library.vocabularies)
    return GeneratedPage(routes.field_reference(), "main.html", "Field reference", "Every field of a research summary, what to write and the allowed values.", markdown=text, in_nav=True)


def _summary_page(library: Library, summary: Summary) -> GeneratedPage:
    context = {"summary": summary, "related": library.related(summary), "json_ld": json_ld(summary)}
    return GeneratedPage(routes.summary(summary.slug), "research.html", summary.title, summary.one_liner, context, summary.body)


def _facet_page(facet: Facet) -> GeneratedPage:
    return GeneratedPage(routes.facet(facet.name), "facet.html", f"Browse by {facet.label.lower()}", facet.description, {"facet": facet})


def _term_pages(facet: Facet, term: FacetTerm, per_page: int) -> list[GeneratedPage]:
    """Split a long listing into numbered pages so no page grows without limit."""
    chunks = [term.summaries[i : i + per_page] for i in range(0, len(term.summaries), per_page)] or [[]]
    pager = [routes.url_of(routes.facet_value(facet.name, term.id, n)) for n in range(1, len(chunks) + 1)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        title = f"{facet.label}: {term.label}" + (f" (page {number} of {len(chunks)})" if len(chunks) > 1 else "")
        context = {"facet": facet, "term": term, "items": chunk, "page_number": number, "pager": pager}
        pages.append(GeneratedPage(routes.facet_value(facet.name, term.id, number), "facet-term.html", title, term.description or title, context))
    return pages


def json_ld(summary: Summary) -> str:
    """Structured data for search engines, safe to place inside a <script> element."""
    source = summary.source
    about: dict[str, Any] = {"@type": "ScholarlyArticle", "name": source["citation"], "url": source["url"]}
    if source.get("doi"):
        about["identifier"] = f"https://doi.org/{source['doi']}"
    if summary.data.get("authors"):
        about["author"] = [{"@type": "Person", "name": name} for name in summary.data["authors"]]
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": summary.title,
        "description": summary.one_liner,
        "datePublished": summary.published.isoformat(),
        "about": about,
    }
    if summary.reviewed:
        data["dateModified"] = summary.reviewed.isoformat()
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # '<', '>' and '&' could close the script element or open a comment: escape them as JSON does.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
