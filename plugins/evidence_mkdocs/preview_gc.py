"""The preview's garbage collection, moved off the path from a save to the reload.

A rebuild makes tens of thousands of objects (files, pages, navigation), and
CPython's full collections walk everything alive, the library and its caches
included: a tenth of a rebuild at 1,000 summaries. Under ``serve`` what a build
leaves alive is frozen (``gc.freeze``: collections pass it over), and a moment
after the build, once the browser has had its reload, the garbage earlier builds
left (MkDocs' pages and files refer to each other, so only a collection frees
them) is collected and the survivors frozen again.
"""

from __future__ import annotations

import gc
import threading

DELAY = 1.0  # seconds after a build: the reload and the page it fetches come first


class Collector:
    """Freezes after each build and collects a moment later; ``stop`` leaves the collector as it found it."""

    def __init__(self) -> None:
        self.timer: threading.Timer | None = None

    def after_build(self) -> None:
        gc.freeze()
        self._cancel()
        self.timer = threading.Timer(DELAY, _tidy)
        self.timer.daemon = True
        self.timer.start()

    def stop(self) -> None:
        self._cancel()
        gc.unfreeze()

    def _cancel(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer.join()
            self.timer = None


def _tidy() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()
