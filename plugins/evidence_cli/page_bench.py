"""Page figures for ``python3 build.py bench``: what each kind of page costs a phone.

One page per kind, opened in Chromium at a phone's size with an empty cache:
requests, the bytes transferred (HTML, CSS, JavaScript, fonts and images
requested while the page loads, served gzipped as hosts send them, headers
included, from Chromium's resource timing), the files' own size, Largest
Contentful Paint and Cumulative Layout Shift from Chromium's own performance
entries, and elements per screenful. Beside them, a summary page of plain
Material built from the same Markdown, measured in the same run. Figures, not
tests: Lighthouse is not needed (``--lighthouse`` adds its figures).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from . import table
from .static_server import serve_folder

# One page per kind, the first in sorted order whose address matches.
KINDS = [
    ("home", r"/"), ("summary", r"/research/[^/]+/"), ("browse value", r"/browse/[^/]+/[^/]+/"),
    ("reading path", r"/reading-paths/[^/]+/"), ("standard", r"/cpd/[^/]+/[^/]+/"),
    ("coverage", r"/cpd/coverage/"), ("search", r"/search/"),
]
PHONE = {"width": 390, "height": 844}
_FIGURES_JS = """() => new Promise((done) => {
  let lcp = 0, cls = 0;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { lcp = e.startTime; })).observe({type: 'largest-contentful-paint', buffered: true});
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) cls += e.value; })).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done({lcp, cls, elements: document.querySelectorAll('*').length
    / Math.max(1, document.documentElement.scrollHeight / innerHeight),
    urls: [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)],
    transferred: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .reduce((sum, e) => sum + e.transferSize, 0)}), 500);
})"""


def first_page(site: Path, pattern: str) -> str | None:
    """The address of the first built page matching a kind's pattern."""
    urls = sorted("/" + p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html"))
    return next((url for url in urls if re.fullmatch(pattern, url)), None)


def measure_pages(site: Path, plain: Path | None, chromium: str | None) -> list[dict]:
    """A row per page kind of our site, then plain Material's summary page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
        try:
            rows = [_row(browser, site, kind, url) for kind, pattern in KINDS if (url := first_page(site, pattern))]
            url = first_page(plain, KINDS[1][1]) if plain else None
            if url:
                rows.append(_row(browser, plain, "summary, plain Material with its search", url))
        finally:
            browser.close()
    return rows


def _row(browser, site: Path, kind: str, url: str) -> dict:
    with serve_folder(site, compress=True) as base:
        context = browser.new_context(viewport=PHONE, is_mobile=True)
        page = context.new_page()
        page.goto(base + url, wait_until="load")
        page.wait_for_load_state("networkidle")
        figures = page.evaluate(_FIGURES_JS)
        context.close()
    fetched = [f for f in map(lambda u: _file(site, u), figures.pop("urls")) if f]
    return {"kind": kind, "requests": len(fetched), "bytes": sum(p.stat().st_size for p in fetched), **figures}


def _file(site: Path, url: str) -> Path | None:
    path = site / unquote(urlparse(url).path).lstrip("/")
    path = path / "index.html" if path.is_dir() else path
    return path if path.is_file() else None


def print_table(n: int, rows: list[dict]) -> None:
    print(f"\nPages at N={n}, phone size, empty cache:")
    header = ["page kind", "requests", "transferred (gzip)", "files", "LCP", "CLS", "elements per screenful"]
    table.print_table(header, [[
        r["kind"], str(r["requests"]), f"{r['transferred'] / 1024:.1f} KB", f"{r['bytes'] / 1024:.0f} KB",
        f"{r['lcp'] / 1000:.2f} s", f"{r['cls']:.3f}", f"{r['elements']:.0f}",
    ] for r in rows])
