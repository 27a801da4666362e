"""QR codes for printed sheets: a phone camera gets from a noticeboard flyer to the page.

segno writes the SVG in plain Python, so the code prints sharp at any size
and the build needs no image tool. The printed address always sits beside
it, for readers without a camera app (and so the code is never the only way).
"""

from __future__ import annotations

from html import escape

import segno
from markupsafe import Markup


def qr_svg(address: str) -> Markup:
    """An inline SVG of ``address`` (medium error correction survives a crease or a pin hole)."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=2, svgclass="ev-qr__code", lineclass=None, omitsize=True)
    label = escape(f"QR code for {address}")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return Markup(svg)
