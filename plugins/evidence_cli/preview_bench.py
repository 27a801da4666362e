"""The preview figure for ``python3 build.py bench``: how long an editor waits to see a saved edit.

A real ``serve`` in a child process over the bench's corpus: once it answers,
one summary's title is changed on disk, and the clock runs until the page,
fetched over HTTP as the browser would after its reload, shows the new title.
Figures, not tests.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

_SERVE = "import sys; from pathlib import Path; from evidence_cli.serve import serve; serve(Path(sys.argv[1]), sys.argv[2])"
FIRST_BUILD_LIMIT = 1800  # seconds: give up on a preview that never starts
REQUEST_LIMIT = 600  # the server holds a request while it rebuilds, so one request may wait for a whole build


def reload_seconds(project: Path) -> float | None:
    """Seconds from saving an edited summary to the edit being served; None if the preview never started."""
    summary = sorted((project / "research_summaries").glob("*.md"))[0]
    child, server = _start(project)
    page = f"{server}/research/{summary.stem}/"
    try:
        if not _wait(page, lambda text: text is not None, FIRST_BUILD_LIMIT):
            return None
        time.sleep(2)  # let the watcher settle after the first build
        text = summary.read_text(encoding="utf-8")
        marker = "Edited while previewing"
        started = time.perf_counter()
        summary.write_text(text.replace("title: ", f"title: {marker} ", 1), encoding="utf-8")
        shown = _wait(page, lambda body: body is not None and marker in body, FIRST_BUILD_LIMIT)
        return time.perf_counter() - started if shown else None
    finally:
        child.terminate()
        child.communicate(timeout=120)


def _start(project: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parents[1]), os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen([sys.executable, "-c", _SERVE, str(project), f"127.0.0.1:{port}"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return child, f"http://127.0.0.1:{port}"


def _wait(url: str, done, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if done(_page(url)):
            return True
        time.sleep(0.05)
    return False


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_LIMIT) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None

