"""Reading on every core and from the read cache gives the same answers as reading one file at a time.

Summaries read for the first time are shared between forked workers
(``evidence/model/forked_map.py``) and kept by content hash for later runs
(``read_cache``, ``read_store``). Neither may change a message, its order, or
which summaries are published; a failing or interrupted worker must cost time,
never an answer or a leftover process.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from conftest import BODY, summary_text
from evidence.model import forked_map, read_cache

BROKEN = [
    lambda n: summary_text(title=f"A study of talking mats number {n}", year="last year"),
    lambda n: summary_text(title=f"A study of picture boards number {n}", topics=["comunication"]),
    lambda n: summary_text(title=f"Unchecked for years, number {n}", published="2015-03-01"),
    lambda n: summary_text(title=f"Same study as the first one, number {n}", source={"citation": "Example findings 1", "url": "https://example.org/findings-1.pdf", "doi": "10.1234/same", "open_access": True}),
    lambda n: summary_text(body=BODY + "\n<script>alert(1)</script>\n", title=f"A study with markup number {n}"),
    lambda n: summary_text(body="## Why it matters\n\nSee [the other one](missing-summary.md).\n", title=f"A study with a broken link {n}"),
    lambda n: summary_text(body=BODY + "\n" + " ".join(["word"] * 50) + ".\n", title=f"A study with a long sentence {n}"),
    lambda n: "---\ntitle: An unclosed front matter\nyear: 2020\n",
    lambda n: "---\ntitle: A tab\n\tyear: 2020\n---\n\nBody\n",
    lambda n: b"---\ntitle: Bad bytes \xff here\n---\n\nBody\n",
    lambda n: "",
    lambda n: summary_text(title=f"A valid study of talking mats number {n}", year=2000 + n % 25),
]


@pytest.fixture
def many_broken(project):
    """Enough files of every kind of mistake that each worker reads some of each."""
    for number in range(240):
        project.add(f"study-{number:03d}.md", BROKEN[number % len(BROKEN)](number))
    project.add("Bad Name.md", summary_text(title="A file whose name is no address"))
    return project


def on_cores(monkeypatch, count: int) -> list[int]:
    """Read with ``count`` workers even on a one-core machine; returns the list the forks are recorded in."""
    forks: list[int] = []
    start = forked_map._fork

    def recorded(function, share):
        child = start(function, share)
        forks.append(child.pid if child else 0)
        return child

    monkeypatch.setattr(forked_map, "free_cores", lambda: count)
    # The whole suite runs with the browser tests' idle server threads alive, where reading forks no worker;
    # the forking itself is what these tests check, so they allow it.
    monkeypatch.setattr(forked_map, "may_fork", lambda: True)
    monkeypatch.setattr(forked_map, "MIN_SHARE", 1)
    monkeypatch.setattr(forked_map, "_fork", recorded)
    return forks


def fresh_load(project):
    """A first run: nothing in memory, nothing on disk."""
    read_cache.forget()
    for kept in (project.root / ".cache").rglob("*.pickle"):
        kept.unlink()
    return project.library()


def answers(library) -> tuple[list[str], list[tuple]]:
    """What a user sees: every message in the order found, and every published summary with its data."""
    return [str(p) for p in library.problems.items], [(s.slug, s.data, s.body, s.lines, s.links) for s in library.summaries]


def test_every_core_cold_or_warm_gives_the_messages_of_one_file_at_a_time(many_broken, monkeypatch):
    serial = answers(fresh_load(many_broken))
    assert len(serial[0]) > 240 and serial[1], "the fixture has problems and publishes something"
    forks = on_cores(monkeypatch, 3)
    assert answers(fresh_load(many_broken)) == serial, "read by three workers"
    assert len(forks) == 2 and all(forks), "two workers were started beside this process"
    reads = read_cache.reads()
    assert answers(many_broken.library()) == serial, "kept in memory (a reload under serve)"
    read_cache.forget()
    assert answers(many_broken.library()) == serial, "kept on disk (the next check)"
    assert read_cache.reads() == reads, "nothing was read again"


def test_an_edited_file_is_read_again_by_its_content(many_broken, monkeypatch):
    on_cores(monkeypatch, 2)
    before = answers(fresh_load(many_broken))
    edited = many_broken.summaries / "study-000.md"
    stat = edited.stat()
    text = edited.read_text(encoding="utf-8").replace("year: last year", "year: 1999")
    edited.write_text(text, encoding="utf-8")
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time: only the content says it changed
    read_cache.forget()
    reads = read_cache.reads()
    after = answers(many_broken.library())
    assert read_cache.reads() == reads + 1, "only the edited file is read"
    mine = "research_summaries/study-000.md:"
    assert any(p.startswith(mine) and "'year'" in p for p in before[0])
    assert not any(p.startswith(mine) and "'year'" in p for p in after[0])
    assert [p for p in after[0] if not p.startswith(mine)] == [p for p in before[0] if not p.startswith(mine)]


def _dies_in_a_worker(parent: int):
    def square(number: int) -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return number * number

    return square


def test_a_worker_that_dies_costs_time_not_answers(monkeypatch):
    forks = on_cores(monkeypatch, 2)
    assert forked_map.ordered_map(_dies_in_a_worker(os.getpid()), range(50)) == [n * n for n in range(50)]
    assert forks


def test_an_error_is_raised_here_once_without_a_worker_traceback(monkeypatch, capfd):
    on_cores(monkeypatch, 2)

    def fails_on_odd(number: int) -> int:
        if number % 2:
            raise ValueError(f"odd {number}")
        return number

    with pytest.raises(ValueError, match="odd 1"):
        forked_map.ordered_map(fails_on_odd, range(10))
    assert "Traceback" not in capfd.readouterr().err


def test_an_interrupt_leaves_no_worker_behind(monkeypatch):
    forks = on_cores(monkeypatch, 3)
    parent = os.getpid()

    def slow_in_workers(number: int) -> int:
        if os.getpid() == parent:
            raise KeyboardInterrupt  # Ctrl-C while this process reads its own share
        time.sleep(30)  # a worker still busy (bounded, so a regression fails instead of hanging)
        return number

    with pytest.raises(KeyboardInterrupt):
        forked_map.ordered_map(slow_in_workers, range(9))
    assert len(forks) == 2
    for pid in forks:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaped already: neither running nor a zombie
