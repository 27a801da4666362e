"""A function a worker process can import by name (tests put this folder on its path): instant,
except for keys that say "slow", which never finish in a test's time."""

from __future__ import annotations

import time


def answer(key: str) -> str:
    if key.startswith("slow"):
        time.sleep(600)
    return key.upper()
