"""The site's share image: the picture a chat app or email shows beside a pasted link.

Drawn at build time in plain Python (zlib and struct write the PNG), so the
image follows a council's site name and brand colour with no image library
and no renderer: the site's name in a 5x7 bitmap font, large, on the brand
colour, above a rule. 1200x630 is the size Facebook, LinkedIn, Teams and
WhatsApp all crop well.
"""

from __future__ import annotations

import functools

import re
import struct
import textwrap
import zlib

WIDTH, HEIGHT = 1200, 630
SCALE = 12  # one font pixel is 12x12 image pixels: 60x84 letters
MARGIN = 84

# Each glyph: seven rows of five pixels ('#' on). Letters the name lacks are drawn as a box.
FONT = {
    "A": ".###.#...##...#######...##...##...#", "B": "####.#...##...#####.#...##...#####.",
    "C": ".###.#...##....#....#....#...#.###.", "D": "####.#...##...##...##...##...#####.",
    "E": "######....#....####.#....#....#####", "F": "######....#....####.#....#....#....",
    "G": ".###.#...##....#.####...##...#.####", "H": "#...##...##...#######...##...##...#",
    "I": ".###...#....#....#....#....#...###.", "J": "..###...#....#....#....#.#..#..##..",
    "K": "#...##..#.#.#..##...#.#..#..#.#...#", "L": "#....#....#....#....#....#....#####",
    "M": "#...###.###.#.##.#.##...##...##...#", "N": "#...##...###..##.#.##..###...##...#",
    "O": ".###.#...##...##...##...##...#.###.", "P": "####.#...##...#####.#....#....#....",
    "Q": ".###.#...##...##...##.#.##..#..##.#", "R": "####.#...##...#####.#.#..#..#.#...#",
    "S": ".####.....#.....###.....#....#####.", "T": "#####..#....#....#....#....#....#..",
    "U": "#...##...##...##...##...##...#.###.", "V": "#...##...##...##...##...#.#.#...#..",
    "W": "#...##...##...##.#.##.#.##.#.#.#.#.", "X": "#...##...#.#.#...#...#.#.#...##...#",
    "Y": "#...##...#.#.#...#....#....#....#..", "Z": "#####....#...#...#...#...#....#####",
    "0": ".###.#...##..###.#.###..##...#.###.", "1": "..#...##....#....#....#....#...###.",
    "2": ".###.#...#....#...#...#...#...#####", "3": "#####...#...#......#....##...#.###.",
    "4": "...#...##..#.#.#..#.#####...#....#.", "5": "######....####.....#....##...#.###.",
    "6": "..##..#...#....####.#...##...#.###.", "7": "#####....#...#...#...#....#....#...",
    "8": ".###.#...##...#.###.#...##...#.###.", "9": ".###.#...##...#.####....#...#..##..",
    " ": "." * 35, "-": "..........#####....................", ".": "..............................##...",
    "'": "..#....#...#.......................", "&": ".##..#..#.#.#...#...#.#.##..#..##.#",
    ":": "......##...##........##...##.......", ",": "....................##.....#...#...",
}
UNKNOWN = "######...##...##...##...##...######"


@functools.lru_cache(maxsize=4)  # a preview draws it on every rebuild, always the same
def share_png(site_name: str, colour: str = "#00545c") -> bytes:
    """A 1200x630 PNG: the name (upper case, up to three lines) in white on ``colour``."""
    background, white = _rgb(colour), (255, 255, 255)
    rows = [bytearray(bytes(background) * WIDTH) for _ in range(HEIGHT)]
    lines = _lines(site_name.upper())
    top = (HEIGHT - len(lines) * 9 * SCALE) // 2
    for number, line in enumerate(lines):
        _text(rows, line, MARGIN, top + number * 9 * SCALE, white)
    _box(rows, MARGIN, HEIGHT - MARGIN, WIDTH - 2 * MARGIN, SCALE // 2, white)
    return _png(rows)


def _lines(text: str) -> list[str]:
    """As many letters as fit across, on at most three lines; a longer name is cut with an ellipsis."""
    per_line = (WIDTH - 2 * MARGIN) // (6 * SCALE)
    lines = textwrap.wrap(text, per_line) or [""]
    return lines[:3] if len(lines) <= 3 else [*lines[:2], lines[2][: per_line - 3] + "..."]


def _text(rows: list[bytearray], line: str, left: int, top: int, colour: tuple) -> None:
    for index, char in enumerate(line):
        glyph = FONT.get(char, UNKNOWN)
        for cell, on in enumerate(glyph):
            if on == "#":
                x, y = left + (index * 6 + cell % 5) * SCALE, top + (cell // 5) * SCALE
                _box(rows, x, y, SCALE, SCALE, colour)


def _box(rows: list[bytearray], left: int, top: int, width: int, height: int, colour: tuple) -> None:
    span = bytes(colour) * width
    for y in range(top, min(top + height, HEIGHT)):
        rows[y][left * 3 : (left + width) * 3] = span


def _png(rows: list[bytearray]) -> bytes:
    """PNG by the specification: signature, IHDR, one zlib IDAT (filter 0 on every row), IEND."""
    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _rgb(colour: str) -> tuple[int, int, int]:
    """'#00545c' or '#0af'; anything else falls back to the bundled teal."""
    hex_digits = colour.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(d * 2 for d in hex_digits)
    try:
        return tuple(int(hex_digits[i : i + 2], 16) for i in (0, 2, 4)) if len(hex_digits) == 6 else (0, 84, 92)
    except ValueError:
        return (0, 84, 92)


def brand_colour(css: str, default: str = "#00545c") -> str:
    """The primary colour a council set in brand.css, so the share image matches the site's header."""
    found = re.search(r"--md-primary-fg-color\s*:\s*(#[0-9a-fA-F]{3,6})\s*;", css)
    return found.group(1) if found else default


def alt_text(site_name: str) -> str:
    """Concatenated, not formatted: an already escaped name (``Markup``) stays escaped once, not twice."""
    return site_name + ": the name in white capital letters on the site's colour"
