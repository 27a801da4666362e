"""Search figures for ``python3 build.py bench``: what a first search costs a reader.

For a synthetic corpus of N summaries: the Pagefind index (files, bytes), the
bytes a browser fetches for a first query in real Chromium (opening
/search/?q=word, and typing in the header box of an already open page), and,
for comparison, the lunr index a plain Material build with its search plugin
writes for the same Markdown (Material loads all of it at the first query).

Then how well search answers practitioners' questions (``search_relevance``):
top-1 and top-3 of the held-out questions on the bundled site, and with its
summaries among N synthetic ones, as the library of a busy team would grow.

Figures, not tests. ``bench.py`` calls ``measure_search`` for each N and
``measure_questions`` once; it can also run alone:
``python -m evidence_cli.search_bench 1000,5000`` or ``... --questions 1000``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

from evidence.read.settings import Settings

from . import search_relevance, table
from .chromium import find_chromium
from .static_server import serve_folder
from .synthetic_corpus import make_plain_material, make_project

QUERY = "loneliness"  # one word of the synthetic corpus, as a reader would type it
_BUILD = """
import sys
from pathlib import Path
kind, root, site = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if kind == "ours":
    from evidence_cli.site_build import run_mkdocs
    run_mkdocs(root, site)
else:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site)))
"""
_READY_JS = """() => {
  const status = document.querySelector('[data-search-page] [data-search-status]');
  return status && /^\\d+ result|^No results/.test(status.textContent) && document.querySelector('.ev-result');
}"""


def measure_search(repo: Path, count: int, work: Path, project: Path | None = None, site: Path | None = None) -> dict:
    """Build the corpus both ways and measure.

    ``bench.py`` passes the corpus it wrote (``project``) and the site it built
    from it (``site``), so nothing is built twice; alone, both are made here.
    """
    project = project or make_project(repo, work / "project", count)
    lunr_site = work / "lunr-site"
    if site is None:
        site = work / "search-site"
        _build("ours", project, site)
    _build("plain", _with_material_search(make_plain_material(project, work / "lunr")), lunr_site)
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    row = {"n": count, "index_files": len(files), "index_bytes": sum(p.stat().st_size for p in files)}
    row["lunr_bytes"] = (lunr_site / "search" / "search_index.json").stat().st_size
    row.update(first_query_bytes(site))
    return row


def _build(kind: str, root: Path, site: Path) -> None:
    result = subprocess.run([sys.executable, "-c", _BUILD, kind, str(root), str(site)], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"search bench: the {kind} build failed:\n{result.stderr[-3000:]}")


def _with_material_search(plain: Path) -> Path:
    """The comparison site with Material's built-in (lunr) search switched on."""
    config_path = plain / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["plugins"] = ["search"]
    config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return plain


def first_query_bytes(site: Path) -> dict:
    """Bytes fetched in Chromium for a first query, split into Pagefind's files and everything else."""
    from playwright.sync_api import sync_playwright

    with serve_folder(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), headless=True, args=["--no-sandbox", "--disable-gpu"])
        try:
            page_total, page_index = _search_page_load(browser, base, site)
            box_index = _header_box_query(browser, base, site)
        finally:
            browser.close()
    return {"page_bytes": page_total, "page_index_bytes": page_index, "box_index_bytes": box_index}


def _search_page_load(browser, base: str, site: Path) -> tuple[int, int]:
    """Open /search/?q=word with an empty cache and wait until results render."""
    context = browser.new_context()
    sizes = _record(context, site)
    page = context.new_page()
    page.goto(f"{base}/search/?q={QUERY}")
    page.wait_for_function(_READY_JS, timeout=60_000)
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(sizes.values()), sum(size for url, size in sizes.items() if "/pagefind/" in url)


