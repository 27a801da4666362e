"""Links between pages of the site: each must point at a page that exists.

Summaries and reading paths are both written by editors and both link to
summaries and pages, so one check serves both, and its hint is written from
the linking page's own address (``its-file-name.md`` from a summary,
``../research/its-file-name.md`` from a reading path).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from . import routes


@dataclass(frozen=True)
class SitePages:
    """The source paths of every page a link may point at, as MkDocs knows them."""

    known: frozenset[str]

    @classmethod
    def collect(cls, summary_slugs: Iterable[str], reading_paths_dir: Path, docs_dir: Path) -> "SitePages":
        """Pages are known from their files, so a file with errors of its own is not also a broken link."""
        known = {routes.summary(slug) for slug in summary_slugs}
        known |= {routes.reading_path(p.stem) for p in reading_paths_dir.glob("*.md")} if reading_paths_dir.is_dir() else set()
        known |= {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")} if docs_dir.is_dir() else set()
        return cls(frozenset(known))

    def problem(self, url: str, page: str) -> str | None:
        """Why a link written on ``page`` (its source path) is broken, with the fix; None if it is fine."""
        target = url.split("#", 1)[0].split("?", 1)[0]
        if not target or ":" in target or target.startswith("//"):
            return None
        if target.startswith("/research/"):
            parts = target.strip("/").split("/")
            slug = parts[1] if len(parts) > 1 else ""
            if routes.summary(slug) not in self.known:
                return f"link to '{url}': there is no summary '{slug}'; {_how_to_link(page, slug)} using its file name"
            return None
        if target.endswith(".md") and _resolve(page, target) not in self.known:
            return f"link to '{url}' points at a page that does not exist; {_how_to_link(page, 'its-file-name')}"
        return None


def _how_to_link(page: str, slug: str) -> str:
    target = routes.summary(slug)
    folder = posixpath.dirname(page) or "."
    which = "another" if folder == posixpath.dirname(target) else "a"
    return f"link {which} summary as [title]({posixpath.relpath(target, folder)})"


def _resolve(page: str, target: str) -> str:
    parts = page.split("/")[:-1]
    for part in target.split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)
