"""Workarounds for segno's module-by-module masking; the codes drawn stay exactly the same.

segno tries all eight mask patterns on every code to keep the best (ISO/IEC 18004
7.8.3): it applies each one, then scores it, a module at a time in Python
(``apply_mask`` and ``mask_scores`` in https://github.com/heuer/segno/blob/master/segno/encoder.py),
which is most of drawing a summary's code. Which modules a pattern flips depends
only on the symbol's size, so it is worked out once per size and pattern, and a
row is then flipped in one XOR of two integers; the scores are counted over whole
rows and columns by big-integer and ``bytes`` operations. ``tests/test_qr_speed.py`` draws varied
codes with and without them, in a process that never loaded them, and compares
the scores of random matrices too. They replace segno's own functions, so they
are installed only for the segno release they were checked against: any other
release runs segno unchanged (slower, never wrong) and that test fails, asking
for the check to be repeated.
"""

from __future__ import annotations

from typing import Callable

import segno
from segno import encoder

CHECKED_WITH = "1.6.6"  # the segno release whose encoder these were compared against

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


_APART = b"\xfe"  # between lines: no module holds it (0x0 light, 0x1 dark, 0x2 not set yet)
_ZERO_IS_SAME = bytes([1]) + bytes(255)  # a byte XOR the one before: 0x01 where they were alike, else 0x00
_N3_PATTERN = bytes((0x1, 0x0, 0x1, 0x1, 0x1, 0x0, 0x1))


def mask_scores(matrix, width, height) -> tuple[int, int, int, int]:
    """segno's (N1, N2, N3, N4) penalties of a masked matrix, from whole rows and columns."""
    assert width == height
    rows = [bytes(row) for row in matrix]
    lines = rows + [bytes(column) for column in zip(*rows)]
    n1 = _runs(lines)
    n2 = 3 * _blocks(rows, width)
    n3 = sum(_n3_occurrences(line, width) for line in lines)
    percent = float(sum(map(sum, rows))) / (width**2)
    return n1, n2, n3, 10 * int(abs(percent * 100 - 50) / 5)


def _runs(lines: list[bytes]) -> int:
    """N1: each run of five or more alike scores its length less two. The lines are joined by a byte no
    module holds, so no run crosses from one to the next, and read as one integer, a byte per module:
    XOR with itself a byte along marks each module like the one before it, and a mark on four in a row
    is a module ending a run of five or more. A run of length n holds n - 4 such ends and scores n - 2:
    the ends, plus two for each first end of a run. Big-integer operations do the scanning."""
    joined = _APART + _APART.join(lines)
    number = int.from_bytes(joined, "big")
    same = int.from_bytes((number ^ (number >> 8)).to_bytes(len(joined), "big").translate(_ZERO_IS_SAME), "big")
    ends = same & (same >> 8) & (same >> 16) & (same >> 24)
    return ends.bit_count() + 2 * (ends & ~(ends >> 8)).bit_count()


def _blocks(rows: list[bytes], width: int) -> int:
    """2x2 blocks alike ending at each column but the first: a zero byte where neither of two rows changes
    from the column before and the rows agree (XOR and OR work byte by byte, without carries). Every row
    but the last and every row but the first are read as two integers, so each row meets the one below it
    in one pass; a row's first column (there compared with the end of the row before) is not counted."""
    above, below = b"".join(rows[:-1]), b"".join(rows[1:])
    a, b = int.from_bytes(above, "big"), int.from_bytes(below, "big")
    differ = ((a ^ (a >> 8)) | (b ^ (b >> 8)) | (a ^ b)).to_bytes(len(above), "big")
    return differ.count(0) - differ[::width].count(0)


def _n3_occurrences(seq: bytes, qr_size: int) -> int:
    """segno's N3 count of one row or column, as segno writes it (its inner ``n3_pattern_occurrences``)."""
    count = 0
    idx = seq.find(_N3_PATTERN)
    while idx != -1:
        offset = idx + 7
        if idx in (0, qr_size - 7) or not any(seq[max(idx - 4, 0) : min(idx, qr_size)]) or not any(seq[max(offset, 0) : min(offset + 4, qr_size)]):
            count += 40
        else:
            offset = idx + 4
        idx = seq.find(_N3_PATTERN, offset)
    return count


if segno.__version__ == CHECKED_WITH:
    encoder.apply_mask = apply_mask
    encoder.mask_scores = mask_scores
