"""The site navigation, rendered once per output folder instead of once per page.

Material renders the whole navigation tree for every page, and at thousands of
summaries that is a large share of the build. For a page that is not in the
navigation nothing in the tree is active, and every link in it is relative to
the page's folder, so every such page in one folder (all of ``research/``, all
of ``browse/topic/``) gets exactly the same HTML. ``main.html`` asks this cache
before including ``partials/nav.html``; pages in the navigation (the tree marks
them and shows their table of contents) are always rendered in full.

The equivalence rests on Material's templates: ``MATERIAL_VERSION`` is the
version that was checked, and tests/test_shell.py builds every page kind with
and without the cache and fails on any other installed version.
"""

from __future__ import annotations

import posixpath

from markupsafe import Markup

MATERIAL_VERSION = "9.8.1"
ENABLED = True  # tests switch it off to build the same site the slow way and compare


class NavCache:
    """Folder -> rendered navigation, for one build."""

    def __init__(self, nav_pages=()) -> None:
        self.in_nav = {id(page) for page in nav_pages}
        self.parts: dict[str, Markup] = {}

    def key(self, page) -> str | None:
        """The page's folder, or None when the page is in the navigation (its tree is its own)."""
        if not ENABLED or page is None or id(page) in self.in_nav or page.url is None:
            return None
        return posixpath.dirname(page.url.rstrip("/")) + "/"

    def outside(self, page) -> bool:
        """A page the navigation does not list: no section is open on it, so each is drawn as one link
        (a third of the navigation's HTML on every summary, browse and standard page)."""
        return page is not None and id(page) not in self.in_nav

    def has(self, key: str | None) -> bool:
        return key is not None and key in self.parts

    def get(self, key: str) -> Markup:
        return self.parts[key]

    def keep(self, key: str | None, html: str) -> Markup:
        """Store what the theme rendered (when the page may share it) and hand it back for the page."""
        rendered = Markup(html)
        if key is not None:
            self.parts[key] = rendered
        return rendered
