"""``python3 build.py bench [--n 1000,5000] [--rounds 2] [--no-search] [--no-preview] [--questions-only] [--lighthouse]``: how the pipeline scales.

Figures, not tests. Every build runs in a child process so its wall time, CPU
time (its own and Pagefind's) and peak memory can be read cleanly: the whole
pipeline's (the build and every process it starts, render workers and Pagefind,
summed at the same moment: ``memory_peak``), then the build's own and its
largest child's (a render worker or Pagefind), each at its own moment. The comparison is a plain Material site
over the same Markdown, indexed by the same Pagefind, built in the same run,
alternating with ours; with ``--rounds`` the fastest of each is shown. Each
round of ours starts without the build cache (.cache/evidence), as in CI; one
more build then shows a second build, with the cache the last one kept. The
preview figure is a real ``serve``: seconds from saving an edited summary to
the page showing the edit (``preview_bench``). Then, on the same corpus
and site, ``search_bench`` measures what a first search costs in Chromium,
and how well held-out practitioners' questions find their summaries (top-1 and
top-3, on the bundled site and among the first size's synthetic summaries;
``--no-search`` skips both on machines without a browser). ``--lighthouse``
adds Lighthouse's mobile and desktop figures for each page kind beside plain
Material's (``lighthouse_bench``).
"""

from __future__ import annotations

import importlib.util
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evidence.outputs import answer_store

from . import lighthouse_bench, memory_peak, page_bench, page_parts, preview_bench, search_bench
from .synthetic_corpus import make_plain_material, make_project
from .table import print_table

_CHILD = """
import json, resource, sys, time
from pathlib import Path
kind, root, site = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
started = time.perf_counter()
if kind == "validate":
    from evidence.model.library import Library
    from evidence.read.settings import Settings
    library = Library.load(Settings.from_mkdocs_yml(root / "mkdocs.yml"))
    assert not library.problems.errors, library.problems.errors[:3]
elif kind == "ours":
    from evidence_cli.site_build import run_mkdocs
    run_mkdocs(root, site)
else:
    import subprocess
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site)))
    from evidence.outputs.search_index import IndexPlan, build_index
    build_index(IndexPlan(site))
seconds = time.perf_counter() - started
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "seconds": seconds,
    "cpu": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
    "peak_mb": own.ru_maxrss / 1024,
    "child_peak_mb": children.ru_maxrss / 1024,
}))
"""


def _child(kind: str, root: Path, site: Path) -> dict:
    """One build in a child process; its tree (render workers, Pagefind) is sampled while it runs."""
    command = [sys.executable, "-c", _CHILD, kind, str(root), str(site)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        with memory_peak.TreePeak(process.pid) as peak:
            out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"bench: {kind} failed:\n{err[-3000:]}")
    figures = json.loads(out.strip().splitlines()[-1])
    return {**figures, "tree_peak_mb": peak.peak_mb if memory_peak.available() else None}


def _folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def _best(runs: list[dict]) -> dict:
    """The fastest of the rounds: on a shared machine the slower ones measure the neighbours."""
    return min(runs, key=lambda run: run["seconds"])


def page_kinds(site: Path) -> dict[str, tuple[int, int, int]]:
    """First folder of the address (research, browse, cpd...) -> (pages, bytes, largest page's bytes)."""
    kinds: dict[str, tuple[int, int, int]] = {}
    for page in site.rglob("*.html"):
        parts = page.relative_to(site).parts
        kind = parts[0] if len(parts) > 1 else "top"
        count, total, largest = kinds.get(kind, (0, 0, 0))
        size = page.stat().st_size
        kinds[kind] = (count + 1, total + size, max(largest, size))
    return dict(sorted(kinds.items()))


