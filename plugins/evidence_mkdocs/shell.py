"""The theme's shell and our repeated fragments, rendered once and reused instead of once per page.

Material renders the whole page around the content for every page: the
navigation tree, the header, the footer, the scripts and its configuration,
and at thousands of summaries that is a large share of the build. For a page
that is not in the navigation nothing in the tree is active, there is no
previous or next page, and every link is relative to the page's folder, so
every such page in one folder (all of ``research/``, all of ``browse/topic/``)
in one language gets exactly the same HTML for each of those parts.
``main.html`` and ``partials/header.html`` ask this cache for them (the
``shell_part`` macro); what differs per page (title, description, canonical
link, table of contents, content) is rendered around them as before. Pages in
the navigation are always rendered in full.

Our own fragments repeat too: a summary card is the same on every list that
shows it (keyed by the address its link resolves to on the page), and a
vocabulary term's link is the same on every page of a folder.

The equivalence rests on Material's templates: ``MATERIAL_VERSION`` is the
version that was checked, and tests/test_shell.py builds every page kind with
and without the cache and fails on any other installed version.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable

from markupsafe import Markup

from evidence.read import routes

MATERIAL_VERSION = "9.8.1"
ENABLED = True  # tests switch it off to build the same site the slow way and compare


class NavCache:
    """Rendered parts of pages, by folder (and language, and fragment), for one build."""

    def __init__(self, nav_pages=()) -> None:
        self.in_nav = {id(page) for page in nav_pages}
        # Pages the shell links to (the home and search pages, the navigation's, in each language): a link to
        # a page's own address reads differently on that page, so theirs is never shared.
        self.linked = {"", "search/"} | {page.url for page in nav_pages if page.url is not None}
        self.parts: dict[Hashable, Markup] = {}
        self.safe: dict[tuple, bool] = {}  # term key -> whether its link may be shared by its folder
        self.held: dict[int, object] = {}  # objects whose id() is in a key stay alive, so no id is reused

    def key(self, page) -> str | None:
        """The page's folder, or None when the page is in the navigation (its tree is its own)."""
        if not ENABLED or page is None or id(page) in self.in_nav or page.url is None:
            return None
        return posixpath.dirname(page.url.rstrip("/")) + "/"

    def outside(self, page) -> bool:
        """A page the navigation does not list: no section is open on it, so each is drawn as one link
        (a third of the navigation's HTML on every summary, browse and standard page)."""
        return page is not None and id(page) not in self.in_nav

    def has(self, key: Hashable | None) -> bool:
        return key is not None and key in self.parts

    def get(self, key: Hashable) -> Markup:
        return self.parts[key]

    def keep(self, key: Hashable | None, html: str) -> Markup:
        """Store what the theme rendered (when the page may share it) and hand it back for the page."""
        rendered = Markup(html)
        if key is not None:
            self.parts[key] = rendered
        return rendered

    def found(self, key: Hashable | None) -> Markup | None:
        """The part stored under ``key``, or None: a template draws it then and keeps it."""
        return None if key is None else self.parts.get(key)

    def part(self, key: Hashable | None, render: Callable[[], str]) -> Markup:
        """The part stored under ``key``, rendered by ``render`` (a Jinja caller) the first time only."""
        if key is None:
            return Markup(render())
        if key not in self.parts:
            self.parts[key] = Markup(render())
        return self.parts[key]

    def shell_key(self, name: str, page, i18n=None) -> tuple | None:
        """A part of the theme's shell on a page outside the navigation: the same for its folder and language
        (the theme's words and the search box follow the page's language)."""
        folder = self.key(page)
        prefix = getattr(i18n, "prefix", "") if i18n else ""
        if folder is None or page.url.removeprefix(prefix) in self.linked:
            return None
        return name, folder, getattr(i18n, "language", "") if i18n else ""

    def term_key(self, page, library, field: str, vocabulary: str, id: str, filter: bool) -> tuple | None:
        """A vocabulary term as ``ev.term`` draws it (a link to its browse page when its field is a facet):
        the same on every page of a folder outside the navigation, except a link into the folder itself,
        which reads differently on each page and is not shared."""
        folder = self.key(page)
        if folder is None:
            return None
        key = (folder, "term", field, vocabulary, id, filter)
        if key not in self.safe:
            facet = library.facet_for_field(field)
            target = routes.url_of(routes.facet_value(facet.name, id)) if facet else ""
            self.safe[key] = not target.startswith(folder.lstrip("/"))
        return key if self.safe[key] else None

    def card_key(self, item, *parts: Hashable) -> tuple | None:
        """A card for ``item`` (a summary) with everything else it shows in ``parts``, its link included."""
        if not ENABLED:
            return None
        self.held[id(item)] = item
        return ("card", id(item), *parts)
