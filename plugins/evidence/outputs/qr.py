"""QR codes for printed sheets: a phone camera gets from a noticeboard flyer to the page.

segno writes the SVG in plain Python, so the code prints sharp at any size
and the build needs no image tool. The printed address always sits beside
it, for readers without a camera app (and so the code is never the only way).
"""

from __future__ import annotations

from html import escape

import segno
from markupsafe import Markup

from .precomputed import Precomputed


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
