"""Forked worker processes that each run one function and send its result back through a pipe.

``fork`` rather than ``spawn`` or a fresh interpreter: a worker needs the whole
built state of the parent (converted pages, navigation, Jinja environment),
which forking shares copy-on-write for free and which could not be pickled
cheaply. Forking is only safe in a process running a single thread (see
``parallel_pages``). A worker never outlives its build: the parent kills and
reaps every worker it did not wait for (an error, Ctrl+C), and a worker whose
parent died stops at its next step (``orphaned``) instead of writing into a
folder nobody owns.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from typing import Any, Callable


class Worker:
    """One forked process running ``task``; ``result`` waits for what it returned."""

    def __init__(self, task: Callable[[], Any]) -> None:
        _flush()  # buffered output would otherwise be printed by the parent and the child
        read, write = os.pipe()
        self.parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(read)
            _run(task, write)
        os.close(write)
        self.read: int | None = read

    def result(self) -> Any:
        """What the task returned, or None when the worker died without a result (killed, out of memory)."""
        with os.fdopen(self.read, "rb") as pipe:
            self.read = None
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if status != 0 or not data:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # a result that does not unpickle counts as none: the caller does the work itself
            return None

    def stop(self) -> None:
        """Kill and reap the worker (no zombie, no orphan); nothing happens for one already waited for."""
        if self.read is not None:
            os.close(self.read)
            self.read = None
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = 0


def orphaned(worker_parent: int) -> bool:
    """In a worker: the build that started it has gone (killed with -9), so its work is no longer wanted."""
    return os.getppid() != worker_parent


def _run(task: Callable[[], Any], write: int) -> None:
    """In the worker: never return into the parent's code (its ``finally`` blocks, atexit handlers)."""
    code = 1
    try:
        data = pickle.dumps(task())
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        code = 0
    except BaseException:  # Ctrl+C, a broken pipe: the parent sees no result and decides
        pass
    finally:
        _flush()
        os._exit(code)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
