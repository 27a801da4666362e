"""The preview's collector (evidence_mkdocs/preview_gc.py) freezes what a build leaves and, stopped, leaves the process as it was."""

from __future__ import annotations

import gc
import threading

from evidence_mkdocs.preview_gc import Collector


def test_a_stopped_collector_leaves_nothing_frozen_and_no_thread():
    collector = Collector()
    before = threading.active_count()
    collector.after_build()
    assert gc.get_freeze_count() > 0, "what the build left alive is passed over by collections"
    collector.stop()
    assert gc.get_freeze_count() == 0, "collections see every object again once the preview stops"
    assert threading.active_count() == before, "no timer outlives the preview"
