"""Every link to a place on a page lands on an element that exists, and every page can be skipped into.

Read from the built HTML (no browser): a fragment that names no id scrolls
nowhere, and a skip link to nothing fails WCAG 2.4.1. Checked on every page of
the bundled site, so a new template or page kind is covered without a new test.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


class _Anchors(HTMLParser):
    """The ids on a page and the fragments its links point at (with the skip link's class)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (href, class)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(key):
                self.ids.add(attributes[key])
        if tag == "a" and "#" in (attributes.get("href") or ""):
            self.links.append((attributes["href"], attributes.get("class") or ""))


def _read(page: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _target(site: Path, page: Path, href: str) -> Path | None:
    """The built file a same-site link with a fragment opens (None for other sites)."""
    url = urlparse(href)
    if url.scheme or url.netloc:
        return None
    if not url.path:
        return page
    base = "/" + page.relative_to(site).as_posix()
    path = unquote(urljoin(base, url.path)).lstrip("/")
    target = site / path
    return target / "index.html" if target.is_dir() else target


def test_every_fragment_link_lands_on_an_element(bundled_site: Path):
    pages = {page: _read(page) for page in bundled_site.rglob("*.html") if page.name != "404.html"}
    broken = []
    for page, anchors in pages.items():
        for href, _ in anchors.links:
            target = _target(bundled_site, page, href)
            fragment = unquote(href.split("#", 1)[1])
            if target is None or not fragment or target not in pages:
                continue
            if fragment not in pages[target].ids:
                broken.append(f"{page.relative_to(bundled_site)}: {href} (no element with id {fragment!r})")
    assert broken == []


def test_every_page_has_one_skip_link_to_its_main_content(bundled_site: Path):
    problems = []
    for page in sorted(bundled_site.rglob("*.html")):
        anchors = _read(page)
        skips = [href for href, cls in anchors.links if any("skip" in name for name in cls.split())]
        name = page.relative_to(bundled_site)
        if len(skips) != 1:
            problems.append(f"{name}: {len(skips)} skip links {skips}")
        elif skips[0].split("#", 1)[1] not in anchors.ids:
            problems.append(f"{name}: skip link {skips[0]} points at nothing")
    assert problems == []
