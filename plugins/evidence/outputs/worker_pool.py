"""Many answers of ``Precomputed`` functions at once, on every core the build may use.

After loading and validation the slow per-summary answers (citation text, QR
codes) are independent of each other, so they are split into batches for
worker processes. Workers are started with ``spawn``, which is safe in a
process that already runs threads (``serve``) and on every platform. Each
answer is stored under its own key, so the order workers finish in cannot
change a page. A handful of answers, or a machine with one core, is quicker
in this process than starting workers.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from .precomputed import Precomputed

MIN_PARALLEL = 200  # answers; below this, starting workers (about 0.6 s each) costs more than it saves
BATCHES_PER_WORKER = 4  # small enough that one slow batch does not leave a core idle at the end

Work = list[tuple[Precomputed, list[str]]]


def answer_all(work: Work, min_parallel: int = MIN_PARALLEL) -> None:
    """Fill each function's answers for its keys (keys already answered are skipped)."""
    work = [(function, function.missing(keys)) for function, keys in work]
    total, workers = sum(len(keys) for _, keys in work), cores()
    if workers > 1 and total >= min_parallel:
        try:
            return _in_workers(work, workers)
        except (OSError, BrokenProcessPool):  # no processes allowed here: the same answers, one by one
            pass
    for function, keys in work:
        for key in keys:
            function(key)


def cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _in_workers(work: Work, workers: int) -> None:
    size = math.ceil(sum(len(keys) for _, keys in work) / (workers * BATCHES_PER_WORKER))
    batches = [(function, keys[i : i + size]) for function, keys in work for i in range(0, len(keys), size)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        answered = pool.map(_answer, [(function.compute, keys) for function, keys in batches])
        for (function, keys), answers in zip(batches, answered):
            function.answers.update(zip(keys, answers))


def _answer(batch: tuple[Callable[[str], str], list[str]]) -> list[str]:
    """In a worker: the compute function arrives by name, so its module is imported there."""
    compute, keys = batch
    return [compute(key) for key in keys]
