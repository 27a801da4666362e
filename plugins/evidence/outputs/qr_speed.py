"""Workaround for segno's module-by-module masking; the codes drawn stay exactly the same.

segno tries all eight mask patterns on every code to keep the best (ISO/IEC 18004
7.8.3), and applies each one a module at a time, with two Python calls per module
(``apply_mask`` in https://github.com/heuer/segno/blob/master/segno/encoder.py):
almost half of drawing a summary's code. Which modules a pattern flips depends
only on the symbol's size, so it is worked out once per size and pattern, and a
row is then flipped in one XOR of two integers. ``tests/test_qr_speed.py`` draws
varied codes with and without it, in a process that never loaded it, and compares.
"""

from __future__ import annotations

from typing import Callable

from segno import encoder

# (pattern's code, width, height) -> per row, the modules it flips as one big-endian integer (0x01 per flipped module).
# Keyed by code object: segno makes new pattern functions on every call, always from the same code.
_FLIPS: dict[tuple, list[int]] = {}


def _flips(pattern: Callable[[int, int], bool], width: int, height: int, is_encoding_region: Callable[[int, int], bool]) -> list[int]:
    key = (pattern.__code__, width, height)
    rows = _FLIPS.get(key)
    if rows is None:
        rows = _FLIPS[key] = [
            int.from_bytes(bytes(int(bool(is_encoding_region(i, j) and pattern(i, j))) for j in range(width)), "big") for i in range(height)
        ]
    return rows


def apply_mask(matrix, mask_pattern, width, height, is_encoding_region) -> None:
    """segno's ``apply_mask``: XOR the pattern into the encoding region, row by row. XOR never carries
    between bytes, so one integer XOR flips exactly the modules segno's loop would."""
    for row, flips in zip(matrix, _flips(mask_pattern, width, height, is_encoding_region)):
        if flips:
            row[:] = (int.from_bytes(row, "big") ^ flips).to_bytes(width, "big")


encoder.apply_mask = apply_mask