def measure(repo: Path, count: int, work: Path, rounds: int = 1, preview: bool = True) -> dict:
    """Our build and the plain one alternate, ``rounds`` times each, on the same corpus."""
    project = make_project(repo, work / "project", count)
    plain = make_plain_material(project, work / "plain")
    validate = _child("validate", project, work / "unused")
    warm = _child("validate", project, work / "unused")  # again, with what the first kept in .cache/
    ours, theirs = [], []
    for _ in range(rounds):
        shutil.rmtree(project / answer_store.FOLDER, ignore_errors=True)  # every round a first build, as in CI
        ours.append(_child("ours", project, work / "site"))
        theirs.append(_child("plain", plain, work / "plain-site"))
    second = _child("ours", project, work / "site")  # with the cache the last round kept: a second build
    ours_best, theirs_best = _best(ours), _best(theirs)
    site = work / "site"
    pages = list(site.rglob("*.html"))
    summary_pages = sorted((site / "research").glob("*/index.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    index_files, index_bytes = _folder_size(site / "pagefind")
    return {
        "n": count, "validate_s": validate["seconds"], "validate_warm_s": warm["seconds"], "ours": ours_best, "plain": theirs_best, "second": second,
        "ratio": ours_best["seconds"] / theirs_best["seconds"], "cpu_ratio": ours_best["cpu"] / theirs_best["cpu"],
        "summary_kb": sum(p.stat().st_size for p in summary_pages) / len(summary_pages) / 1024,
        "summary_parts": page_parts.mean_parts(summary_pages),
        "largest": f"{largest.relative_to(site).as_posix()} ({largest.stat().st_size / 1024:.0f} KB)",
        "index_files": index_files, "index_mb": index_bytes / 1e6, "pages": len(pages), "kinds": page_kinds(site),
        "reload_s": preview_bench.reload_seconds(project) if preview else None,
    }


def bench(repo: Path, sizes: str, search: bool = True, rounds: int = 1, preview: bool = True, lighthouse: bool = False) -> int:
    counts = [int(part) for part in sizes.split(",") if part.strip()]
    print(f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, {platform.system()}")
    missing = _why_no_search() if search else "skipped (--no-search)"
    if search and missing:
        print(f"  no search figures: {missing}", file=sys.stderr)
    no_lighthouse = _why_no_lighthouse(repo, missing) if lighthouse else "not asked for (--lighthouse)"
    rows, search_rows, page_rows, lighthouse_rows = [], [], [], []
    for count in counts:
        with tempfile.TemporaryDirectory(prefix="rwm-bench-") as folder:
            started, work = time.perf_counter(), Path(folder)
            rows.append(measure(repo, count, work, rounds, preview))
            if not missing:  # the corpus and site measure() made: nothing is built twice
                search_rows.append(search_bench.measure_search(repo, count, work, project=work / "project", site=work / "site"))
                page_rows.append((count, _page_figures(work)))
            if not no_lighthouse:
                lighthouse_rows.append((count, _lighthouse_figures(repo, work)))
            print(f"  measured N={count} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    _print_table(rows)
    page_parts.print_table([(row["n"], row["summary_parts"]) for row in rows])
    _print_search(search_rows, missing)
    if not missing:
        _print_questions(repo, counts[0])
    for count, figures in page_rows:
        page_bench.print_table(count, figures)
    for count, figures in lighthouse_rows:
        lighthouse_bench.print_table(count, figures)
    if lighthouse and no_lighthouse:
        print(f"\nLighthouse: not measured, {no_lighthouse}.")
    return 0


def _why_no_lighthouse(repo: Path, missing_browser: str | None) -> str | None:
    """Lighthouse runs on the sites the search figures build (plain Material's with its search)."""
    return missing_browser or lighthouse_bench.why_not(repo, search_bench._chromium())


def _lighthouse_figures(repo: Path, work: Path) -> list[dict]:
    from evidence.read.settings import Settings

    site_path = Settings.from_mkdocs_yml(work / "project" / "mkdocs.yml").site_path
    sites = [("ours", work / "site", site_path), ("plain Material", work / "lunr-site", "/")]
    return lighthouse_bench.measure(repo, sites, search_bench._chromium())


def _page_figures(work: Path) -> list[dict]:
    """Each page kind at a phone's size, beside plain Material with its own search (the lunr site
    ``search_bench`` built), since that is what a site on plain Material sends."""
    plain = work / "lunr-site"
    return page_bench.measure_pages(work / "site", plain if plain.is_dir() else None, search_bench._chromium())


def _why_no_search() -> str | None:
    """The search figures need Playwright and a Chromium; say which is missing instead of crashing."""
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (python3 build.py installs it)"
    if search_bench._chromium() is None and not _playwright_chromium():
        return "Chromium is missing: install it (apt-get install chromium) or set CHROMIUM_PATH, or pass --no-search"
    return None


def _playwright_chromium() -> bool:
    """A Chromium downloaded by ``playwright install``, used when there is no system one."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path).is_file()


def _print_search(rows: list[dict], missing: str | None) -> None:
    print()
    if rows:
        search_bench.print_table(rows)
    else:
        print(f"Search: not measured, {missing}.")


def bench_questions(repo: Path, sizes: str) -> int:
    """``--questions-only``: the held-out questions alone, without the build and page figures."""
    missing = _why_no_search()
    if missing:
        print(f"Search questions: not measured, {missing}.", file=sys.stderr)
        return 1
    _print_questions(repo, int(sizes.split(",")[0]))
    return 0


def _print_questions(repo: Path, distractors: int) -> None:
    """Held-out questions on the bundled site and among the first size's synthetic summaries (search_relevance)."""
    print()
    with tempfile.TemporaryDirectory(prefix="rwm-questions-") as folder:
        search_bench.print_questions(search_bench.measure_questions(repo, Path(folder), distractors))


def _print_table(rows: list[dict]) -> None:
    header = [
        "N", "validate", "our build: wall (CPU)", "plain Material+Pagefind: wall (CPU)", "ratio wall (CPU)",
        "peak memory ours: whole pipeline (Python + largest child)", "plain: whole pipeline (Python + largest child)", "ours again, cache kept: wall (CPU)", "pages", "largest page", "summary page", "index", "preview reload",
    ]
    print_table(header, [_cells(r) for r in rows])
    print()
    print_table(["N", "page kind", "pages", "bytes", "average", "largest"], [
        [str(r["n"]), kind, str(count), f"{total / 1e6:.1f} MB", f"{total / count / 1024:.1f} KB", f"{largest / 1024:.0f} KB"]
        for r in rows for kind, (count, total, largest) in r["kinds"].items()
    ])


def _memory(run: dict) -> str:
    """The whole tree's peak at one moment (``memory_peak``), then each process's own peak, at its own moment."""
    whole = "not measured" if run.get("tree_peak_mb") is None else f"{run['tree_peak_mb']:.0f} MB"
    return f"{whole} ({run['peak_mb']:.0f} + {run['child_peak_mb']:.0f} MB)"


def _wall_cpu(run: dict | None) -> str:
    return f"{run['seconds']:.1f} s ({run['cpu']:.1f} s)" if run else "not measured"


def _cells(r: dict) -> list[str]:
    ours, plain = r["ours"], r["plain"]
    reload = "not measured" if r["reload_s"] is None else f"{r['reload_s']:.1f} s"
    return [
        str(r["n"]), f"{r['validate_s']:.2f} s (warm {r['validate_warm_s']:.2f} s)", _wall_cpu(ours), _wall_cpu(plain),
        f"{r['ratio']:.2f} ({r['cpu_ratio']:.2f})", _memory(ours), _memory(plain), _wall_cpu(r.get("second")), str(r["pages"]), r["largest"], f"{r['summary_kb']:.1f} KB",
        f"{r['index_files']} files, {r['index_mb']:.1f} MB", reload,
    ]
