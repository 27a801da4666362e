"""``python3 build.py test``: the whole suite under pytest, in this (bootstrapped) environment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test(root: Path, extra: list[str]) -> int:
    return subprocess.run([sys.executable, "-m", "pytest", *extra], cwd=root).returncode
