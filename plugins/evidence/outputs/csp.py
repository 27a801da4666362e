"""The Content Security Policy every page carries, written as a ``<meta>`` element.

Static hosts such as GitHub Pages cannot send headers, so the policy travels in
the page. It allows this site's own files and nothing from other origins, plus
the two things search needs: compiling Pagefind's WebAssembly
(``'wasm-unsafe-eval'``) and running Pagefind's worker from our own origin.

Material writes a few small inline scripts (``__md_scope`` and friends) whose
text depends on the page's depth. Those, and only those, are allowed by the
SHA-256 hash of their exact text: ``KnownScripts`` recognises them from the
theme's own templates. Any other inline script that reaches a page (a
``<script>`` in a page's front matter, which Material prints unescaped, or in a
fork's template override) is left out of the policy, so browsers refuse to run
it, and ``blocked_scripts`` names it so the build can warn.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterable

from ..read.problems import WARNING, Problem

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
_TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.S)
_TEMPLATE_LOGIC = re.compile(r"\{%|\{#")
# What a template value may become inside a known script: a URL, a path or an id
# (base_url, extra.scope, an analytics property). Never a quote, bracket or
# backslash, so it cannot end the string it sits in and start code of its own.
_VALUE = r"[\w.~:/?#@&=%+-]*"


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


@dataclass(frozen=True)
class KnownScripts:
    """The inline scripts a theme's own templates write: the only ones the policy allows.

    Each template script becomes a pattern in which its ``{{ ... }}`` values may
    be any URL-like word, because they differ from page to page (``base_url`` is
    ``..`` on one page and ``../..`` on the next). Reading the installed theme,
    rather than listing today's scripts here, keeps a Material upgrade working.
    """

    patterns: tuple[re.Pattern[str], ...] = ()
    # Script text -> its hash if allowed, else None. Every page carries the same few scripts:
    # each distinct text is matched and hashed once per build, not once per page.
    verdicts: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_templates(cls, templates: Iterable[str]) -> "KnownScripts":
        sources = {_pattern(text) for template in templates for text in inline_scripts(template)}
        return cls(tuple(re.compile(source) for source in sorted(s for s in sources if s)))

    def allows(self, script: str) -> bool:
        return self.digest(script) is not None

    def digest(self, script: str) -> str | None:
        """``sha256-...`` of an allowed script; None for one the policy leaves out."""
        if script not in self.verdicts:
            allowed = any(pattern.fullmatch(script) for pattern in self.patterns)
            self.verdicts[script] = script_hash(script) if allowed else None
        return self.verdicts[script]


def _pattern(script: str) -> str | None:
    """A template script as a regular expression; one with template logic inside cannot be matched safely."""
    if _TEMPLATE_LOGIC.search(script):
        return None
    return _VALUE.join(re.escape(part) for part in _TEMPLATE_VALUE.split(script))


def inline_scripts(html: str) -> tuple[str, ...]:
    """The text of every inline script the browser would run; JSON data blocks do not run."""
    found = []
    for attributes, text in _SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attributes, re.I):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") in _EXECUTABLE_TYPES:
            found.append(text)
    return tuple(dict.fromkeys(found))


def script_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def inline_script_hashes(html: str, known: KnownScripts | None = None, scripts: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """``sha256-...`` of the inline scripts that may run: all of them, or only ``known`` ones.
    ``scripts`` is ``inline_scripts(html)`` when the caller has it already."""
    scripts = inline_scripts(html) if scripts is None else scripts
    if known is None:
        return tuple(script_hash(text) for text in scripts)
    return tuple(digest for digest in map(known.digest, scripts) if digest)


def blocked_scripts(html: str, known: KnownScripts, scripts: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Inline scripts in the page that the policy does not allow, so the build can name them."""
    return tuple(text for text in (inline_scripts(html) if scripts is None else scripts) if not known.allows(text))


def with_policy(html: str, policy: Policy, known: KnownScripts, scripts: tuple[str, ...] | None = None) -> str:
    """Insert the policy right after ``<meta charset>``, before any script or style, or leave non-pages alone."""
    match = _CHARSET_META.search(html)
    if not match:
        return html
    value = policy.header_value(inline_script_hashes(html, known, scripts)).replace('"', "&quot;")
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{value}">'
    return html[: match.end()] + meta + html[match.end() :]


@dataclass
class BlockedScripts:
    """Inline scripts the policy left out, collected over a build: one warning per script, not per page.

    A script in a page's front matter reaches every page whose navigation lists
    that page, so the warning points at the source file holding it when there
    is one, and counts the built pages it was found on.
    """

    pages: dict[str, list[str]] = field(default_factory=dict)
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)

    def record(self, page: str, html: str, known: KnownScripts, source: tuple[str, str] | None = None, scripts: tuple[str, ...] | None = None) -> None:
        """``page`` names the built file; ``source`` is (path, text) of the file it was built from, if any."""
        for script in blocked_scripts(html, known, scripts):
            pages = self.pages.setdefault(script, [])
            if source and script not in self.origins and script in source[1]:
                self.origins[script] = (source[0], source[1].count("\n", 0, source[1].index(script)) + 1)
                pages.insert(0, page)  # named first: the page built from the file that holds it
            else:
                pages.append(page)

    def problems(self) -> list[Problem]:
        return sorted(self._warning(script, pages) for script, pages in self.pages.items())

    def _warning(self, script: str, pages: list[str]) -> Problem:
        path, line = self.origins.get(script, ("overrides/", 1))  # in no page's text: a template put it there
        shown = " ".join(script.split())
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        others = len(pages) - 1
        where = pages[0] + (f" and {others} other page{'s' if others > 1 else ''}" if others else "")
        origin = "" if script in self.origins else " It is in no page's text, so look for it in the templates in overrides/."
        message = (
            f'the inline script "{shown}" on {where} is not one of the theme\'s, so the Content Security Policy '
            f"blocks it.{origin} To run a script, put it in a .js file and list that under extra_javascript in mkdocs.yml"
        )
        return Problem(path, line, message, WARNING)
