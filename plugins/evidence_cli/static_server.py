"""A built site served on 127.0.0.1, for Chromium to open: the search bench and the browser tests.

A real HTTP server, not file://, because directory URLs must resolve to
index.html, and module scripts, Pagefind's worker and its WebAssembly do not
load from file://. Types are set here rather than guessed from the machine's
MIME table, which may lack Pagefind's own extensions or (on Windows, from the
registry) call .js text/plain, which browsers refuse for module scripts.

A site whose ``site_url`` has a path (``https://council.example/evidence/``)
is served under that path, as its web server will serve it, so root-relative
links that would break there break here too.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

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
    prefix = "/"  # the path the site lives under, with both slashes

    def translate_path(self, path: str) -> str:
        """Files exist only under the prefix; anything else maps to a name no folder holds."""
        route = urlsplit(path).path
        if not route.startswith(self.prefix):
            return str(Path(self.directory) / "..." / "outside-the-site")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_head(self):
        """The prefix without its slash redirects to the site's home, as web servers do for folders."""
        if urlsplit(self.path).path == self.prefix.rstrip("/") and self.prefix != "/":
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.end_headers()
            return None
        return super().send_head()

    def log_message(self, format, *args):  # noqa: A002 - signature from the standard library
        """No access log: it would bury test and bench output."""


class _GzipHandler(_Handler):
    """Text compressed as hosts send it (hosting/nginx.conf has ``gzip on``), for Lighthouse, which
    weighs what crosses the wire. Pagefind's files and images are compressed already."""

    compressed = (".html", ".css", ".js", ".json", ".svg", ".xml")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() and urlsplit(self.path).path.endswith("/") else path
        if path.suffix not in self.compressed or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve_folder(folder: Path, prefix: str = "/", compress: bool = False) -> Iterator[str]:
    """Serve ``folder`` under ``prefix`` (``Settings.site_path``) on a free port of 127.0.0.1
    and yield the site's base URL, without a trailing slash. ``compress`` gzips text."""
    handler = type("Handler", (_GzipHandler if compress else _Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
