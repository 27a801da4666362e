"""What Pagefind reads of a built page: the page cut down to what its index takes from it.

Pagefind parses every byte of a page it is given, but keeps only what is inside
the element marked ``data-pagefind-body`` plus a few facts from the rest: the
``<html lang>``, the ``<title>`` and any ``data-pagefind-*`` attribute. A summary
page is mostly theme chrome (navigation, header, head, the CPD panel), so the
index is built from compact copies holding only those parts, which Pagefind
reads in about half the time and turns into the same index.

A page is cut down only when what is left out cannot change the index (see
``compact_page``); otherwise it is given to Pagefind whole.
"""

from __future__ import annotations

import re

MARKER = b"data-pagefind-body"
_ATTRS = rb"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_START_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)\b" + _ATTRS + rb">")
_HTML_TAG = re.compile(rb"<html\b" + _ATTRS + rb">", re.IGNORECASE)
_LANG = re.compile(rb"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_TITLE = re.compile(rb"<title\b[^>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)
_SORT = re.compile(rb'data-pagefind-sort="([^"]*)"')
# Outside the body these would change the index: filters, meta, sort keys, weights and
# indexed attributes count wherever they are; the first <h1> can be the result's title and
# an <img> after it its image. An ignored element before the body may hold the body.
# (data-pagefind-bundle is this site's own attribute, not Pagefind's.)
_MATTERS_BEFORE = re.compile(rb"data-pagefind-(?!bundle\b)|<h1\b", re.IGNORECASE)
_MATTERS_AFTER = re.compile(rb"data-pagefind-(?!bundle\b|ignore\b)|<h1\b|<img\b", re.IGNORECASE)
_TITLE_TAG = re.compile(rb"<title\b", re.IGNORECASE)
_RAW_TEXT = (b"script", b"style", b"textarea")


def compact_page(html: bytes) -> bytes | None:
    """The page with only what Pagefind reads from it, or None when it must be read whole.

    Kept: the ``<html>`` tag (its ``lang`` chooses the index), the first ``<title>`` (the
    result's title when the body has no ``<h1>``) and the marked element, byte for byte.
    A page is read whole when it has no marked element or more than one, or when the rest
    of it carries something Pagefind would take from it.
    """
    start = html.find(MARKER)
    if start < 0 or html.find(MARKER, start + 1) >= 0:
        return None
    body = _element_at(html, html.rfind(b"<", 0, start), start)
    html_tag = _HTML_TAG.search(html)
    if body is None or html_tag is None:
        return None
    begin, end = body
    before, after = html[html_tag.end():begin], html[end:]
    title = _TITLE.search(before)
    if _MATTERS_BEFORE.search(before) or _MATTERS_AFTER.search(after) or (title is None and _TITLE_TAG.search(after)):
        return None
    head = b"<head>" + (title.group(0) if title else b"") + b"</head>"
    return html_tag.group(0) + head + b"<body>" + html[begin:end] + b"</body></html>"


def page_language(html: bytes) -> str:
    """The page's language as Pagefind reads it: ``<html lang>``, lower case; "unknown" without one."""
    tag = _HTML_TAG.search(html)
    found = _LANG.search(tag.group(0)) if tag else None
    code = next((group for group in found.groups() if group), b"") if found else b""
    return code.decode("utf-8", "replace").lower() or "unknown"


def sort_key(html: bytes) -> str:
    """The page's ``data-pagefind-sort`` attribute ("date:2024-05-01"), or "" without one."""
    found = _SORT.search(html)
    return found.group(1).decode("utf-8", "replace") if found else ""


def _element_at(html: bytes, begin: int, marker: int) -> tuple[int, int] | None:
    """Where the element whose start tag holds ``marker`` begins and ends, or None if unsure."""
    tag = _START_TAG.match(html, max(begin, 0))
    if begin < 0 or tag is None or tag.end() <= marker:
        return None
    end = _matching_end(html, tag.group(1).lower(), tag.end())
    return (begin, end) if end is not None else None


def _matching_end(html: bytes, name: bytes, position: int) -> int | None:
    """The end of the tag that closes an element ``name`` opened before ``position``.

    Counts nested elements of the same name, skipping comments and the raw text of
    scripts and styles (where a "</div>" is text, not a tag)."""
    tokens = re.compile(rb"<!--.*?-->|<(/?)(" + re.escape(name) + rb"|script|style|textarea)\b" + _ATTRS + rb">", re.IGNORECASE | re.DOTALL)
    depth = 1
    while (token := tokens.search(html, position)) is not None:
        position = token.end()
        if token.group(2) is None:
            continue
        found = token.group(2).lower()
        if found in _RAW_TEXT and found != name:
            position = _after_raw_text(html, found, position, token.group(1))
            if position < 0:
                return None
            continue
        depth += -1 if token.group(1) else 1
        if depth == 0:
            return position
    return None


def _after_raw_text(html: bytes, name: bytes, position: int, closing: bytes) -> int:
    if closing:
        return position
    close = re.compile(rb"</" + name + rb"\b", re.IGNORECASE).search(html, position)
    return close.start() if close else -1
