"""The segno speed workaround changes nothing a reader sees: the same addresses, drawn by plain
segno in a process that never loaded it, give the same codes, whatever the size or mask chosen."""

from __future__ import annotations

import json
import subprocess
import sys

PLAIN = """
import json, sys
import segno
out = []
for address, error, micro in json.loads(sys.stdin.read()):
    code = segno.make(address, error=error, micro=micro)
    out.append([code.designator, code.mask, code.svg_inline(scale=1, border=2)])
print(json.dumps(out))
"""


def inputs() -> list[tuple[str, str, bool]]:
    """Addresses short to long (micro codes and versions 1 to 10 or so), every error level, so every mask gets chosen."""
    found = [(f"https://example.org/{'research/' * n}study-{n:03d}/", error, False) for n in range(12) for error in "lmqh"]
    found += [(str(n), "l", True) for n in (1, 12345, 1234567)] + [("Talking mats", "m", None)]
    return found


def test_codes_are_the_ones_plain_segno_draws():
    from evidence.outputs import qr  # noqa: F401  (loads the workaround)
    import segno

    cases = inputs()
    ours = []
    for address, error, micro in cases:
        code = segno.make(address, error=error, micro=micro)
        ours.append([code.designator, code.mask, code.svg_inline(scale=1, border=2)])
    plain = subprocess.run([sys.executable, "-c", PLAIN], input=json.dumps(cases), capture_output=True, text=True, check=True)
    assert ours == json.loads(plain.stdout)
    assert len({mask for _, mask, _ in ours}) == 8, "every mask pattern was chosen at least once"


SCORES = """
import json, sys
from segno import encoder
print(json.dumps([list(encoder.mask_scores([bytearray(row) for row in matrix], len(matrix), len(matrix))) for matrix in json.loads(sys.stdin.read())]))
"""


def test_mask_penalties_are_plain_segno_s():
    """Random matrices of every size a code can have, including long runs, 1:1:3:1:1 patterns at the edges and solid blocks."""
    import random

    from segno import encoder

    from evidence.outputs import qr_speed

    rng = random.Random(7)
    matrices = []
    for size in [*range(21, 178, 4), 11, 13, 15, 17]:
        dark = rng.choice([0.1, 0.5, 0.9])
        matrices.append([[int(rng.random() < dark) for _ in range(size)] for _ in range(size)])
    matrices.append([[0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1, 0] for _ in range(21)])
    matrices.append([[1] * 21 for _ in range(21)])
    matrices += [[[rng.choice([0, 1, 2]) for _ in range(25)] for _ in range(25)] for _ in range(3)]  # segno's "not set yet" 0x2
    assert encoder.mask_scores is qr_speed.mask_scores, "segno is not the release the workarounds were checked with: compare again, then update CHECKED_WITH"
    ours = [list(qr_speed.mask_scores([bytearray(row) for row in m], len(m), len(m))) for m in matrices]
    plain = subprocess.run([sys.executable, "-c", SCORES], input=json.dumps(matrices), capture_output=True, text=True, check=True)
    assert ours == json.loads(plain.stdout)
