"""Read a built page's <head> the way a link preview, a reference manager or a crawler does."""

from __future__ import annotations

import json
from html.parser import HTMLParser


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []
        self.links: list[dict] = []
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and "content" in attributes and ("name" in attributes or "property" in attributes):
            self.meta.append((attributes.get("property") or attributes["name"], attributes["content"]))
        elif tag == "link":
            self.links.append(attributes)
        self._in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._in_json_ld = False


def read_head(html: str) -> _Head:
    head = _Head()
    head.feed(html)
    return head


def meta(html: str) -> dict[str, list[str]]:
    """Every <meta name|property> with its contents, in page order (citation_author repeats)."""
    found: dict[str, list[str]] = {}
    for name, content in read_head(html).meta:
        found.setdefault(name, []).append(content)
    return found


def json_ld(html: str) -> list[dict]:
    return [json.loads(text) for text in read_head(html).json_ld]
