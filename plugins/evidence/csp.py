"""The Content Security Policy every page carries, written as a ``<meta>`` element.

Static hosts such as GitHub Pages cannot send headers, so the policy travels in
the page. It allows this site's own files and nothing from other origins, plus
the two things search needs: compiling Pagefind's WebAssembly
(``'wasm-unsafe-eval'``) and running Pagefind's worker from our own origin.

Material writes a few small inline scripts (``__md_scope`` and friends) whose
text depends on the page's depth. Each is allowed by the SHA-256 hash of its
exact text, computed from the finished HTML, so the policy neither blocks
Material silently nor lets any other inline script run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field

# Directive -> sources. A meta policy ignores frame-ancestors, report-uri and
# sandbox: a host that can send headers should add `frame-ancestors 'self'`.
BASE_DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),  # Material's icons are data: SVGs in its CSS
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),  # pagefind-worker.js, fetched from our own origin
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_CHARSET_META = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


@dataclass(frozen=True)
class Policy:
    """A policy as directives; ``extra`` adds sources a council's fork needs (say, an analytics origin)."""

    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def directives(self, script_hashes: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
        merged = {name: sources + tuple(self.extra.get(name, ())) for name, sources in BASE_DIRECTIVES.items()}
        merged.update({name: tuple(sources) for name, sources in self.extra.items() if name not in merged})
        merged["script-src"] += tuple(f"'{digest}'" for digest in script_hashes)
        return merged

    def header_value(self, script_hashes: tuple[str, ...] = ()) -> str:
        return "; ".join(f"{name} {' '.join(dict.fromkeys(sources))}" for name, sources in self.directives(script_hashes).items())


def inline_script_hashes(html: str) -> tuple[str, ...]:
    """``sha256-...`` of every inline script the browser would run; JSON data blocks do not run."""
    digests = []
    for attributes, text in _SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attributes, re.I):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") not in _EXECUTABLE_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        digests.append(f"sha256-{digest}")
    return tuple(dict.fromkeys(digests))


def with_policy(html: str, policy: Policy) -> str:
    """Insert the policy right after ``<meta charset>``, before any script or style, or leave non-pages alone."""
    match = _CHARSET_META.search(html)
    if not match:
        return html
    value = policy.header_value(inline_script_hashes(html)).replace('"', "&quot;")
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{value}">'
    return html[: match.end()] + meta + html[match.end() :]
