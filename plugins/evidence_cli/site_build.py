"""``python3 build.py``: validate, build into a temporary folder, then swap it into place.

A failed build leaves the previous site byte-for-byte as it was: MkDocs writes
into a sibling temporary folder, which replaces the site only on success.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from evidence.annotations import print_problems
from evidence.problems import WARNING, Problem
from evidence.settings import Settings

from .check import load_and_report
from .output import plural


def build(root: Path, site_dir: Path | None = None) -> int:
    started = time.perf_counter()
    library, _ = load_and_report(root)
    if library.problems.errors:
        print(f"Not built: fix the {plural(len(library.problems.errors), 'error')} above. The previous site is unchanged.")
        return 1
    target = (site_dir or root / "site").resolve()
    temporary = target.parent / f".{target.name}.building-{os.getpid()}"
    _sweep_leftovers(target)
    try:
        config = run_mkdocs(root, temporary)
        swap_into_place(temporary, target)
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
    print_problems(_site_url_problems(root, config.site_url))
    return 0


def _contents(library, config) -> str:
    """What the pages hold: with the evidence plugin switched off, no summaries, whatever the folder has."""
    plugin = config.plugins.get("evidence")
    if plugin is None or not plugin.config.enabled:
        return "evidence plugin off: no summaries"
    return f"{plural(len(library.summaries), 'summary', 'summaries')}, {plural(len(library.facets), 'facet')}"


def run_mkdocs(root: Path, site_dir: Path):
    """Build with MkDocs into ``site_dir``; return the config (it holds the plugins' results)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    _quiet_logging()
    with _source_date(root):
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir))
        mkdocs_build(config)
    return config


def swap_into_place(temporary: Path, target: Path) -> None:
    """Two renames; if the second fails or is interrupted, the previous site goes back."""
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    try:
        temporary.rename(target)
    except BaseException:
        if old.exists() and not target.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _sweep_leftovers(target: Path) -> None:
    """A build killed outright (kill -9, power cut) runs no cleanup; the next build removes its folders."""
    if os.name != "posix":  # os.kill(pid, 0) only asks on POSIX; on Windows it would end the process
        return
    for folder in target.parent.glob(f".{target.name}.*-*"):
        kind, _, pid = folder.name[len(target.name) + 2 :].partition("-")
        if kind in ("building", "old") and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True


def _quiet_logging() -> None:
    """Show MkDocs' warnings and errors, not its progress chatter."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


@contextmanager
def _source_date(root: Path):
    """Set SOURCE_DATE_EPOCH for one build unless the caller set it, then restore it,
    so a later build of another project in the same process gets its own date."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = _source_date_epoch(root)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _source_date_epoch(root: Path) -> str:
    """Dates MkDocs stamps into the sitemap come from the last commit, so rebuilds are identical.

    Without git history (a downloaded zip), the newest content file says when the
    content last changed; the zip's files keep their dates. Never 0, which is 1970.
    """
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", "."], cwd=root, capture_output=True, text=True, timeout=10)
        if out.returncode == 0 and out.stdout.strip().isdigit():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return str(_newest_content_mtime(root))


def _newest_content_mtime(root: Path) -> int:
    settings = Settings.from_mkdocs_yml(root / "mkdocs.yml")
    folders = {settings.summaries_dir, settings.data_dir, settings.frameworks_dir, settings.reading_paths_dir, settings.docs_dir}
    files = [root / settings.config_file, *(p for f in folders for p in settings.path(f).rglob("*") if p.is_file())]
    return int(max(p.stat().st_mtime for p in files))


_PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net", "example")


def _site_url_problems(root: Path, site_url: str | None) -> list[Problem]:
    """A fork that keeps the placeholder publishes canonical links and a sitemap pointing elsewhere.

    A warning, not an error: a preview build on a laptop does not need the real address.
    """
    host = urlparse(site_url or "").hostname or ""
    if host and not any(host == d or host.endswith("." + d) for d in _PLACEHOLDER_DOMAINS):
        return []
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if re.match(r"site_url\s*:", text)), 1)
    found = f"site_url is {site_url}, a placeholder, so canonical links, the sitemap and the feeds are wrong" if host else "site_url is not set, so canonical links and the sitemap are wrong and no feeds are published"
    message = f"{found}: set it to the address the site is published at"
    return [Problem(config.name, line, message, WARNING)]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() + "/"
    except ValueError:
        return str(path)
