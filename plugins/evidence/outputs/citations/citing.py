"""Everything a summary page offers for citing and saving: the study and the briefing itself.

One ``SummaryCitation`` per summary, made once from its front matter and the
site's identity; the page template, the downloads and the JSON-LD all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ...model.summary import Summary
from ...read import routes
from ...read.site_identity import SiteIdentity
from .cite_styles import CiteStyle, cited, key
from .highwire import highwire_tags
from .reference_files import bibtex, ris
from .structured_data import summary_json_ld
from .study_reference import StudyReference, csl_item, study_reference

DOWNLOADS = (("ris", "RIS", "EndNote, Mendeley, Zotero, RefWorks"), ("bib", "BibTeX", "LaTeX, JabRef, Zotero"))


@dataclass(frozen=True)
class Download:
    path: str
    label: str
    readers: str
    content: str | bytes


@dataclass(frozen=True)
class SummaryCitation:
    study: StudyReference
    keys: tuple[str, str]  # the study's and the briefing's CSL items, as ``CITED`` is asked for them
    highwire: list[tuple[str, str]]
    json_ld: str
    downloads: tuple[Download, ...]

    @property
    def study_text(self) -> list[tuple[CiteStyle, Markup]]:
        """Asked when the page renders, so ``prerender``'s workers can still be at it while pages are made."""
        return cited(self.keys[0])

    @property
    def briefing_text(self) -> list[tuple[CiteStyle, Markup]]:
        return cited(self.keys[1])


def cite_summary(summary: Summary, site: SiteIdentity) -> SummaryCitation:
    study = study_reference(summary)
    page = routes.url_of(routes.summary(summary.slug))
    files = {"ris": ris(study), "bib": bibtex(study)}
    downloads = tuple(Download(routes.citation_file(summary.slug, ext), label, readers, files[ext]) for ext, label, readers in DOWNLOADS)
    return SummaryCitation(study, citation_keys(summary, site), highwire_tags(study), summary_json_ld(summary, study, site, page), downloads)


def citation_keys(summary: Summary, site: SiteIdentity) -> tuple[str, str]:
    """What a summary page will ask ``CITED``, so ``prerender`` can answer it ahead."""
    page = routes.url_of(routes.summary(summary.slug))
    return key(csl_item(study_reference(summary))), key(briefing_item(summary, site, page))


def briefing_item(summary: Summary, site: SiteIdentity, page: str) -> dict[str, Any]:
    """The summary page as a web page by the site, for 'How to cite this summary'."""
    day = summary.published
    item = {
        "id": f"{summary.slug}-summary",
        "type": "webpage",
        "title": summary.title,
        "author": [{"literal": site.name}],
        "issued": {"date-parts": [[day.year, day.month, day.day]]},
    }
    url = site.absolute(page)
    return {**item, "URL": url} if url else item
