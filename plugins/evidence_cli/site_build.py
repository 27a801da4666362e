"""``python3 build.py``: validate, build into a temporary folder, then swap it into place.

A failed build leaves the previous site byte-for-byte as it was: MkDocs writes
into a sibling temporary folder, which replaces the site only on success.
"""

from __future__ import annotations

import logging
import re
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from evidence.read.annotations import print_problems
from evidence.read.local_settings import FILE as LOCAL_FILE
from evidence.read.local_settings import LocalSettings
from evidence.read.output_folder import refusal
from evidence.read.problems import WARNING, Problem
from evidence.read.settings import Settings

from .check import load_and_report
from .output import plural
from .site_folder import swap_into_place, sweep_leftovers, temporary_folder
from .source_date import source_date


def build(root: Path, site_dir: Path | None = None) -> int:
    started = time.perf_counter()
    refused = refusal(site_dir or root / "site", Settings.from_mkdocs_yml(root / "mkdocs.yml"))
    if refused:
        print(refused, file=sys.stderr)
        return 2
    library, _ = load_and_report(root)
    if library.problems.errors:
        print(f"Not built: fix the {plural(len(library.problems.errors), 'error')} above. The previous site is unchanged.")
        return 1
    target = (site_dir or root / "site").resolve()
    temporary = temporary_folder(target)
    _say(sweep_leftovers(target))
    try:
        config = run_mkdocs(root, temporary)
        _say(swap_into_place(temporary, target))
    except Exception as exc:  # MkDocs raises several kinds; all mean "not built"
        print(f"Build failed: {exc}\nThe previous site is unchanged.", file=sys.stderr)
        return 1
    finally:  # also on Ctrl+C: no half-built folder is left next to the site
        shutil.rmtree(temporary, ignore_errors=True)
    pages = sum(1 for _ in target.rglob("*.html"))
    index = config.plugins["pagefind"].stats if "pagefind" in config.plugins else {}
    print(
        f"Built {plural(pages, 'page')} ({_contents(library, config)}) into {_shown(target, root)} in {time.perf_counter() - started:.1f} s"
        + (f"; search index {index['files']} files, {index['bytes'] // 1024} KB." if index else ".")
    )
    print_problems(_site_url_problems(root, config.site_url, library.settings.local))
    return 0


def _say(warnings: list[str]) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)


def _contents(library, config) -> str:
    """What the pages hold: with the evidence plugin switched off, no summaries, whatever the folder has."""
    plugin = config.plugins.get("evidence")
    if plugin is None or not plugin.config.enabled:
        return "evidence plugin off: no summaries"
    return f"{plural(len(library.summaries), 'summary', 'summaries')}, {plural(len(library.facets), 'facet')}"


def run_mkdocs(root: Path, site_dir: Path):
    """Build with MkDocs into ``site_dir``, rendering pages on every core; return the config (it holds the plugins' results)."""
    from mkdocs.config import load_config

    from evidence_mkdocs import parallel_pages

    _quiet_logging()
    with source_date(root):
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir))
        parallel_pages.build(config)
    return config


def _quiet_logging() -> None:
    """Show MkDocs' warnings and errors, not its progress chatter."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


_PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net", "example")


def _site_url_problems(root: Path, site_url: str | None, local: LocalSettings) -> list[Problem]:
    """A fork that keeps the placeholder publishes canonical links and a sitemap pointing elsewhere.

    A warning, not an error: a preview build on a laptop does not need the real address.
    """
    host = urlparse(site_url or "").hostname or ""
    if host and not any(host == d or host.endswith("." + d) for d in _PLACEHOLDER_DOMAINS):
        return []
    found = f"site_url is {site_url}, a placeholder, so canonical links, the sitemap and the feeds are wrong" if host else "site_url is not set, so canonical links and the sitemap are wrong and no feeds are published"
    message = f"{found}: set it to the address the site is published at"
    if "site_url" in local.identity:
        return [Problem(LOCAL_FILE, local.line("site_url"), message, WARNING)]
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if re.match(r"site_url\s*:", text)), 1)
    return [Problem("mkdocs.yml", line, message.replace("set it to", f"set it in {LOCAL_FILE} to"), WARNING)]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() + "/"
    except ValueError:
        return str(path)
