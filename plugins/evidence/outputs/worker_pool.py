"""Many answers of ``Precomputed`` functions at once, on every core the build may use.

After loading and validation the slow per-summary answers (citation text, QR
codes) are independent of each other. Each core gets a share in a worker:
a fresh ``python -m evidence.outputs.worker_pool`` reading its share as JSON
and writing the answers back, while this process goes on with the build
(converting every page's Markdown) until it needs them. A plain child
process rather than ``multiprocessing``: the ``spawn`` start method imports
the host's main script again in every worker, which re-runs any build script
written without a ``__main__`` guard, and ``fork`` is unsafe in ``serve``,
which runs threads. Each answer is stored under its
own key, so the order in which shares finish cannot change a page. A handful
of answers, or a machine with one core, stays in this process.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO, Callable

from .precomputed import Precomputed

MIN_PARALLEL = 200  # answers; below this, starting a worker (about 0.6 s) costs more than it saves

Work = list[tuple[Precomputed, list[str]]]


def answer_all(work: Work, min_parallel: int = MIN_PARALLEL) -> None:
    """Fill each function's answers for its keys (keys already answered are skipped)."""
    answering(work, min_parallel).finish()


def answering(work: Work, min_parallel: int = MIN_PARALLEL) -> "Answering":
    """Start the answers: enough of them go to one worker per core, which run while this
    process carries on with other work until ``finish``; a few are answered here at once."""
    work = [(function, function.missing(keys)) for function, keys in work]
    if cores() < 2 or sum(len(keys) for _, keys in work) < min_parallel:
        _answer_here(work)
        return Answering([])
    return Answering([_start(_share(work, number, cores())) for number in range(cores())])


class Answering:
    """Workers under way; ``finish`` waits for their answers (and computes what any failed to give)."""

    def __init__(self, workers: list) -> None:
        self.workers = workers

    def finish(self) -> None:
        while self.workers:
            _collect(*self.workers.pop(0))


def cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _share(work: Work, number: int, shares: int) -> Work:
    """Every ``shares``-th key of each function, so each share gets the same mix of cheap and dear."""
    return [(function, keys[number::shares]) for function, keys in work if keys[number::shares]]


def _answer_here(share: Work) -> None:
    for function, keys in share:
        for key in keys:
            function(key)  # computed only when not answered yet


def _start(share: Work) -> tuple[Work, subprocess.Popen | None]:
    """The worker reads its share from a file, so starting it never waits for it to read."""
    request = tempfile.TemporaryFile("w+", encoding="utf-8")
    json.dump([[_name(function.compute), keys] for function, keys in share], request)
    request.seek(0)
    package_root = str(Path(__file__).resolve().parents[2])  # the folder holding evidence/
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    try:
        worker = subprocess.Popen([sys.executable, "-m", __name__], stdin=request, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    except OSError:  # no processes allowed here: this process answers the share itself
        worker = None
    finally:
        request.close()  # the child holds its own handle
    return share, worker


def _collect(share: Work, worker: subprocess.Popen | None) -> None:
    """The worker's answers; whatever it could not answer is computed here, so a failure there
    (a crash, a killed process) costs time, never a wrong page, and a real error is raised here."""
    try:
        output = worker.communicate()[0] if worker else b""
        answers = json.loads(output) if worker and worker.returncode == 0 else []
    except ValueError:
        answers = []
    for (function, keys), given in zip(share, answers):
        if isinstance(given, list) and len(given) == len(keys):
            function.answers.update(zip(keys, given))
    _answer_here(share)  # only keys still missing are computed


def _name(compute: Callable[[str], str]) -> str:
    return f"{compute.__module__}:{compute.__qualname__}"


def _serve(requests: IO[str], answers: IO[str]) -> None:
    """In a worker: each request is a function's name and keys; the answers go back in order."""
    out = []
    for name, keys in json.load(requests):
        module, qualname = name.split(":")
        compute = getattr(importlib.import_module(module), qualname)
        out.append([compute(key) for key in keys])
    json.dump(out, answers)


if __name__ == "__main__":
    _serve(sys.stdin, sys.stdout)
