"""QR codes for printed sheets: a phone camera gets from a noticeboard flyer to the page.

segno writes the SVG in plain Python, so the code prints sharp at any size
and the build needs no image tool. The printed address always sits beside
it, for readers without a camera app (and so the code is never the only way).

A summary's code is printed only on its flyer, which only print.js prints, so
it is a file beside the page (``qr.svg``) that the script loads when the flyer
is asked for: 2 KB that no reader of the page on screen downloads. Practice
week packs and reading paths, which are printed as they are, keep theirs inline.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

import segno
from markupsafe import Markup

from ..read import routes
from ..read.site_identity import SiteIdentity
from . import qr_speed  # noqa: F401  (segno masks whole rows at once: see there)
from .precomputed import Precomputed

FILE_NAME = "qr.svg"


def qr_svg(address: str) -> Markup:
    """An inline SVG of ``address``, as safe HTML for the templates."""
    return Markup(DRAWN(address))


def draw(address: str) -> str:
    """The SVG (medium error correction survives a crease or a pin hole). Choosing the
    mask takes most of segno's time, so ``prerender`` draws every summary's code ahead."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=2, svgclass="ev-qr__code", lineclass=None, omitsize=True)
    label = escape(f"QR code for {address}")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


DRAWN = Precomputed("qr-codes", draw, ("segno",))


def code_files(page_sources: Iterable[str], site: SiteIdentity) -> list[tuple[str, str]]:
    """(file path, address) of the code beside each page; none without a site_url, as there is no address to encode."""
    return [(routes.url_of(src) + FILE_NAME, address) for src in page_sources if (address := site.absolute(routes.url_of(src)))]


def code_file(address: str) -> str:
    """The code as a file of its own: an SVG image needs its namespace, which inline SVG in HTML may leave out."""
    return DRAWN(address).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
