"""A council's brand colours: checked against WCAG 2.2 AA, then written as the theme's CSS properties.

Contrast is computed as WCAG defines it (relative luminance of sRGB colours,
https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), so a palette that would make
text hard to read is a located error at build time, naming the pair and its
ratio, rather than something a browser test finds later or a reader finds first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

AA_TEXT = 4.5  # WCAG 2.2 success criterion 1.4.3, normal-size text

# The colours brand.css ships with (section 1): a council's palette is checked
# against these wherever it leaves one out.
DEFAULTS = {
    "header": "#00545c",
    "header_text": "#ffffff",
    "link": "#00545c",
    "accent": "#003078",
    "footer": "#00363b",
    "footer_text": "#ffffff",
}
PAGE = "#ffffff"  # the page background behind body text and links

# (foreground, background, what a reader would see): every pair that carries text.
PAIRS = [
    ("header_text", "header", "header text on the header"),
    ("link", None, "links on the page"),
    ("accent", None, "links under the pointer or in focus"),
    ("footer_text", "footer", "footer text on the footer"),
]

# The theme's custom properties each setting becomes (brand.css section 1 uses the same names).
PROPERTIES = {
    "header": ["--md-primary-fg-color", "--md-primary-fg-color--light", "--md-primary-fg-color--dark"],
    "header_text": ["--md-primary-bg-color"],
    "link": ["--md-typeset-a-color"],
    "accent": ["--md-accent-fg-color"],
    "footer": ["--md-footer-bg-color", "--md-footer-bg-color--dark"],
    "footer_text": ["--md-footer-fg-color", "--md-footer-fg-color--light", "--md-footer-fg-color--lighter"],
}


def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour, per WCAG 2.2."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Failure:
    """One pair of colours too close for text: which setting to change, and by how much it falls short."""

    setting: str
    foreground: str
    background: str
    seen_as: str
    ratio: float

    @property
    def message(self) -> str:
        shown = math.floor(self.ratio * 100) / 100  # never round a failing ratio up to a passing one
        return (
            f"'colours.{self.setting}': {self.seen_as} ({self.foreground} on {self.background}) has a contrast ratio of "
            f"{shown:.2f}:1; WCAG 2.2 AA needs at least {AA_TEXT}:1 for text: make one of the two colours darker or lighter"
        )


def failures(colours: dict[str, str]) -> list[Failure]:
    """Every text pair below AA, judged on the council's colours with the defaults filling the gaps."""
    chosen = {**DEFAULTS, **{k: v.lower() for k, v in colours.items()}}
    found = []
    for fg, bg, seen_as in PAIRS:
        background = chosen[bg] if bg else PAGE
        ratio = contrast(chosen[fg], background)
        if ratio < AA_TEXT:
            setting = fg if fg in colours or not bg or bg not in colours else bg
            found.append(Failure(setting, chosen[fg], background, seen_as, ratio))
    return found


def css(colours: dict[str, str]) -> str:
    """The council's colours as the theme's custom properties, loaded after brand.css so they win."""
    lines = [f"  {prop}: {value};" for name, value in colours.items() for prop in PROPERTIES.get(name, [])]
    if not lines:
        return ""
    return ":root,\n[data-md-color-scheme=\"default\"] {\n" + "\n".join(lines) + "\n}\n"
