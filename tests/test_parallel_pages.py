"""Pages rendered in worker processes (evidence_mkdocs/parallel_pages.py) give a serial build's site and messages.

A fixture site is built serially and with three workers (whatever the machine's
cores) and compared file by file; a page that fails in a worker, and Ctrl+C
while workers run, end as they do serially, with no process left behind.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from pathlib import Path

import pytest
from mkdocs.plugins import event_priority

from conftest import summary_text
from reading_path_text import reading_path_text
from evidence.model import forked_map
from evidence_mkdocs import page_workers, parallel_pages

# Pagefind writes these from a per-process hash map (tests/test_reproducible.py): same data, other bytes.
PAGEFIND_UNSTABLE = ("pagefind/filter/", "pagefind/pagefind-entry.json", "pagefind/pagefind.en_")
TEMPLATE_SCRIPT = "<script>window.councilCounter = 1;</script>"


def files(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*")) if p.is_file() and not p.relative_to(site).as_posix().startswith(PAGEFIND_UNSTABLE)
    }


def children() -> set[int]:
    """This process's child processes, as the kernel lists them (reaped ones are gone, zombies are not)."""
    pids = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        pids |= {int(pid) for pid in (task / "children").read_text().split()}
    return pids


@pytest.fixture
def site_project(project):
    for number in range(1, 6):
        project.add(f"study-{number}.md", summary_text(title=f"Study number {number} of talking mats", published=f"2026-01-0{number}", standards=["swe:4.2"]))
    project.add_reading_path("first-steps.md", reading_path_text(summary="study-1"))
    main = project.root / "overrides/main.html"  # an inline script on every page: one warning naming the first page
    main.write_text(main.read_text().replace("{% block header %}", "{% block header %}" + TEMPLATE_SCRIPT, 1))
    return project


def forking_allowed(monkeypatch) -> None:
    """The whole suite runs with the browser tests' idle server threads alive, where a build forks no
    worker (``test_other_threads_keep_the_build_serial``); the forking itself is what these tests check."""
    monkeypatch.setattr(forked_map, "may_fork", lambda: True)


@pytest.fixture
def workers(monkeypatch):
    """Three workers on any machine; the number started is counted, so a silently serial build fails the test."""
    started = []
    monkeypatch.setattr(parallel_pages, "WORKERS", 3)
    forking_allowed(monkeypatch)
    original = page_workers.Worker.__init__

    def counting(self, task):
        original(self, task)
        started.append(self.pid)

    monkeypatch.setattr(page_workers.Worker, "__init__", counting)
    return started


def build_both(project, capsys, monkeypatch) -> dict[str, tuple[int, str, str]]:
    """(exit code, stdout, stderr) of a serial build, then a build with workers, into two folders."""
    results = {}
    monkeypatch.setattr(logging.getLogger("mkdocs"), "handlers", [])  # MkDocs' messages go to this test's stderr
    for name, enabled in (("built-serially", False), ("built-in-workers", True)):
        monkeypatch.setattr(parallel_pages, "ENABLED", enabled)
        code = project.build(project.root / name)
        out, err = capsys.readouterr()
        results[name] = (code, out.replace(name, "SITE"), err.replace(name, "SITE"))  # the folder is named in messages
    return results


def test_pages_rendered_in_workers_are_the_serial_build_byte_for_byte(site_project, workers, capsys, monkeypatch):
    results = build_both(site_project, capsys, monkeypatch)
    assert len(workers) == 3, "the pages were not rendered in workers"
    serial, parallel = files(site_project.root / "built-serially"), files(site_project.root / "built-in-workers")
    assert sorted(serial) == sorted(parallel)
    assert [name for name in serial if serial[name] != parallel[name]] == []
    assert any(name.endswith("index.html") for name in serial)
    [serial_run, parallel_run] = [(code, out.split(" in ")[0], err) for code, out, err in results.values()]
    assert serial_run == parallel_run and serial_run[0] == 0
    assert "councilCounter" in serial_run[1] and "404.html and" in serial_run[1]  # the warning names the first page alike
    assert children().isdisjoint(workers)  # every worker reaped (other tests' servers may be children too)
    assert gc.get_freeze_count() == 0  # the objects frozen while workers shared them are collectable again


