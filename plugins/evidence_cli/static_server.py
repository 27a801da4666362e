"""A built site served on 127.0.0.1, for Chromium to open: the search bench and the browser tests.

A real HTTP server, not file://, because directory URLs must resolve to
index.html, and module scripts, Pagefind's worker and its WebAssembly do not
load from file://. Types are set here rather than guessed from the machine's
MIME table, which may lack Pagefind's own extensions or (on Windows, from the
registry) call .js text/plain, which browsers refuse for module scripts.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    # Pagefind's index: compressed binary chunks it fetches and unpacks itself
    # (its WebAssembly is named wasm.<language>.pagefind).
    ".pagefind": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
}


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, format, *args):  # noqa: A002 - signature from the standard library
        """No access log: it would bury test and bench output."""


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1 and yield its base URL, without a trailing slash."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
