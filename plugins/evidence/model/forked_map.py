"""Reading files on every core: a function mapped over items in forked workers, answers in order.

Reading a summary for the first time (YAML, schema, vocabularies, the body's
checks) is work on that file alone, about 0.6 ms each: 10,000 of them were most
of a first ``check``. The items are dealt out in turn, one share per core; this
process reads the first share while forked children read the others, then
takes their answers (pickled through a pipe) and puts every answer back in the
items' own order, so what is reported never depends on which core read what.

Forked, not spawned as in ``outputs/worker_pool``: a child starts at once with
the schema, vocabularies and link scanner already built, where a fresh Python
takes about 0.6 s to import them. Forking is unsafe while other threads run (the
preview server's), so then, on one core, or for a few items, everything is read
here, as it is when other work keeps the cores busy. A child that fails for any reason (a crash, a kill, an answer that cannot
be pickled) only costs time: its share is read again here, where an error is
raised as it would be without workers. A child's own traceback is never shown.
If this process is interrupted (Ctrl-C), it kills and reaps every child before
the interrupt goes on, so no process is left behind.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from dataclasses import dataclass
from typing import IO, Callable, NoReturn, Sequence, TypeVar

Item = TypeVar("Item")
Answer = TypeVar("Answer")

MIN_SHARE = 100  # items per core at least: below that, forking and pickling cost more than they save


def ordered_map(function: Callable[[Item], Answer], items: Sequence[Item]) -> list[Answer]:
    """``[function(item) for item in items]``, computed on every core this process may use."""
    shares = min(free_cores(), len(items) // MIN_SHARE) if may_fork() else 1
    if shares < 2:
        return [function(item) for item in items]
    children: list[_Child | None] = []
    try:
        children = [_fork(function, items[number::shares]) for number in range(1, shares)]
        answers = [[function(item) for item in items[0::shares]]]
        answers += [_collect(child, function, items[number::shares]) for number, child in enumerate(children, start=1)]
    finally:
        for child in children:
            _end(child)
    ordered: list = [None] * len(items)
    for number, share in enumerate(answers):
        ordered[number::shares] = share
    return ordered


def cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def free_cores() -> int:
    """Cores left to this process by other work: a worker on a core something else is using only adds
    the cost of sending its answers (measured at 10,000 summaries with a load average of 5 on 2 cores:
    7.2-7.7 s with a worker, 6.1-6.9 s without). The load average counts this process once it has run."""
    try:
        busy = int(os.getloadavg()[0])
    except (AttributeError, OSError):  # no load average here: assume the cores are free
        busy = 0
    return max(1, min(cores(), cores() + 1 - busy))


def may_fork() -> bool:
    """A fork copies only the calling thread: with others running, a lock one of them holds stays held."""
    return hasattr(os, "fork") and threading.active_count() == 1


@dataclass
class _Child:
    pid: int
    answers: IO[bytes]
    reaped: bool = False


def _fork(function: Callable, share: Sequence) -> _Child | None:
    """A child computing ``share``; None when no process can be started (then this process computes it)."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        os.close(read_end)
        _work(function, share, write_end)
    os.close(write_end)
    return _Child(pid, os.fdopen(read_end, "rb"))


def _work(function: Callable, share: Sequence, write_end: int) -> NoReturn:
    """In the child: compute, send, and leave at once (no atexit handlers, no buffers of the parent flushed twice)."""
    try:
        with os.fdopen(write_end, "wb") as out:
            pickle.dump([function(item) for item in share], out, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # the parent computes this share again and reports any error itself
        os._exit(1)
    os._exit(0)


def _collect(child: _Child | None, function: Callable, share: Sequence) -> list:
    """The child's answers, or this process's own when the child gave none that fit."""
    if child is not None:
        with child.answers:
            data = child.answers.read()
        _, status = os.waitpid(child.pid, 0)
        child.reaped = True
        with contextlib.suppress(Exception):  # a truncated or foreign pickle: compute instead
            answers = pickle.loads(data) if status == 0 else None
            if isinstance(answers, list) and len(answers) == len(share):
                return answers
    return [function(item) for item in share]


def _end(child: _Child | None) -> None:
    """After an interruption or an error: stop the child and reap it, so no process outlives this one."""
    if child is None or child.reaped:
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(child.pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(child.pid, 0)
    child.reaped = True
    child.answers.close()
