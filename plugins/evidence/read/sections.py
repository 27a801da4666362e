"""Optional sections of the site, switched on or off by one setting each.

A council's copy may not take contributions, so the Contribute section (its
hand-written pages, the generated field reference and starter file, its nav
entry and every link to it) follows the ``contribute`` option. Links into a
section that is off become plain text: a reader never meets a broken link, and
nobody has to edit the pages that mention it.
"""

from __future__ import annotations

import posixpath
import re

CONTRIBUTE = "contribute/"

_LINK = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"[^>]*>(.*?)</a>', re.S)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def in_section(path: str, section: str) -> bool:
    """True for a source path or address inside ``section`` (``contribute/writing.md``, ``contribute/``)."""
    return path.lstrip("/").startswith(section) or path.strip("/") == section.strip("/")


def unlinked(html: str, page_url: str, section: str) -> str:
    """``html`` with each link into ``section`` replaced by its text."""
    return _LINK.sub(lambda found: found.group(2) if _points_into(found.group(1), page_url, section) else found.group(0), html)


def _points_into(href: str, page_url: str, section: str) -> bool:
    """Whether a link written on the page at ``page_url`` leads into ``section`` (other sites never do)."""
    if _SCHEME.match(href) or href.startswith(("#", "//")):
        return False
    path = href.split("#")[0].split("?")[0]
    if not path:
        return False
    if not path.startswith("/"):
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))
    return in_section(path + "/", section)


class Section:
    """A section as a container of paths, so ``path in Section(CONTRIBUTE)`` reads as it means."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and in_section(path, self.prefix)
