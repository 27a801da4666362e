"""``python3 build.py serve``: MkDocs' live-reloading preview (the plugin watches summaries and data).

The address is checked before MkDocs starts, so a typing mistake or a port
another program holds gets one line with the fix instead of a traceback.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import socket
import sys
from pathlib import Path

from evidence.read.problems import printable

DEFAULT = "127.0.0.1:8000"


def serve(root: Path, dev_addr: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .site_build import _quiet_logging

    problem = address_problem(dev_addr)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    _quiet_logging()
    logging.getLogger("mkdocs.commands.build").addFilter(_DirtyBuildsAreOurs())
    print(f"Previewing at http://{dev_addr}/ - edits to content/, research_summaries/ and data/ reload the page. Ctrl+C stops.")
    try:
        # Dirty builds: after an edit the plugin re-renders only the pages whose inputs changed.
        mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True, build_type="dirty")
    except OSError as exc:  # taken between our look and MkDocs' own bind
        if exc.errno != errno.EADDRINUSE:
            raise
        print(_busy(*_split(dev_addr)), file=sys.stderr)  # type: ignore[misc]
        return 1
    return 0


class _DirtyBuildsAreOurs(logging.Filter):
    """MkDocs warns that dirty builds may leave pages stale, and ``strict: true`` turns that warning into a
    failed build. The evidence plugin decides which pages are stale (evidence_mkdocs/incremental.py),
    so the warning does not apply to this preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def address_problem(dev_addr: str) -> str | None:
    """Why the preview cannot listen on ``dev_addr`` (malformed, or in use), with the fix; None if it can."""
    parts = _split(dev_addr)
    if parts is None:
        return f"--dev-addr {printable(dev_addr)!r} is not an address: write it as IP:PORT with a port from 1 to 65535, for example --dev-addr {DEFAULT}"
    failure = _bind_failure(*parts)
    if failure is None:
        return None
    if failure.errno == errno.EADDRINUSE:
        return _busy(*parts)
    return f"cannot listen on {dev_addr} ({failure.strerror}): use an address of this computer, for example --dev-addr {DEFAULT}"


def _split(dev_addr: str) -> tuple[str, int] | None:
    """Host and port as MkDocs reads them (``localhost`` or an IP address, then the last colon)."""
    host, _, port = dev_addr.rpartition(":")
    if host != "localhost":
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return None
    return (host, int(port)) if port.isascii() and port.isdigit() and 0 < int(port) < 65536 else None


def _bind_failure(host: str, port: int) -> OSError | None:
    """Try the address as MkDocs' server will (it reuses addresses in TIME_WAIT)."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        return exc
    return None


def _busy(host: str, port: int) -> str:
    free = next((p for p in range(port + 1, min(port + 50, 65536)) if _bind_failure(host, p) is None), None)
    fix = f"try --dev-addr {host}:{free}" if free else "stop the other program or choose another port with --dev-addr"
    return f"port {port} is in use by another program: {fix}"
