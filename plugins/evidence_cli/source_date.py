"""The date a build stamps into its output (sitemap), taken from the content, never from the clock.

Two builds of the same content must give the same bytes, so that a rebuild
shows no spurious changes and the published site can be checked against a
fresh build.
"""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

from evidence.read.settings import Settings


@contextmanager
def source_date(root: Path):
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
    folders = {settings.summaries_dir, settings.data_dir, settings.frameworks_dir, settings.reading_paths_dir, settings.practice_weeks_dir, settings.events_dir, settings.docs_dir}
    files = [root / settings.config_file, *(p for f in folders for p in settings.path(f).rglob("*") if p.is_file())]
    return int(max(p.stat().st_mtime for p in files))
