"""``citation_*`` meta tags (the Highwire Press set Google Scholar defined) naming the study.

Zotero's browser connector, Mendeley's importer and Google Scholar read these
tags: one click saves the study, not the briefing page, to a reference library.
"""

from __future__ import annotations

from .study_reference import StudyReference


def highwire_tags(reference: StudyReference) -> list[tuple[str, str]]:
    """(name, content) pairs in the order the Highwire guidelines list them; empty fields left out."""
    tags = [("citation_title", reference.title)]
    tags += [("citation_author", person.inverted) for person in reference.authors]
    tags += [
        ("citation_publication_date", str(reference.year) if reference.year else ""),
        ("citation_journal_title", reference.journal or ""),
        ("citation_volume", reference.volume or ""),
        ("citation_issue", reference.issue or ""),
        ("citation_firstpage", reference.first_page or ""),
        ("citation_lastpage", reference.last_page or ""),
        ("citation_publisher", reference.publisher or ""),
        ("citation_technical_report_institution", reference.publisher if reference.kind == "report" and reference.publisher else ""),
        ("citation_doi", reference.doi or ""),
        ("citation_abstract_html_url", reference.url if not reference.pdf_url else ""),
        ("citation_pdf_url", reference.pdf_url or ""),
    ]
    return [(name, content) for name, content in tags if content]