def test_a_page_failing_in_a_worker_stops_the_build_with_the_serial_message(site_project, workers, capsys, monkeypatch):
    assert site_project.build() == 0
    before = files(site_project.root / "site")
    main = site_project.root / "overrides/main.html"  # one page, rendered by a worker, cannot be rendered
    failing = '{% if page and page.url == "research/study-3/" %}{{ page.no_such_thing.at_all }}{% endif %}'
    main.write_text(main.read_text().replace("{% block header %}", "{% block header %}" + failing, 1))
    capsys.readouterr()
    results = build_both(site_project, capsys, monkeypatch)
    assert workers, "the pages were not rendered in workers"
    assert results["built-serially"] == results["built-in-workers"]
    code, _, err = results["built-in-workers"]
    assert code == 1 and "Error building page 'research/study-3.md'" in err and "Traceback" not in err
    assert files(site_project.root / "site") == before
    assert [p.name for p in site_project.root.iterdir() if "built-in-workers" in p.name] == []
    assert children().isdisjoint(workers)  # every worker reaped (other tests' servers may be children too)


def test_ctrl_c_while_workers_render_leaves_no_process_and_the_previous_site(site_project, workers, monkeypatch):
    assert site_project.build() == 0
    before = files(site_project.root / "site")

    @event_priority(100)  # where the workers are waited for
    def interrupted(self, config):
        raise KeyboardInterrupt

    monkeypatch.setattr(parallel_pages.PageWorkers, "on_post_build", interrupted)  # as if Ctrl+C came while they render
    with pytest.raises(KeyboardInterrupt):
        site_project.build()
    assert workers, "the pages were not rendered in workers"
    assert children().isdisjoint(workers)  # every worker reaped (other tests' servers may be children too)
    assert gc.get_freeze_count() == 0
    assert files(site_project.root / "site") == before
    assert [p for p in site_project.root.iterdir() if p.name.startswith(".site")] == []


def test_another_plugin_that_runs_while_pages_render_keeps_the_build_serial(site_project, monkeypatch):
    """What such a plugin collects page by page would stay in the workers; plugins that do not are no reason."""
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin

    class Counting(BasePlugin):
        def on_post_page(self, output, page, config):
            return output

    class Quiet(BasePlugin):
        def on_post_build(self, config):
            pass

    monkeypatch.setattr(parallel_pages, "WORKERS", 3)
    forking_allowed(monkeypatch)
    config = load_config(config_file=str(site_project.root / "mkdocs.yml"), site_dir=str(site_project.root / "new-site"))
    config.plugins["quiet"] = Quiet()
    assert parallel_pages.workers(config) == 3
    config.plugins["counting"] = Counting()
    assert parallel_pages.workers(config) == 0


def test_a_site_folder_with_files_in_it_is_built_serially(site_project, monkeypatch):
    """A dirty build would keep what is already there: only an empty (or new) folder gets workers."""
    from mkdocs.config import load_config

    monkeypatch.setattr(parallel_pages, "WORKERS", 3)
    forking_allowed(monkeypatch)
    folder = site_project.root / "elsewhere"
    config = load_config(config_file=str(site_project.root / "mkdocs.yml"), site_dir=str(folder))
    folder.mkdir()
    assert parallel_pages.workers(config) == 3
    (folder / "old.html").write_text("an earlier build")
    assert parallel_pages.workers(config) == 0


def test_other_threads_keep_the_build_serial(site_project, monkeypatch):
    """A fork copies only the calling thread: a lock another thread holds would stay held in the worker."""
    import threading
    from mkdocs.config import load_config

    monkeypatch.setattr(parallel_pages, "WORKERS", 3)
    config = load_config(config_file=str(site_project.root / "mkdocs.yml"), site_dir=str(site_project.root / "new-site"))
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert parallel_pages.workers(config) == 0
    finally:
        release.set()
        other.join()
    forking_allowed(monkeypatch)
    assert parallel_pages.workers(config) == 3


def test_workers_that_memory_cannot_afford_are_not_started_and_the_site_is_the_same(site_project, workers, capsys, monkeypatch):
    monkeypatch.setattr(parallel_pages, "MEMORY_BUDGET_MB", 1)  # below the build's own size: no room for a worker
    results = build_both(site_project, capsys, monkeypatch)
    assert workers == []
    assert files(site_project.root / "built-serially") == files(site_project.root / "built-in-workers")
    assert results["built-serially"][0] == results["built-in-workers"][0] == 0
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize(("parent_mb", "expected"), [(100, 3), (500, 2), (600, 1), (1100, 0)])
def test_workers_are_counted_against_the_memory_budget(parent_mb, expected):
    """Each worker is assumed to copy half the parent: 500 MB leaves room for two within 1 GB, 600 MB for one."""
    assert parallel_pages.affordable(3, parent_mb, 1024) == expected
