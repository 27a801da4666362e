"""Everything a summary page offers for citing and saving: the study and the briefing itself.

One ``SummaryCitation`` per summary, made once from its front matter and the
site's identity; the page template, the downloads and the JSON-LD all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..model.summary import Summary
from ..read import routes
from ..read.site_identity import SiteIdentity
from .cite_styles import CiteStyle, cite, key
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
    study_text: list[tuple[CiteStyle, Markup]]
    briefing_text: list[tuple[CiteStyle, Markup]]
    highwire: list[tuple[str, str]]
    json_ld: str
    downloads: tuple[Download, ...]


def cite_summary(summary: Summary, site: SiteIdentity) -> SummaryCitation:
    study = study_reference(summary)
    page = routes.url_of(routes.summary(summary.slug))
    files = {"ris": ris(study), "bib": bibtex(study)}
    downloads = tuple(Download(routes.citation_file(summary.slug, ext), label, readers, files[ext]) for ext, label, readers in DOWNLOADS)
    return SummaryCitation(
        study, cite(csl_item(study)), cite(briefing_item(summary, site, page)), highwire_tags(study),
        summary_json_ld(summary, study, site, page), downloads,
    )


def citation_keys(summary: Summary, site: SiteIdentity) -> list[str]:
    """What ``cite_summary`` will ask ``CITED``, so ``prerender`` can answer it ahead."""
    page = routes.url_of(routes.summary(summary.slug))
    return [key(csl_item(study_reference(summary))), key(briefing_item(summary, site, page))]


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
