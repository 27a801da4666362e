"""``python3 build.py`` as editors and maintainers use it: messages, exit codes, scaffolding."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, summary_text

spec = importlib.util.spec_from_file_location("build_entry", REPO / "build.py")
build_entry = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_entry)

from evidence_cli import run  # noqa: E402
from evidence_cli.page_parts import BRIEFING  # noqa: E402
from evidence_cli.search_relevance import Score  # noqa: E402


def cli(project, *argv) -> int:
    return run(build_entry.parse_args(list(argv)), project.root)


def test_help_lists_every_command():
    out = subprocess.run([sys.executable, "build.py", "--help"], cwd=REPO, capture_output=True, text=True).stdout
    for command in ["build", "check", "serve", "new", "test", "bench", "report"]:
        assert re.search(rf"^\s+{command}\s", out, re.M), command


def environment_ok(plugins: Path) -> int:
    """build.py's own check in a fresh interpreter that imports the plugins from ``plugins``.

    conftest puts this checkout's plugins first on the path; the child gets the same, so
    the answer does not depend on which checkout the venv's editable install points at
    (a copied folder, a clone in /tmp run with another checkout's .venv).
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(plugins), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "build.py", "--environment-ok"], cwd=REPO, env=env).returncode


def test_environment_already_complete_means_no_bootstrap():
    assert build_entry.missing_requirements() == []
    assert environment_ok(REPO / "plugins") == 0


def test_plugins_from_another_checkout_mean_a_reinstall(tmp_path):
    """Otherwise MkDocs would build this checkout's content with another checkout's code."""
    (tmp_path / "evidence_mkdocs").mkdir()
    (tmp_path / "evidence_mkdocs/__init__.py").write_text("")
    assert environment_ok(tmp_path) == 1


