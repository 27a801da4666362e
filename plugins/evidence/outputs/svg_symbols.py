"""Icons drawn once per page and reused.

The header shows the search icon three times (a link without script, a button
with it, the box's own button) and the logo twice (header and navigation
drawer): about 1.4 KB of the same paths on every page. Each is drawn once as a
``<symbol>`` in the page's header and shown elsewhere with ``<use>``. An icon
that is not a plain ``<svg>`` file (a copy's own, written some other way) is
left inline, as Material would show it.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

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
    """The icon as a symbol for the page's sprite (nothing when it cannot be one: ``use`` then shows it inline)."""
    parts = _parts(svg)
    return Markup(f'<symbol id="ev-icon-{escape(name)}"{parts[0]}>{parts[1]}</symbol>') if parts else Markup("")


def use(svg: str, name: str) -> Markup:
    """The icon where it is shown: a reference to its symbol, sized by the same viewBox."""
    parts = _parts(svg)
    return Markup(f'<svg{parts[0]}><use href="#ev-icon-{escape(name)}"/></svg>') if parts else Markup(svg)
