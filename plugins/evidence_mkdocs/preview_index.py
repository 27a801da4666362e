"""The preview's search index: built in a child process after each rebuild, stopped by the next save.

Indexing the whole site takes longer than rebuilding the pages an edit changed.
Under ``serve`` it therefore runs after the rebuild, once the browser has had
its reload, in a process of its own at low priority: its Python work (copying
the indexed pages for Pagefind) does not hold this process's interpreter, and
the next save can end it with Pagefind at once (its index would describe the
site before that save) instead of waiting for it.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Callable

from evidence.outputs.search_index import IndexPlan

log = logging.getLogger("mkdocs.plugins.pagefind")

# Seconds between the rebuild and the index starting: the browser's reload is served first, not beside Pagefind.
DELAY = 0.5
_CHILD = """\
import json, os, pickle, sys
sys.path.insert(0, sys.argv[1])
os.nice(10)
from evidence.outputs.search_index import SearchIndexError, build_index
try:
    print(json.dumps(build_index(pickle.load(sys.stdin.buffer))))
except SearchIndexError as exc:
    sys.exit(str(exc))
"""


class BackgroundIndex:
    """One index of the preview; ``stop`` ends it early and returns once it has ended."""

    def __init__(self, plan: IndexPlan, done: Callable[[dict[str, int]], None]) -> None:
        self.stopped = threading.Event()
        self.lock = threading.Lock()  # the child is started and stopped under it, so a stop never misses it
        self.child: subprocess.Popen | None = None
        self.thread = threading.Thread(target=self._run, args=(plan, done), daemon=True)
        self.thread.start()

    def _run(self, plan: IndexPlan, done: Callable[[dict[str, int]], None]) -> None:
        """In the preview a failed index is a message, not a stopped server; a stopped one is neither."""
        if self.stopped.wait(DELAY):
            return
        with self.lock:
            if self.stopped.is_set():
                return
            self.child = subprocess.Popen([sys.executable, "-c", _CHILD, str(Path(__file__).parents[1])], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        stdout, stderr = self.child.communicate(pickle.dumps(plan))
        if self.stopped.is_set():
            return
        if self.child.returncode != 0:
            log.error("Search index not refreshed: %s", stderr.decode("utf-8", "replace").strip())
            return
        done(json.loads(stdout))

    def stop(self) -> None:
        with self.lock:
            self.stopped.set()
            if self.child is not None and self.child.poll() is None:
                os.killpg(self.child.pid, signal.SIGTERM)  # the child and the Pagefind it runs
        self.thread.join()
