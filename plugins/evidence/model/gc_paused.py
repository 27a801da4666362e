"""Loading without Python's cycle collector running: it was a third of a warm check.

Loading 10,000 summaries makes about a million long-lived objects (parsed
data, line maps, problems, the read cache's entries) and almost no cyclic
garbage. Python's collector runs every 700 new objects and, on the way, keeps
walking everything that survived earlier runs: at 10,000 summaries that was
1.2 of 3.6 s in a warm check (unpickling the cache alone went from 0.35 to
1.1 s). Reference counting still frees everything as usual while the collector
waits; it runs again, as before, once loading is over.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The collector off for the block, then back as the caller had it (nested calls keep it off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
