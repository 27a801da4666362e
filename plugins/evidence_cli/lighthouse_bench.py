"""Lighthouse figures for ``python3 build.py bench --lighthouse``: each page kind, ours beside plain Material.

Lighthouse is pinned in its own folder (bench/package.json and its lock), not
in the test gates' package.json, so CI installs stay small: the first
``--lighthouse`` run installs it there with ``npm ci``. It drives the Chromium
the gates use (``chromium.find_chromium``, passed as CHROME_PATH). Sites are
served under their site_url path and gzipped, as hosting/nginx.conf serves
them, because Lighthouse weighs the bytes that cross the wire. Every page kind
is measured with Lighthouse's mobile and desktop settings, then plain
Material's summary page from the same Markdown. Figures, not tests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from . import table
from .node_packages import ensure_node_packages
from .page_bench import KINDS, first_page
from .static_server import serve_folder

FOLDER = "bench"  # bench/package.json pins Lighthouse
FORM_FACTORS = ("mobile", "desktop")
AUDITS = {
    "lcp": "largest-contentful-paint", "cls": "cumulative-layout-shift", "tbt": "total-blocking-time",
    "bytes": "total-byte-weight", "dom": "dom-size",
}


def why_not(repo: Path, chromium: str | None) -> str | None:
    """Install Lighthouse on first use; say why it cannot run, or None when it can."""
    if chromium is None:
        return "Chromium is missing: install it (apt-get install chromium) or set CHROMIUM_PATH"
    if shutil.which("node") is None:
        return "Node.js is missing: install it (apt-get install nodejs npm)"
    return ensure_node_packages(repo / FOLDER)


def measure(repo: Path, sites: list[tuple[str, Path, str]], chromium: str) -> list[dict]:
    """A row per (site, page kind, form factor); ``sites`` holds (label, folder, site path) each."""
    rows = []
    for label, folder, prefix in sites:
        kinds = KINDS if label == "ours" else [kind for kind in KINDS if kind[0] == "summary"]
        pages = [(kind, url) for kind, pattern in kinds if (url := first_page(folder, pattern))]
        with serve_folder(folder, prefix, compress=True) as base:
            for form_factor in FORM_FACTORS:
                rows += [{"site": label, "kind": kind, "form": form_factor, **run(repo, base + url, form_factor, chromium)}
                         for kind, url in pages]
    return rows


def run(repo: Path, url: str, form_factor: str, chromium: str) -> dict:
    """One Lighthouse run: category scores and the audits' measured values."""
    command = [
        "node", str(repo / FOLDER / "node_modules" / "lighthouse" / "cli" / "index.js"), url,
        "--output=json", "--output-path=stdout", "--quiet", "--only-categories=performance,accessibility",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ] + (["--preset=desktop"] if form_factor == "desktop" else [])
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium})
    if result.returncode != 0:
        raise SystemExit(f"bench: Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    figures = {name: report["audits"][audit].get("numericValue", 0) for name, audit in AUDITS.items()}
    scores = {name: round(100 * (category["score"] or 0)) for name, category in report["categories"].items()}
    return {**figures, "performance": scores["performance"], "accessibility": scores["accessibility"]}


def print_table(n: int, rows: list[dict]) -> None:
    print(f"\nLighthouse 12 at N={n}, served gzipped under the site's path, empty cache:")
    header = ["site", "page kind", "form factor", "performance", "accessibility", "LCP", "CLS", "TBT", "bytes", "DOM nodes"]
    table.print_table(header, [[
        r["site"], r["kind"], r["form"], str(r["performance"]), str(r["accessibility"]), f"{r['lcp'] / 1000:.2f} s",
        f"{r['cls']:.3f}", f"{r['tbt']:.0f} ms", f"{r['bytes'] / 1024:.0f} KB", f"{r['dom']:.0f}",
    ] for r in rows])
