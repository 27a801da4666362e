"""The whole pipeline's peak memory: a process and all its descendants at once, sampled from /proc.

``ru_maxrss`` gives each process's own peak, at different moments: the build's
and Pagefind's peaks added overstate the pipeline, and forked render workers
are not counted at all. Issue #12 asks about the whole pipeline, so the bench
samples the tree from the parent every 50 ms and keeps the largest sum. Each
process counts its proportional set size (PSS, ``/proc/<pid>/smaps_rollup``),
which shares a page among the processes that map it: forked workers' copies of
the parent's memory are counted once, as the machine holds them once. Where
PSS cannot be read, resident size (RSS) stands in, which overstates shared pages.
A peak shorter than the interval can be missed: the figure is a lower bound.
"""

from __future__ import annotations

import threading
from pathlib import Path

PROC = Path("/proc")
INTERVAL_S = 0.05


def available() -> bool:
    """Linux with /proc: elsewhere the bench prints "not measured" instead of a wrong figure."""
    return (PROC / "self" / "status").is_file()


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants, through each thread's ``children`` list (threads fork too)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue += _children(current)
    return found


def _children(pid: int) -> list[int]:
    children = []
    for task in _listing(PROC / str(pid) / "task"):
        children += [int(word) for word in _read(task / "children").split()]
    return children


def resident_kb(pid: int) -> int:
    """PSS in kB, or RSS where smaps_rollup is missing or unreadable; 0 for a process that has ended."""
    for file, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        for line in _read(PROC / str(pid) / file).splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    return 0


def _read(path: Path) -> str:
    """A /proc file's text, or '' once its process has gone (it may end between listing and reading)."""
    try:
        return path.read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""


def _listing(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


class TreePeak:
    """Samples a process tree in a background thread until stopped; ``peak_mb`` is the largest sum seen."""

    def __init__(self, pid: int, interval: float = INTERVAL_S) -> None:
        self.pid, self.interval = pid, interval
        self.peak_kb, self.processes = 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreePeak":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> int:
        """One reading of the whole tree; also the most processes seen at once (workers, Pagefind)."""
        pids = tree(self.pid)
        total = sum(resident_kb(pid) for pid in pids)
        self.peak_kb, self.processes = max(self.peak_kb, total), max(self.processes, len(pids))
        return total
