"""Open data: every summary's metadata as JSON (with its JSON Schema) and as CSV.

A council's analyst, a researcher mapping the evidence base or another
council's site can reuse what this site holds without scraping pages. The
records are the summaries' own front matter plus their address; the schema is
derived from the same summary schema that validates the files, so the
published schema can never drift from what the site accepts.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import textwrap
from dataclasses import dataclass
from typing import Any

from ..model.library import Library
from ..model.summary import Summary
from ..read import routes
from ..read.schema import Schema
from ..read.site_identity import SiteIdentity
from .per_summary import PerSummary

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell as a formula


@dataclass(frozen=True)
class Licence:
    name: str
    url: str | None = None

    @classmethod
    def from_settings(cls, settings) -> "Licence":
        return cls(settings.data_licence_name, settings.data_licence_url or None)

    @property
    def statement(self) -> str:
        if not self.name:
            return "The site's owner has not yet chosen a licence for this data: ask the editors before reusing it."
        return f"This data is published under the {self.name}" + (f" ({self.url})." if self.url else ".")


def _record(summary: Summary, site: SiteIdentity) -> dict[str, Any]:
    """One summary's front matter, with its slug and address first."""
    path = routes.url_of(routes.summary(summary.slug))
    return {"slug": summary.slug, "url": site.absolute(path) or "/" + path, **copy.deepcopy(summary.data)}


record = PerSummary(_record)  # made once per summary and kept: the JSON and the CSV read it, and so does every preview reload


def catalogue(library: Library, site: SiteIdentity, licence: Licence) -> dict[str, Any]:
    summaries = sorted(library.summaries, key=lambda s: s.slug)
    return {**_envelope(summaries, site, licence), "summaries": [record(s, site) for s in summaries]}


def _envelope(summaries: list[Summary], site: SiteIdentity, licence: Licence) -> dict[str, Any]:
    """The catalogue without its records, in the order it is published (the records come last)."""
    updated = max((s.last_checked for s in summaries), default=None)
    return {
        "$schema": site.absolute(routes.catalogue("schema.json")) or "catalogue.schema.json",
        "title": f"{site.name}: catalogue of research summaries",
        "licence": {"name": licence.name, "url": licence.url, "statement": licence.statement},
        "updated": updated.isoformat() if updated else None,
        "count": len(summaries),
    }


def catalogue_json(library: Library, site: SiteIdentity, licence: Licence) -> str:
    """``as_json(catalogue(...))``, with each record's text written once per summary: an indented dump runs
    Python's own encoder, and re-encoding every record on each preview reload was most of the catalogue's cost."""
    summaries = sorted(library.summaries, key=lambda s: s.slug)
    head = as_json(_envelope(summaries, site, licence))[: -len("\n}\n")]
    records = ",\n".join(record_json(s, site) for s in summaries)
    return head + (f',\n  "summaries": [\n{records}\n  ]\n}}\n' if records else ',\n  "summaries": []\n}\n')


def _record_json(summary: Summary, site: SiteIdentity) -> str:
    """A record as ``as_json`` writes it inside the catalogue: two levels deep, so four spaces in
    (JSON strings hold no raw line break, so indenting each line is exact)."""
    return textwrap.indent(json.dumps(record(summary, site), ensure_ascii=False, indent=2), "    ")


record_json = PerSummary(_record_json)


def catalogue_schema(schema: Schema, site: SiteIdentity) -> dict[str, Any]:
    """The published JSON Schema: the summary schema's fields, plus slug and url, inside the catalogue's envelope."""
    item = {key: value for key, value in copy.deepcopy(schema.spec).items() if not key.startswith(("x-", "$"))}
    item["title"] = "One research summary"
    item["required"] = ["slug", "url", *item["required"]]
    item["properties"] = {
        "slug": {"type": "string", "description": "The summary's name: its address is /research/<slug>/."},
        "url": {"type": "string", "description": "The summary page's address."},
        **item["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site.absolute(routes.catalogue("schema.json")) or "catalogue.schema.json",
        "title": f"{site.name}: catalogue of research summaries",
        "type": "object",
        "required": ["title", "licence", "count", "summaries"],
        "properties": {
            "$schema": {"type": "string"},
            "title": {"type": "string"},
            "licence": {
                "type": "object",
                "required": ["name", "statement"],
                "properties": {"name": {"type": "string"}, "url": {"type": ["string", "null"]}, "statement": {"type": "string"}},
            },
            "updated": {"type": ["string", "null"], "format": "date"},
            "count": {"type": "integer", "minimum": 0},
            "summaries": {"type": "array", "items": item},
        },
    }


def columns(schema: Schema) -> list[str]:
    """CSV columns from the schema, in its order: nested fields as source.url, lists in one cell."""
    names = ["slug", "url"]
    for field in schema.fields:
        if field.type != "object":
            names.append(field.name)
    return names


def catalogue_csv(library: Library, site: SiteIdentity) -> str:
    """One row per summary; list values joined with '; '. Written with the csv module, so quoting is right.
    It starts with a byte-order mark: without one, Excel reads UTF-8 as the local code page and garbles accents."""
    names = columns(library.schema)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    rows = (csv_row(summary, (site, tuple(names))) for summary in sorted(library.summaries, key=lambda s: s.slug))
    return out.getvalue() + "".join(rows)


def _csv_row(summary: Summary, also: tuple[SiteIdentity, tuple[str, ...]]) -> str:
    site, names = also
    out = io.StringIO()
    data = record(summary, site)
    csv.writer(out, lineterminator="\r\n").writerow([_cell(_dotted(data, name)) for name in names])
    return out.getvalue()


csv_row = PerSummary(_csv_row)  # a row's text, once per summary and columns


def as_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _dotted(data: dict[str, Any], name: str) -> Any:
    for key in name.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = "; ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def catalogue_files(library: Library, site: SiteIdentity, licence: Licence) -> list[tuple[str, str]]:
    """(path, text) of the three files the site publishes at its root."""
    return [
        (routes.catalogue("json"), catalogue_json(library, site, licence)),
        (routes.catalogue("schema.json"), as_json(catalogue_schema(library.schema, site))),
        (routes.catalogue("csv"), catalogue_csv(library, site)),
    ]