def _header_box_query(browser, base: str, site: Path) -> int:
    """Type a word in the header box of an open page: the Pagefind bytes that typing costs."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/about/")
    page.wait_for_load_state("networkidle")
    sizes = _record(context, site)
    page.keyboard.press("/")
    page.keyboard.type(QUERY)
    page.wait_for_selector("[data-search-panel]:not([hidden]) .ev-search-box__link", timeout=60_000)
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(size for url, size in sizes.items() if "/pagefind/" in url)


def _record(context, site: Path) -> dict[str, int]:
    """URL -> bytes of every file fetched in the context, Pagefind's worker included.

    Sizes are read from the served files (Chromium reports 0 for a worker's own
    script). The bench server sends no compression, so these are the bytes on
    the wire less headers; a host that gzips HTML, CSS and JS sends fewer
    (Pagefind's index files are compressed already).
    """
    sizes: dict[str, int] = {}

    def finished(request) -> None:
        path = site / unquote(urlparse(request.url).path).lstrip("/")
        path = path / "index.html" if path.is_dir() else path
        if path.is_file():
            sizes[request.url] = path.stat().st_size

    context.on("requestfinished", finished)
    return sizes


def _chromium() -> str | None:
    return find_chromium()


def print_table(rows: list[dict]) -> None:
    header = ["N", "Pagefind index", "first query: /search/?q= page load (Pagefind part)", "first query: header box (Pagefind)", "lunr search_index.json"]
    table.print_table(header, [_cells(r) for r in rows])


def _cells(r: dict) -> list[str]:
    return [
        str(r["n"]), f"{r['index_files']} files, {_mb(r['index_bytes'])}", f"{_kb(r['page_bytes'])} ({_kb(r['page_index_bytes'])})",
        _kb(r["box_index_bytes"]), _mb(r["lunr_bytes"]),
    ]


def _kb(size: int) -> str:
    return f"{size / 1024:.0f} KB"


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def measure_questions(repo: Path, work: Path, distractors: int) -> list[dict]:
    """The held-out questions asked on the bundled site, then with its summaries among ``distractors`` synthetic ones."""
    questions = search_relevance.load_questions()
    rows = [_ask_site("bundled site", repo, work / "questions-site", questions)]
    if distractors:
        project = _with_bundled_content(repo, make_project(repo, work / "questions-project", distractors))
        rows.append(_ask_site(f"bundled + {distractors:,} synthetic summaries", project, work / "questions-site-n", questions))
    return rows


def _with_bundled_content(repo: Path, project: Path) -> Path:
    """The synthetic corpus plus the real summaries and reading paths the questions are about."""
    settings = Settings.from_mkdocs_yml(repo / "mkdocs.yml")
    for summary in sorted(settings.path(settings.summaries_dir).glob("*.md")):
        shutil.copy(summary, project / settings.summaries_dir / summary.name)
    paths = settings.path(settings.reading_paths_dir)
    if paths.is_dir():
        shutil.copytree(paths, project / settings.reading_paths_dir, dirs_exist_ok=True)
    return project


def _ask_site(label: str, root: Path, site: Path, questions: list) -> dict:
    """Build ``root``, serve it under its own path, and ask the questions whose summary it has."""
    _build("ours", root, site)
    site_path = Settings.from_mkdocs_yml(root / "mkdocs.yml").site_path
    slugs = {folder.name for folder in (site / "research").iterdir() if folder.is_dir()} if (site / "research").is_dir() else set()
    asked = search_relevance.answerable(questions, slugs)
    from playwright.sync_api import sync_playwright

    with serve_folder(site, site_path) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), headless=True, args=["--no-sandbox", "--disable-gpu"])
        try:
            ranked = search_relevance.ask(browser.new_page(), base, asked)
        finally:
            browser.close()
    return {"site": label, "score": search_relevance.score(asked, ranked, site_path)}


def print_questions(rows: list[dict]) -> None:
    """Top-1 and top-3 per site, then the questions that missed, so a fall can be read, not guessed."""
    header = ["held-out questions", "asked", "top-1", f"top-{search_relevance.TOP}"]
    table.print_table(header, [_question_cells(row["site"], row["score"]) for row in rows])
    for row in rows:
        for miss in row["score"].misses:
            print(f"  missed on {row['site']}: {miss}")


def _question_cells(site: str, score: search_relevance.Score) -> list[str]:
    return [site, str(score.asked), f"{score.share(score.first):.0%} ({score.first})", f"{score.share(score.top):.0%} ({score.top})"]


def main(argv: list[str]) -> int:
    repo = Path(__file__).resolve().parents[2]
    if argv[:1] == ["--questions"]:
        with tempfile.TemporaryDirectory(prefix="rwm-questions-") as work:
            print_questions(measure_questions(repo, Path(work), int(argv[1]) if len(argv) > 1 else 0))
        return 0
    rows = []
    for count in [int(n) for n in (argv[0] if argv else "1000").split(",")]:
        with tempfile.TemporaryDirectory(prefix="rwm-search-bench-") as work:
            started = time.perf_counter()
            rows.append(measure_search(repo, count, Path(work)))
            print(f"  measured search at N={count} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
