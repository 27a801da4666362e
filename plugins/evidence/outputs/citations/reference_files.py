"""Downloadable references: RIS (EndNote, Mendeley, Zotero, RefWorks) and BibTeX (LaTeX, Zotero, JabRef).

Written by rispy and bibtexparser from the same ``StudyReference`` as the
on-page citation, so the file a practitioner imports says what the page says.
"""

from __future__ import annotations

from functools import lru_cache

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field

from .study_reference import Person, StudyReference


class _PlainRisWriter(rispy.RisWriter):
    """rispy numbers each reference ('1.') above its TY line; EndNote reads that line as junk."""

    def set_header(self, count: int) -> str:
        return ""


RIS_TYPES = {"article": "JOUR", "report": "RPRT"}
BIBTEX_TYPES = {"article": "article", "report": "techreport"}


@lru_cache(maxsize=65536)
def ris(reference: StudyReference) -> str:
    """Kept per reference (a frozen value): under ``serve`` every rebuild writes every summary's files again."""
    entry = {
        "type_of_reference": RIS_TYPES[reference.kind],
        "title": reference.title,
        "authors": [p.inverted for p in reference.authors],
        "year": str(reference.year) if reference.year else None,
        "journal_name": reference.journal,
        "volume": reference.volume,
        "number": reference.issue,
        "start_page": reference.first_page,
        "end_page": reference.last_page,
        "publisher": reference.publisher,
        "doi": reference.doi,
        "urls": [reference.url],
    }
    return rispy.dumps([{key: value for key, value in entry.items() if value}], implementation=_PlainRisWriter)


@lru_cache(maxsize=65536)
def bibtex(reference: StudyReference) -> str:
    """Kept per reference, like ``ris``: bibtexparser copies each entry deeply while writing it."""
    values = {
        "title": reference.title,
        "author": " and ".join(_bibtex_name(p) for p in reference.authors),
        "year": str(reference.year) if reference.year else None,
        "journal": reference.journal,
        "volume": reference.volume,
        "number": reference.issue,
        "pages": reference.pages.replace("-", "--") if reference.pages else None,
        "institution" if reference.kind == "report" else "publisher": reference.publisher,
        "doi": reference.doi,
        "url": reference.url,
    }
    fields = [Field(key, _braceless(value)) for key, value in values.items() if value]
    library = bibtexparser.Library([Entry(BIBTEX_TYPES[reference.kind], reference.key, fields)])
    return bibtexparser.write_string(library)


def _bibtex_name(person: Person) -> str:
    """A name without a given part (an organisation) is braced, so BibTeX never splits it."""
    return person.inverted if person.given else "{" + person.family + "}"


def _braceless(text: str) -> str:
    """An unbalanced brace would end a BibTeX value early; editors' text never needs one."""
    return text.replace("{", "(").replace("}", ")") if text.count("{") != text.count("}") else text
