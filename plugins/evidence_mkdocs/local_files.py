"""A copy's own pages and files (``local/content/``) joined with the project's, and hidden pages left out.

The content model decides (``Library.local_pages``, ``Library.hidden_pages``,
reported by ``check``); this only turns its answer into MkDocs files and nav.
A hidden page is kept as an excluded file rather than dropped, so a link to it
from another page is information in a strict build, as for any page left out.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel

from evidence.model.library import Library
from evidence.read.local_settings import FOLDER

STYLESHEETS = "assets/stylesheets"


def local_docs(library: Library) -> Path:
    return library.settings.root / FOLDER / library.settings.docs_dir


def add_local_files(files: Files, config, library: Library) -> Files:
    """Each local file is added, replacing the project's file of the same path."""
    folder = local_docs(library)
    for src in library.local_pages:
        existing = files.get_file_from_path(src)
        if existing:
            files.remove(existing)
        files.append(File(src, str(folder), config.site_dir, config.use_directory_urls))
    for src in library.hidden_pages:
        hidden = files.get_file_from_path(src)
        if hidden:
            hidden.inclusion = InclusionLevel.EXCLUDED
    return files


def hidden_urls(files: Files, library: Library) -> set[str]:
    """Where the hidden pages would have been published, as MkDocs writes URLs ('contribute/')."""
    found = (files.get_file_from_path(src) for src in library.hidden_pages)
    return {file.url for file in found if file}


def local_stylesheets(library: Library) -> list[str]:
    """The copy's own CSS files in local/content/assets/stylesheets/, loaded after the project's."""
    return sorted(src for src in library.local_pages if src.startswith(f"{STYLESHEETS}/") and src.endswith(".css"))


def local_nav(config, library: Library) -> list:
    """The project's nav without hidden pages, then the copy's own entries (local/settings.yml 'nav')."""
    hidden = set(library.hidden_pages)
    return [item for item in (_without(i, hidden) for i in config.nav or []) if item] + list(library.settings.local.data.get("nav") or [])


def _without(item, hidden: set[str]):
    if isinstance(item, str):
        return None if item in hidden else item
    if isinstance(item, dict):
        kept = {title: value for title, value in ((t, _without(v, hidden)) for t, v in item.items()) if value}
        return kept or None
    kept = [value for value in (_without(i, hidden) for i in item) if value]
    return kept or None
