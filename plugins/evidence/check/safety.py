"""What counts as dangerous in content, and the sanitiser that is the second wall.

First wall: validation refuses raw HTML outside a small safelist, event-handler
attributes (including ones set through ``attr_list``) and links whose scheme can
run code, each with its line. Second wall: every rendered page body goes
through nh3 (the Ammonia sanitiser) with a safelist that keeps the classes and
ids Material's styles rely on.
"""

from __future__ import annotations

import html
import re

import nh3

from ..read.markdown_source import MarkdownSource
from .content_names import OwnNames

# Raw HTML an editor may write: inline, harmless and without a Markdown equivalent.
RAW_HTML_TAGS = frozenset({"abbr", "br", "sub", "sup", "kbd", "small"})
RAW_HTML_ATTRIBUTES = frozenset({"title", "lang"})
ATTR_LIST_KEYS = frozenset({"title", "lang", "dir"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")
_ATTRIBUTE_NAME = re.compile(r"([^\s=\"'/>]+)\s*(?:=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def link_scheme(url: str) -> str | None:
    """The scheme a browser would see, after entities and hidden characters are removed.

    ``jav&#x09;ascript:`` and ``java\\nscript:`` both run as ``javascript:``.
    """
    previous = None
    while previous != url:  # entities can be nested: &amp;#106;
        previous, url = url, html.unescape(url)
    match = _SCHEME.match(_INVISIBLE.sub("", url).lower())
    return match.group(1) if match else None


def unsafe_markup(source: MarkdownSource, links: list | None = None) -> list[tuple[int, str]]:
    """Every dangerous construct in the Markdown, as (line, message): ``links`` are the links and images
    the build's Markdown makes (see ``link_scan``); ``<scheme:...>`` is read whatever it makes."""
    found: list[tuple[int, str]] = []
    for link in [*(links or []), *source.autolinks()]:
        scheme = link_scheme(link.text)
        if scheme and scheme not in SAFE_SCHEMES:
            found.append((link.line, f"link uses '{scheme}:', which is not allowed; use an https:// address"))
    for tag in source.tags():
        found.extend((tag.line, message) for message in _tag_problems(tag.text, tag.detail))
    for attrs in source.attr_lists():
        found.extend((attrs.line, message) for message in _attr_list_problems(attrs.text))
    return sorted(set(found))


def _tag_problems(name: str, attributes: str) -> list[str]:
    if name not in RAW_HTML_TAGS:
        return [f"raw HTML <{name}> is not allowed; write it in Markdown (headings with ##, links with [text](https://...))"]
    bad = [key for key, _ in _attributes(attributes) if key.lower() not in RAW_HTML_ATTRIBUTES]
    return [f"attribute '{key}' on <{name}> is not allowed; only {', '.join(sorted(RAW_HTML_ATTRIBUTES))} may be used" for key in bad]


def _attr_list_problems(text: str) -> list[str]:
    problems = []
    for key, value in _attributes(text):
        if key.startswith((".", "#")):
            continue
        if key.lower() not in ATTR_LIST_KEYS:
            problems.append(f"attribute '{key}' in {{: ... }} is not allowed; only classes (.name), ids (#name) and {', '.join(sorted(ATTR_LIST_KEYS))}")
    return problems


def _attributes(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2) or "") for m in _ATTRIBUTE_NAME.finditer(text) if m.group(1) not in {":"}]


_EXTRA_TAGS = {
    "details", "summary", "figure", "figcaption", "span", "div", "section", "article", "aside", "nav",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "abbr", "sub", "sup", "kbd", "small", "mark",
    "dl", "dt", "dd", "blockquote", "pre", "code", "img", "p", "ul", "ol", "li", "a", "em", "strong", "time",
}
_GENERIC_ATTRIBUTES = {"class", "id", "title", "lang", "dir", "aria-label", "aria-hidden", "role"}
_TAG_ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start", "reversed"},
    "details": {"open"},
    "time": {"datetime"},
}


def sanitize_html(fragment: str, own: OwnNames = OwnNames()) -> str:
    """Clean rendered HTML: keep structure and content classes, drop anything that runs,
    and keep content's ids and classes apart from the page's own (see ``content_names``)."""
    return nh3.clean(
        fragment,
        attribute_filter=own.attribute_filter(fragment),
        tags=set(nh3.ALLOWED_TAGS) | _EXTRA_TAGS,
        attributes={"*": _GENERIC_ATTRIBUTES, **_TAG_ATTRIBUTES},
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
