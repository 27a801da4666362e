"""Icons drawn once for the whole site and shown by reference.

The header shows the search icon three times (a link without script, a button
with it, the box's own button) and the logo twice (header and navigation
drawer), and every page has the menu, close and back-to-top icons: 1.5 KB of
the same paths on every page. Each is drawn once, as a ``<symbol>`` in one
file for the whole site (``SPRITE``, rendered from the theme's icons by the
template of that name), which the browser fetches once and keeps; a page shows
each icon with ``<use>`` pointing into it. An icon that is not a plain
``<svg>`` file (a copy's own, written some other way) is left inline, as
Material would show it.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

SPRITE = "assets/images/icons.svg"  # a template in overrides/, rendered to the same path in the site

_SVG = re.compile(r"\s*<svg\b([^>]*)>(.*)</svg>\s*\Z", re.S)
_VIEW_BOX = re.compile(r'\bviewBox="([^"]*)"')


def _parts(svg: str) -> tuple[str, str] | None:
    """(the viewBox attribute, or nothing; the drawing) of an icon file, or None when it is not one plain <svg>."""
    found = _SVG.match(str(svg))
    if not found:
        return None
    box = _VIEW_BOX.search(found.group(1))
    return (f' viewBox="{escape(box.group(1))}"' if box else ""), found.group(2)


def symbol(svg: str, name: str) -> Markup:
    """The icon as a symbol for the sprite (nothing when it cannot be one: ``use`` then shows it inline)."""
    parts = _parts(svg)
    return Markup(f'<symbol id="ev-icon-{escape(name)}"{parts[0]}>{parts[1]}</symbol>') if parts else Markup("")


def use(svg: str, name: str, sprite: str = "") -> Markup:
    """The icon where it is shown: a reference to its symbol in ``sprite`` (the sprite's address from the
    page; empty for a symbol on the page itself), sized by the same viewBox."""
    parts = _parts(svg)
    return Markup(f'<svg{parts[0]}><use href="{escape(sprite)}#ev-icon-{escape(name)}"/></svg>') if parts else Markup(svg)
