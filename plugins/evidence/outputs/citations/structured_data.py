"""JSON-LD for search engines and scholarly tools: the briefing as an ``Article`` about the study.

The study is a ``ScholarlyArticle`` (a ``Report`` has no place for a journal,
and schema.org's Report is itself a ScholarlyArticle in spirit) with its year,
publisher or funder, DOI and whether it is free to read; the briefing names
the site as publisher and gives its own dates. What the page already says in
its head is not repeated: the one-line summary is the page's description (and
its link previews'), its language is the page's ``lang``.
"""

from __future__ import annotations

import json
from typing import Any

from ...model.summary import Summary
from ...read.site_identity import SiteIdentity
from .study_reference import StudyReference

CONTEXT = "https://schema.org"


def summary_json_ld(summary: Summary, reference: StudyReference, site: SiteIdentity, path: str) -> str:
    """Structured data for one summary page, safe to place inside a <script> element."""
    publisher = {"@type": "Organization", "name": site.name}
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Article",
        "headline": summary.title,
        "datePublished": summary.published.isoformat(),
        "dateModified": summary.last_checked.isoformat(),
        "publisher": publisher,
        "author": publisher,
        "about": study_json_ld(reference),
    }
    if site.absolute(path):
        data["url"] = site.absolute(path)
    return script_safe(data)


def study_json_ld(reference: StudyReference) -> dict[str, Any]:
    study: dict[str, Any] = {"@type": "ScholarlyArticle", "name": reference.title, "url": reference.url}
    if reference.authors:
        study["author"] = [{"@type": "Person", "familyName": p.family, "givenName": p.given, "name": f"{p.given} {p.family}".strip()} for p in reference.authors]
    if reference.year:
        study["datePublished"] = str(reference.year)
    if reference.publisher:
        study["publisher"] = {"@type": "Organization", "name": reference.publisher}
    if reference.funder:
        study["funder"] = {"@type": "Organization", "name": reference.funder}
    if reference.doi:
        study["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": reference.doi, "url": reference.doi_url}
        study["sameAs"] = reference.doi_url
    if reference.open_access is not None:
        study["isAccessibleForFree"] = reference.open_access
    if reference.journal:
        study["isPartOf"] = {"@type": "Periodical", "name": reference.journal}
    return study


def script_safe(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # '<', '>' and '&' could close the script element or open a comment: escape them as JSON does.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
