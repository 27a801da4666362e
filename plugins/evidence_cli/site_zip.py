"""``python3 build.py zip``: build the site, then pack it as one zip for an intranet web server.

The site needs a web server: its addresses are folders (``research/x/``, which
only a server turns into ``index.html``) and search loads Pagefind's index with
``fetch``, which browsers refuse from ``file://``. So the zip is for unpacking
into a folder an intranet web server serves at the path of ``site_url``, not for
opening from a file share. Entries are in name order and dated with the
build's source date, never the clock's.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import zipfile
from pathlib import Path

from .output import plural
from .site_build import build
from .source_date import source_date

FOLDER = "site"  # the one folder the zip unpacks to


def site_zip(root: Path, site_dir: Path | None = None, zip_file: Path | None = None) -> int:
    site = (site_dir or root / "site").resolve()
    target = (zip_file or root / "site.zip").resolve()
    refused = _refusal(site, target)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    status = build(root, site_dir)
    if status:
        return status
    count = write_zip(site, target, _stamp(root))
    print(f"Wrote {target} ({plural(count, 'file')}, {target.stat().st_size // 1024} KB). Unpack it on your intranet web server "
          f"so that the folder '{FOLDER}' is served at the path of site_url in mkdocs.yml; it does not work opened from a file share.")
    return 0


def write_zip(site: Path, target: Path, stamp: tuple[int, ...]) -> int:
    """Every file of ``site`` under ``site/`` in the zip; written beside ``target``, then moved into place."""
    files = sorted((p for p in site.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site).as_posix())
    partial = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", stamp)
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes(), zipfile.ZIP_DEFLATED)
    os.replace(partial, target)
    return len(files)


def _refusal(site: Path, target: Path) -> str:
    """A zip inside the site would be swept away by the build, or zip itself; a missing folder is a typo."""
    if target.is_relative_to(site):
        return f"{target}: the zip cannot go inside the site folder {site}; write it beside it, for example --zip-file site.zip"
    if not target.parent.is_dir():
        return f"{target}: the folder {target.parent} does not exist; create it first or choose another --zip-file"
    if target.is_dir():
        return f"{target} is a folder; give a file name ending in .zip"
    return ""


def _stamp(root: Path) -> tuple[int, ...]:
    """The build's source date (zip dates start in 1980), so rebuilding the same content dates the files the same."""
    with source_date(root):
        epoch = int(os.environ["SOURCE_DATE_EPOCH"])
    moment = dt.datetime.fromtimestamp(max(epoch, 315532800), dt.timezone.utc)
    return moment.timetuple()[:6]