def test_check_on_the_repository_passes():
    result = subprocess.run([sys.executable, "build.py", "check"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^Checked \d+ summaries, \d+ reading paths, \d+ frameworks and \d+ vocabularies in [\d.]+ s: 0 errors", result.stdout, re.M)


def test_a_reader_that_stops_early_gets_no_traceback():
    """``python3 build.py check | head -1``: the pipe closes before the rest is written."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        result = subprocess.run([sys.executable, "build.py", "check"], cwd=REPO, stdout=writing, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(writing)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr


def test_check_lists_every_problem_and_fails(project, capsys):
    project.add("one.md", summary_text(design="trial"))
    project.add("two.md", "no front matter here\n")
    assert cli(project, "check") == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("research_summaries/one.md:") and "'design'" in line for line in out)
    assert any(line.startswith("research_summaries/two.md:1: missing front matter") for line in out)
    assert out[-1].startswith("Checked 2 summaries, ") and ": 2 errors" in out[-1]


def test_github_annotations_are_escaped(project, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    project.add("one.md", summary_text(design="trial, 50% done: phase 1"))
    assert cli(project, "check") == 1
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("::error"))
    assert line.startswith("::error file=research_summaries/one.md,line=")
    assert "title=Content check::'design': 'trial, 50%25 done: phase 1' is not a known study design" in line


def test_new_scaffold_fails_until_filled_then_passes(project, capsys):
    assert cli(project, "new", "Talking mats: a new way to listen") == 0
    path = project.summaries / "talking-mats-a-new-way-to-listen.md"
    assert path.exists()
    assert cli(project, "new", "Talking mats: a new way to listen") == 1
    assert "already exists" in capsys.readouterr().out
    assert cli(project, "check") == 1
    assert "still says FILL IN" in capsys.readouterr().out
    path.write_text(fill(path.read_text()))
    assert cli(project, "check") == 0, capsys.readouterr().out


def fill(text: str) -> str:
    """What an editor does: replace each FILL IN with an allowed or sensible value."""
    answers = {
        "summary": "Staff listened better when they used picture boards with residents.",
        "citation": "Example findings 2", "url": "https://example.org/findings-2",
        "design": "qualitative", "strand": "seldom-heard-voices", "practice_area": "adults",
        "scheme": "grade-cerqual", "level": "low", "reason": "One small study in two homes.",
    }
    lines = []
    for line in text.splitlines():
        key = line.strip().split(":", 1)[0]
        if line.strip() == "- FILL IN":
            line = line.replace("FILL IN", "communication" if "topics" in lines[-1] else "people-with-learning-disabilities")
        elif "FILL IN" in line and key in answers:
            line = line.replace("FILL IN", answers[key])
        elif line.startswith("FILL IN:"):
            line = "Plain words about the study."
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_report_lists_reviews_due_and_closed_sources(project, capsys):
    project.add("old.md", summary_text(published="2019-01-01"))
    project.add("fresh.md", summary_text(title="A recent and open study", published="2026-01-01"))
    project.add("paywalled.md", summary_text(title="A study behind a paywall", source={"citation": "Journal", "url": "https://example.org/j", "open_access": False}))
    assert cli(project, "report") == 0
    out = capsys.readouterr().out
    due = out.split("Sources without")[0]
    assert "research_summaries/old.md  last checked 2019-01-01" in due and "fresh.md" not in due
    assert "research_summaries/paywalled.md  (paywalled) https://example.org/j" in out


def test_old_summary_is_a_warning_naming_the_fix(project):
    text = summary_text(published="2019-01-01")
    project.add("old.md", text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("published:"))
    warnings = [str(p) for p in project.library().problems.warnings]
    assert warnings == [f"research_summaries/old.md:{line}: warning: not reviewed since 2019-01-01 (over 3 years): check it against the source and set 'reviewed:' to today's date"]


def test_a_summary_without_two_search_queries_is_a_warning_naming_the_fix_not_an_error(project, capsys):
    project.add("none.md", summary_text(search_queries=None))
    text = summary_text(title="Pictures in day services", search_queries=["pictures in day services"])
    project.add("one.md", text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("search_queries:"))
    assert cli(project, "check") == 0
    out = capsys.readouterr().out
    assert "research_summaries/none.md:1: warning: no search query checks this summary; add 2 under 'search_queries:', in the words a practitioner would type (not the title), that should find it first" in out
    assert f"research_summaries/one.md:{line}: warning: only one search query checks this summary; add 1 under 'search_queries:'" in out


RUN = {"seconds": 1.0, "cpu": 1.5, "peak_mb": 70, "child_peak_mb": 50, "tree_peak_mb": 110}
BUILD_ROW = {"n": 3, "validate_s": 0.01, "validate_warm_s": 0.005, "ours": RUN, "plain": {**RUN, "seconds": 0.5, "tree_peak_mb": None}, "ratio": 2.0, "cpu_ratio": 1.0, "summary_kb": 30.0,
             "largest": "cpd/coverage/ (9 KB)", "index_files": 9, "index_mb": 0.1, "pages": 40, "kinds": {"research": (3, 90_000, 31_000)}, "reload_s": 1.5,
             "second": {**RUN, "seconds": 0.75}, "summary_parts": {"head": 3000.0, BRIEFING: 2048.0, "whole page": 22528.0, "beyond the briefing": 20480.0}}
PAGE_ROW = {"kind": "summary", "requests": 9, "bytes": 300_000, "transferred": 80_000, "lcp": 500.0, "cls": 0.0, "elements": 50.0}
LIGHTHOUSE_ROW = {"site": "ours", "kind": "summary", "form": "mobile", "performance": 97, "accessibility": 100,
                  "lcp": 1800.0, "cls": 0.0, "tbt": 80.0, "bytes": 81_000, "dom": 345}
QUESTIONS_ROW = {"site": "bundled site", "score": Score(asked=10, first=7, top=9, misses=("'lonely' (line 3) should find /research/x/; got []",))}
SEARCH_ROW = {"n": 3, "index_files": 9, "index_bytes": 100_000, "page_bytes": 300_000, "page_index_bytes": 50_000, "box_index_bytes": 40_000, "lunr_bytes": 20_000}


@pytest.fixture
def bench_spy(monkeypatch):
    """bench with its measurements replaced by records of the calls: the wiring, not the figures."""
    from evidence_cli import bench, page_bench, search_bench

    calls = {}
    monkeypatch.setattr(bench, "measure", lambda repo, count, work, rounds, preview: calls.setdefault("build", work) and BUILD_ROW)
    monkeypatch.setattr(search_bench, "measure_search", lambda repo, count, work, **kw: calls.setdefault("search", kw) and SEARCH_ROW)
    monkeypatch.setattr(page_bench, "measure_pages", lambda site, plain, chromium: calls.setdefault("pages", site) and [PAGE_ROW])
    monkeypatch.setattr(search_bench, "measure_questions", lambda repo, work, distractors: calls.setdefault("questions", distractors) and [QUESTIONS_ROW])
    return calls


def markdown_tables(out: str) -> list[list[str]]:
    """Each run of consecutive lines starting with '|'."""
    return [block.splitlines() for block in re.findall(r"(?:^\|.*\n?)+", out, re.M)]


def test_bench_measures_search_on_the_corpus_and_site_it_built(bench_spy, monkeypatch, capsys):
    from evidence_cli import bench

    monkeypatch.setattr(bench, "_why_no_search", lambda: None)
    assert run(build_entry.parse_args(["bench", "--n", "3"]), REPO) == 0
    work = bench_spy["build"]
    assert bench_spy["search"] == {"project": work / "project", "site": work / "site"}
    tables = markdown_tables(capsys.readouterr().out)
    assert bench_spy["pages"] == work / "site"
    assert [t[0].split(" | ")[1] for t in tables] == ["validate", "page kind", "head", "Pagefind index", "asked", "requests"]
    assert bench_spy["questions"] == 3, "the questions are also asked among the first size's synthetic summaries"
    for table in tables:
        assert len(table) == 3 and len({line.count("|") for line in table}) == 1, table
    assert "| 1.0 s (1.5 s) | 0.5 s (1.5 s) | 2.00 (1.00) | 110 MB (70 + 50 MB) | not measured (70 + 50 MB) |" in tables[0][2] and "| 0.8 s (1.5 s) | 40 |" in tables[0][2] and tables[0][2].endswith("| 1.5 s |")
    assert tables[0][2].startswith("| 3 | 0.01 s (warm 0.01 s) |")
    assert tables[1][2] == "| 3 | research | 3 | 0.1 MB | 29.3 KB | 30 KB |"
    assert tables[2][2].startswith("| 3 | 2.93 KB | - |") and tables[2][2].endswith("| 22.00 KB | 20.00 KB |"), "a summary page by part"
    assert tables[3][2] == "| 3 | 9 files, 0.1 MB | 293 KB (49 KB) | 39 KB | 0.0 MB |"
    assert tables[4][2] == "| bundled site | 10 | 70% (7) | 90% (9) |"


def test_bench_questions_only_prints_top_1_and_top_3_and_each_miss(bench_spy, monkeypatch, capsys):
    from evidence_cli import bench

    monkeypatch.setattr(bench, "_why_no_search", lambda: None)
    assert run(build_entry.parse_args(["bench", "--questions-only", "--n", "50,100"]), REPO) == 0
    out = capsys.readouterr().out
    assert "build" not in bench_spy and "search" not in bench_spy and bench_spy["questions"] == 50
    assert markdown_tables(out) == [["| held-out questions | asked | top-1 | top-3 |", "|---|---|---|---|", "| bundled site | 10 | 70% (7) | 90% (9) |"]]
    assert "missed on bundled site: 'lonely' (line 3) should find /research/x/; got []" in out


def test_bench_questions_only_without_chromium_says_why(bench_spy, monkeypatch, capsys):
    from evidence_cli import bench

    monkeypatch.setattr(bench, "_why_no_search", lambda: "Chromium is missing")
    assert run(build_entry.parse_args(["bench", "--questions-only"]), REPO) == 1
    assert "questions" not in bench_spy
    assert "Search questions: not measured, Chromium is missing." in capsys.readouterr().err


def test_bench_without_chromium_says_so_and_still_prints_the_build_figures(bench_spy, monkeypatch, capsys):
    from evidence_cli import bench, search_bench

    monkeypatch.setattr(search_bench, "_chromium", lambda: None)
    monkeypatch.setattr(bench, "_playwright_chromium", lambda: False)
    assert run(build_entry.parse_args(["bench", "--n", "3"]), REPO) == 0
    out, err = capsys.readouterr()
    assert "search" not in bench_spy and len(markdown_tables(out)) == 3, "build, page kinds, a summary page by part"
    assert "Search: not measured, Chromium is missing: install it (apt-get install chromium) or set CHROMIUM_PATH, or pass --no-search." in out
    assert "no search figures: Chromium is missing" in err


def test_bench_lighthouse_measures_our_site_and_plain_materials_in_the_same_run(bench_spy, monkeypatch, capsys):
    from evidence_cli import bench, lighthouse_bench

    monkeypatch.setattr(bench, "_why_no_search", lambda: None)
    monkeypatch.setattr(lighthouse_bench, "why_not", lambda repo, chromium: None)
    monkeypatch.setattr(lighthouse_bench, "measure", lambda repo, sites, chromium: bench_spy.setdefault("lighthouse", sites) and [LIGHTHOUSE_ROW])
    assert run(build_entry.parse_args(["bench", "--n", "3", "--lighthouse"]), REPO) == 0
    work = bench_spy["build"]
    assert bench_spy["lighthouse"] == [("ours", work / "site", "/"), ("plain Material", work / "lunr-site", "/")]
    table = markdown_tables(capsys.readouterr().out)[-1]
    assert table[0].startswith("| site | page kind | form factor | performance | accessibility | LCP | CLS | TBT | bytes")
    assert table[2] == "| ours | summary | mobile | 97 | 100 | 1.80 s | 0.000 | 80 ms | 79 KB | 345 |"


def test_bench_lighthouse_without_node_says_what_to_install(bench_spy, monkeypatch, capsys):
    from evidence_cli import bench, lighthouse_bench

    monkeypatch.setattr(bench, "_why_no_search", lambda: None)
    monkeypatch.setattr(lighthouse_bench.shutil, "which", lambda name: None)
    monkeypatch.setattr(lighthouse_bench, "measure", lambda *args: pytest.fail("Lighthouse ran without Node.js"))
    assert run(build_entry.parse_args(["bench", "--n", "3", "--lighthouse"]), REPO) == 0
    assert "Lighthouse: not measured, Node.js is missing: install it (apt-get install nodejs npm)." in capsys.readouterr().out


def test_bench_no_search_skips_the_browser(bench_spy, capsys):
    assert run(build_entry.parse_args(["bench", "--n", "3", "--no-search"]), REPO) == 0
    assert "search" not in bench_spy
    assert "Search: not measured, skipped (--no-search)." in capsys.readouterr().out
