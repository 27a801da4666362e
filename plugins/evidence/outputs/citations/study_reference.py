"""The study behind a summary as a bibliographic reference: what reference managers need.

Every field comes from the summary's own front matter (``source``, ``authors``,
``year``); nothing is guessed. A source without its own ``title`` is named by
its ``citation``, as the editor copied it from the source, so a report series
such as "Research Findings RF124" still gets a usable reference.

The other citation modules (CSL text, RIS, BibTeX, Highwire tags, JSON-LD) all
read this one value object, so they can never disagree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for annotations: the citation workers never load the content model
    from ...model.summary import Summary


@dataclass(frozen=True)
class Person:
    family: str
    given: str = ""

    @classmethod
    def parse(cls, name: str) -> "Person":
        """'Family, Given' as written, else the last word is the family name ('Jill Bradshaw')."""
        if "," in name:
            family, given = name.split(",", 1)
            return cls(family.strip(), given.strip())
        words = name.split()
        return cls(words[-1], " ".join(words[:-1])) if len(words) > 1 else cls(name.strip())

    @property
    def inverted(self) -> str:
        """'Bradshaw, Jill': the form RIS, BibTeX and Highwire tags agree on."""
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass(frozen=True)
class StudyReference:
    key: str
    title: str
    authors: tuple[Person, ...]
    url: str
    year: int | None = None
    journal: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    open_access: bool | None = None
    funder: str | None = None

    @property
    def kind(self) -> str:
        """A journal article when the source names a journal; otherwise a report (the usual grey literature)."""
        return "article" if self.journal else "report"

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None

    @property
    def pdf_url(self) -> str | None:
        """Zotero saves the full text when a free PDF is named; only an open-access .pdf address qualifies."""
        return self.url if self.open_access and self.url.lower().split("?")[0].endswith(".pdf") else None

    @property
    def first_page(self) -> str | None:
        return self.pages.replace("\u2013", "-").split("-")[0].strip() if self.pages else None

    @property
    def last_page(self) -> str | None:
        parts = self.pages.replace("\u2013", "-").split("-") if self.pages else []
        return parts[-1].strip() if len(parts) > 1 else None


def study_reference(summary: Summary) -> StudyReference:
    source: dict[str, Any] = summary.source
    return StudyReference(
        key=summary.slug,
        title=source.get("title") or source["citation"],
        authors=tuple(Person.parse(name) for name in summary.data.get("authors", [])),
        url=source["url"],
        year=summary.year,
        journal=source.get("journal"),
        volume=source.get("volume"),
        issue=source.get("issue"),
        pages=source.get("pages"),
        publisher=source.get("publisher"),
        doi=source.get("doi"),
        open_access=source.get("open_access"),
        funder=summary.data.get("funder"),
    )


def csl_item(reference: StudyReference) -> dict[str, Any]:
    """CSL-JSON, the input every CSL processor reads; empty fields are left out, not blank."""
    item: dict[str, Any] = {
        "id": reference.key,
        "type": "article-journal" if reference.kind == "article" else "report",
        "title": reference.title,
        "author": [{"family": p.family, "given": p.given} if p.given else {"literal": p.family} for p in reference.authors],
        "URL": reference.url,
        "container-title": reference.journal,
        "volume": reference.volume,
        "issue": reference.issue,
        "page": reference.pages,
        "publisher": reference.publisher,
        "DOI": reference.doi,
    }
    if reference.year:
        item["issued"] = {"date-parts": [[reference.year]]}
    return {key: value for key, value in item.items() if value}
