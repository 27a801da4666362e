"""Hand-written pages (the docs folder, ``content/``): checked as the build will read them.

Their front matter is checked against ``page.schema.json``: the theme prints
``status`` into a class attribute and loads ``template`` and ``icon`` as files,
so each must be a plain name inside its folder, and that file must exist. Their
links are resolved exactly as for summaries, so a broken link is a located
error from ``check`` before MkDocs meets it. Their raw HTML is not refused:
editors of these pages may use it, and the sanitiser cleans every page.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ..check.links import SitePages
from ..read.front_matter import FrontMatterError, decode, parse_document
from ..read.link_scan import LinkScanner
from ..read.markdown_source import MarkdownSource
from ..read.problems import Problems
from ..read.project_files import leaves_project
from ..read.schema import Schema
from ..read.settings import Settings
from .summary import too_much_work


def check_pages(settings: Settings, site: SitePages, scanner: LinkScanner, problems: Problems) -> None:
    docs = settings.path(settings.docs_dir)
    schema = Schema("page")
    folders = _template_folders(settings)
    for file in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        rel = file.relative_to(docs).as_posix()
        if any(part.startswith(".") for part in rel.split("/")) or not file.is_file() or leaves_project(file, settings.root):
            continue  # not published: hidden (MkDocs' default), or refused by project_files
        _check_page(file, f"{settings.docs_dir}/{rel}", rel, schema, folders, site, scanner, problems)


def _check_page(file: Path, shown: str, page: str, schema: Schema, folders: list[Path], site: SitePages, scanner: LinkScanner, problems: Problems) -> None:
    try:
        text = decode(file.read_bytes())
        document = parse_document(text) if text.startswith("---") else None
    except FrontMatterError as exc:
        return problems.error(shown, exc.line, exc.message)
    if document:
        issues = schema.validate(document.data)
        for issue in issues:
            problems.error(shown, document.line_of(issue.path), issue.message)
        if not issues:
            for key, message in _missing_files(document.data, folders):
                problems.error(shown, document.line_of((key,)), message)
    body, first = (document.body, document.body_line) if document else (text, 1)
    source = MarkdownSource(body, first)
    costly = too_much_work(source, schema)
    if costly:
        return problems.error(shown, *costly)
    links, images = scanner.scan(source)
    for line, message in site.check(page, links, images):
        problems.error(shown, line, message)


def _missing_files(data: dict, folders: list[Path]) -> list[tuple[str, str]]:
    """A template or icon that passed the schema but names no file: the build would stop on it."""
    found = []
    template, icon = data.get("template"), data.get("icon")
    if template and not any((folder / template).is_file() for folder in folders):
        found.append(("template", f"'template' must name a file in overrides/ or the theme's templates; there is no '{template}' (for example main.html)"))
    if icon and not any((folder / ".icons" / f"{icon}.svg").is_file() for folder in folders):
        found.append(("icon", f"'icon' must name one of the theme's icons; there is no '{icon}' (for example material/book-open-page-variant)"))
    return found


def _template_folders(settings: Settings) -> list[Path]:
    """Where MkDocs looks for templates: the theme's custom_dir first, then Material's own."""
    folders = [settings.path(settings.theme_dir)] if settings.theme_dir else []
    spec = importlib.util.find_spec("material")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folders.append(Path(location) / "templates")
    return folders
