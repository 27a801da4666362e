"""Every link and image in an editor's Markdown, as the build's own Markdown sees them.

Regular expressions guess what Markdown will make a link, and guess wrong at the
edges: a reference defined inside a list item or a quote is a link, an address
inside an indented code block is not. So Python-Markdown, set up with the
extensions in ``mkdocs.yml`` (and MkDocs' built-in ones), decides what is a link,
and ``check`` and the build cannot disagree. Python-Markdown keeps no source
positions, so each address it found is then looked up, by its text, among the
places the source writes an address: the parser says what is a link, the source
says on which line.

One ``Markdown`` instance serves every file (``reset`` between files), and only
the steps that can make a link run: parsing blocks and inline links, never
emphasis, serialising or the other tree processors.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from functools import cache
from pathlib import Path
from typing import Any

import markdown
import yaml
from markdown.util import AMP_SUBSTITUTE

from .markdown_source import Found, MarkdownSource

MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")  # MkDocs always adds these (mkdocs/config/defaults.py)
_NEVER_LINKS = ("em_strong", "em_strong2", "not_strong", "strong_em", "linebreak")  # inline patterns skipped for speed

# Where the source writes an address: after '](' (links and images), after '[label]:'
# (reference definitions, also indented in lists or behind '>' in quotes), inside <...>.
_WRITTEN = re.compile(
    r"\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)"
    r"|\[[^\]\n]*\]:[ \t]*\n?[ \t>]*(<[^>\n]*>|\S+)"
    r"|<([a-zA-Z][a-zA-Z0-9+.\-]*:[^\s<>]*)>"
)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


class LinkScanner:
    """Finds links and images with one reused Python-Markdown set up like the build's."""

    def __init__(self, extensions: list[str] | tuple[str, ...] = (), configs: dict[str, Any] | None = None):
        names = list(dict.fromkeys([*MKDOCS_BUILTINS, *extensions]))
        self.md = markdown.Markdown(extensions=names, extension_configs=configs or {})
        for name in _NEVER_LINKS:
            if name in self.md.inlinePatterns:
                self.md.inlinePatterns.deregister(name)

    @classmethod
    def from_mkdocs_yml(cls, path: Path) -> "LinkScanner":
        """The build's Markdown set-up. A set-up that cannot load is the build's error to report (robustly,
        elsewhere); links are then found with MkDocs' built-in extensions, never not at all."""
        try:
            return cls(*_extensions(path))
        except Exception:  # any extension's own error: a missing module, a bad option
            return cls()

    def scan(self, source: MarkdownSource) -> tuple[list[Found], list[Found]]:
        """(links, images), each at the line its address is written on."""
        if "[" not in source.text and "<" not in source.text:
            return [], []  # no link can be written without either: most bodies stop here
        where = _Locator(source)
        links, images = [], []
        for tag, url in self._elements(source.text):
            (links if tag == "a" else images).append(Found(where.line(url), url))
        return links, images

    def _elements(self, text: str) -> list[tuple[str, str]]:
        """(tag, address) of every <a> and <img> the build would make, in document order."""
        md = self.md
        md.reset()
        lines = text.split("\n")
        for preprocessor in md.preprocessors:
            lines = preprocessor.run(lines)
        root = md.parser.parseDocument(lines).getroot()
        md.treeprocessors["inline"].run(root)
        found = [(el.tag, el.get("href" if el.tag == "a" else "src")) for el in root.iter() if el.tag in ("a", "img")]
        return [(tag, url) for tag, url in found if url is not None and AMP_SUBSTITUTE not in url]  # obfuscated e-mail


class _Locator:
    """Lines of written addresses by their text; each is used once, the last one for every later use
    (a reference definition serves all the links that use it)."""

    def __init__(self, source: MarkdownSource):
        self.source = source
        self.written: dict[str, deque[int]] = defaultdict(deque)
        for match in _WRITTEN.finditer(source.masked):
            text = next(group for group in match.groups() if group is not None)
            self.written[_key(text)].append(match.start())

    def line(self, url: str) -> int:
        offsets = self.written.get(_key(url))
        if not offsets:
            return self.source.first_line  # written in a form not looked for (entities, say): the body's first line
        return self.source.line_at(offsets.popleft() if len(offsets) > 1 else offsets[0])


def _key(address: str) -> str:
    """An address as Python-Markdown keeps it: no angle brackets, backslash escapes resolved."""
    address = address.strip()
    if address.startswith("<") and address.endswith(">"):
        address = address[1:-1]
    return _ESCAPE.sub(r"\1", address).strip()


class _Tolerant(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """mkdocs.yml may hold tags such as !!python/name (for pymdownx.emoji) or !ENV."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def _extensions(path: Path) -> tuple[list[str], dict[str, Any]]:
    """``markdown_extensions`` as MkDocs reads it: names, or one-key mappings of name to options."""
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    entries = config.get("markdown_extensions") or []
    entries = [{name: options} for name, options in entries.items()] if isinstance(entries, dict) else entries
    names, configs = [], {}
    for entry in entries:
        name, options = (entry, None) if isinstance(entry, str) else next(iter(entry.items()))
        names.append(name)
        if isinstance(options, dict):
            configs[name] = {key: value for key, value in options.items() if value is not None}
    return names, configs


@cache
def default_scanner() -> LinkScanner:
    """MkDocs' built-in extensions only: for callers that read one file without a site around it."""
    return LinkScanner()
