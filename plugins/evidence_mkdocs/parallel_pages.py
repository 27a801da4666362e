"""Documentation pages rendered on every core, with the same files and messages as a serial build.

Rendering each page through the theme's templates (and the evidence plugin's
``on_post_page``) is the largest share of a build, and once every page's
Markdown is converted the pages are independent; MkDocs renders them one after
the other. It has no hook to replace its page loop, but a "dirty" build skips
every page whose ``File.is_modified()`` says no. So ``build`` runs a dirty
build into an empty folder (where dirty and clean builds write the same files)
with ``PageWorkers`` added to the plugins: at the very end of ``on_env`` it
forks one worker per core, each rendering its share of the pages with MkDocs'
own ``_build_page`` and writing the files, and tells MkDocs every page is
unmodified. Before any other ``on_post_build`` (Pagefind indexes the files,
the evidence plugin reports blocked scripts) it waits for the workers.

What a worker logs is logged again by the parent, in page order, so the
messages are a serial build's and ``strict`` counts its warnings; a failing
page raises the worker's exception in the parent, after the same located
"Error building page" line, and stops the build like a serial one. The
evidence plugin's per-page record of blocked inline scripts is replayed in
page order. A worker that dies without a result has its share rendered by the
parent: slower, never a different site.

The parent's objects are frozen out of the garbage collector (``gc.freeze``)
from the fork until the workers are gathered: a collection walks every object
it tracks and writes into each one's header, so in a worker (or in the parent
while workers run) it would copy pages of memory the fork shared. The workers'
own garbage is collected as usual. Measured with the bench's whole-pipeline
figure, the rendering phase's peak fell from 193 to 161 MB at 1,000 summaries
but only from 925 to 922 MB at 10,000: there most of a worker's copy comes
from the reference counts it writes as it reads objects, which only fewer
workers avoid (``affordable``).

Fewer workers than cores, or none, when their copies would take the whole
pipeline past its memory budget (``affordable``).

Serial instead (a plain ``mkdocs build`` or ``serve`` never come here): one
core, a site folder with files in it (a dirty build would keep them), more
than one thread (forking copies locks other threads may hold), or another
plugin that hooks page rendering (its per-page state would stay in a worker).
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import sys
from typing import Any

from mkdocs.commands.build import _build_page  # private; MkDocs is pinned, and tests/test_parallel_pages.py compares
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import BuildError, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel

from evidence.model import forked_map
from evidence.outputs.csp import blocked_scripts
from evidence.outputs.worker_pool import cores

from .page_workers import Worker, orphaned

ENABLED = True  # tests switch it off to build the same site serially and compare
WORKERS: int | None = None  # None: one per core; tests set a number to use workers on any machine
PAGE_EVENTS = ("on_page_context", "on_post_page")  # run while a page renders, so in a worker
# Issue #12: the whole pipeline (this process, its workers, then Pagefind) within 1 GB. Each worker ends up
# with its own copy of the parent's memory it touches (reference counts are written as it reads objects):
# about 0.43 of the parent's size by the end at 10,000 summaries (495 MB at the fork, 922 MB in all with
# two workers), so half is assumed. Short of memory, the pages render in fewer workers, or in this process.
MEMORY_BUDGET_MB = 1024
WORKER_COPY = 0.5
OURS = ("evidence", "pagefind")  # plugins whose page-time state a worker sends back (or that have none)


def build(config) -> None:
    """MkDocs' build of ``config`` (loaded), with the pages rendered in workers when that is safe."""
    count = workers(config)
    if count < 2:
        mkdocs_build(config)
        return
    pages = PageWorkers(count)
    config.plugins["evidence/page-workers"] = pages
    quiet, logger = _DirtyBuildIsOurs(), logging.getLogger("mkdocs.commands.build")
    logger.addFilter(quiet)
    try:
        mkdocs_build(config, dirty=True)
    finally:  # also on Ctrl+C, which MkDocs does not report to plugins
        logger.removeFilter(quiet)
        pages.stop()


def workers(config) -> int:
    """How many worker processes may render this build's pages (below 2: none, the build is serial)."""
    if not ENABLED or not forked_map.may_fork() or _has_files(config.site_dir) or _foreign_page_hooks(config.plugins):
        return 0
    return WORKERS or cores()


def affordable(count: int, parent_mb: float, budget_mb: float) -> int:
    """The most workers (up to ``count``) whose copies, with the parent, fit the memory budget."""
    spare = budget_mb - parent_mb
    return max(0, min(count, int(spare // (WORKER_COPY * parent_mb)))) if parent_mb > 0 else count


def _resident_mb() -> float:
    """This process's peak resident size so far: at the fork, its size (a build's memory only grows until then)."""
    import resource  # not on Windows, where nothing forks and this is never asked

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, kB elsewhere


class PageWorkers(BasePlugin):
    """Added to a build's plugins by ``build``: starts the workers, then gathers what they did."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.nav = None
        self.job: _Job | None = None
        self.running: list[tuple[Worker, list[int]]] = []

    # Last: the navigation MkDocs renders with is the one the other plugins return.
    @event_priority(-100)
    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    # Last: every other plugin has finished the environment the workers render with.
    @event_priority(-100)
    def on_env(self, env, config, files):
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)  # what MkDocs' loop renders
        self.job = _Job(config, doc_files, self.nav, env)
        count = affordable(self.count, _resident_mb(), MEMORY_BUDGET_MB)
        if count < 2:  # MkDocs' own loop renders every page here, as in a serial build
            return env
        parent = os.getpid()
        gc.freeze()  # until gathered: no collection copies the memory the workers share (module docstring)
        for number in range(count):
            share = list(range(number, len(doc_files), count))  # interleaved: each gets every kind of page
            self.running.append((Worker(lambda share=share: self.job.run(share, parent)), share))
        for file in doc_files:
            file.is_modified = _unmodified  # type: ignore[method-assign]
        return env

    # First: Pagefind indexes the pages and the evidence plugin reports blocked scripts after this.
    @event_priority(100)
    def on_post_build(self, config) -> None:
        running, self.running = self.running, []
        results = [(worker.result(), share) for worker, share in running]
        gc.unfreeze()
        self.job.gather(results)

    def on_build_error(self, error) -> None:
        self.stop()

    def stop(self) -> None:
        """Kill and reap the workers not waited for (a failed or interrupted build)."""
        for worker, _ in self.running:
            worker.stop()
        self.running = []
        gc.unfreeze()


class _Job:
    """One build's pages and what rendering them needs, in the parent and (forked) in every worker."""

    def __init__(self, config, doc_files, nav, env) -> None:
        self.config, self.doc_files, self.nav, self.env = config, doc_files, nav, env
        self.evidence = config.plugins.get("evidence")
        self.blocked = getattr(self.evidence, "blocked_scripts", None)
        self.found = FoundScripts.instead_of(self.evidence)  # 404.html and other templates record here

    def render(self, index: int) -> None:
        _build_page(self.doc_files[index].page, self.config, self.doc_files, self.nav, self.env)

    def run(self, share: list[int], parent: int) -> "Outcome":
        """In a worker: render the share's pages in order, stopping at the first that fails (as MkDocs does)."""
        captured, found = _Captured.install(), FoundScripts.instead_of(self.evidence)
        for index in share:
            if orphaned(parent):
                os._exit(1)
            captured.index = index
            try:
                self.render(index)
            except Exception as exc:
                return Outcome(captured.records, found.entries, Failure.of(index, exc))
        return Outcome(captured.records, found.entries, None)

    def gather(self, results: list[tuple["Outcome | None", list[int]]]) -> None:
        """In the parent: log what the workers logged, raise the first failure, record blocked scripts in page order."""
        outcomes = [outcome for outcome, _ in results if outcome is not None]
        failure = min((o.failure for o in outcomes if o.failure), key=lambda f: f.index, default=None)
        last = failure.index if failure else len(self.doc_files)
        for index, record in sorted((entry for o in outcomes for entry in o.records), key=lambda entry: entry[0]):
            if index <= last:
                logging.getLogger(record.name).handle(record)
        if failure:
            raise failure.exception()
        for outcome, share in results:
            if outcome is None:  # the worker died: its pages are rendered here, into the parent's record
                for index in share:
                    self.render(index)
        self._replay(self.found.entries + [entry for o in outcomes for entry in o.found])

    def _replay(self, entries: list) -> None:
        """Blocked scripts recorded in a serial build's order: templates first, then pages (the warning names the first)."""
        if self.evidence is None:
            return
        self.evidence.blocked_scripts = self.blocked
        order = {file.dest_uri: number for number, file in enumerate(self.doc_files)}
        for page, found, source in sorted(entries, key=lambda entry: order.get(entry[0], -1)):
            self.blocked.record(page, "", self.evidence.known_scripts, source, found)


class FoundScripts:
    """Stands in for the evidence plugin's ``BlockedScripts`` while pages render in several processes:
    keeps what each page's finished HTML holds, to be recorded in the serial order afterwards."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, tuple[str, ...], Any]] = []

    @classmethod
    def instead_of(cls, evidence) -> "FoundScripts":
        found = cls()
        if evidence is not None:
            evidence.blocked_scripts = found
        return found

    def record(self, page: str, html: str, known, source=None, scripts=None) -> None:
        found = blocked_scripts(html, known, scripts)
        if found:
            self.entries.append((page, found, source))


class Outcome:
    """What a worker sends back: its log records by page, its blocked scripts, its failure if any."""

    def __init__(self, records: list, found: list, failure: "Failure | None") -> None:
        self.records, self.found, self.failure = records, found, failure


class Failure:
    """A page that failed in a worker: its exception when it pickles, else its message (all a user sees of it)."""

    def __init__(self, index: int, message: str, is_build_error: bool, pickled: bytes | None) -> None:
        self.index, self.message, self.is_build_error, self.pickled = index, message, is_build_error, pickled

    @classmethod
    def of(cls, index: int, exc: Exception) -> "Failure":
        try:
            pickled = pickle.dumps(exc)
        except Exception:  # an exception holding something unpicklable: its message is enough
            pickled = None
        return cls(index, str(exc), isinstance(exc, BuildError), pickled)

    def exception(self) -> Exception:
        try:
            return pickle.loads(self.pickled) if self.pickled else self._plain()
        except Exception:  # exceptions whose __init__ takes other arguments do not unpickle
            return self._plain()

    def _plain(self) -> Exception:
        return PluginError(self.message) if self.is_build_error else PageFailed(self.message)


class PageFailed(Exception):
    """A page's error from a worker whose exception could not be sent back as it was."""


class _Captured(logging.Handler):
    """In a worker: every log record, kept as plain text with the page it came from, for the parent to log."""

    def __init__(self) -> None:
        super().__init__()
        self.index = -1
        self.records: list[tuple[int, logging.LogRecord]] = []

    @classmethod
    def install(cls) -> "_Captured":
        """Instead of every handler, so nothing is printed or counted in the worker itself."""
        captured = cls()
        loggers = [logging.getLogger()] + [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)]
        for logger in loggers:
            if logger.handlers:
                logger.handlers = [captured]
        if not logging.getLogger().handlers:
            logging.getLogger().handlers = [captured]
        return captured

    def emit(self, record: logging.LogRecord) -> None:
        if self.records and self.records[-1][1] is record:  # the same record, handled again by a parent logger
            return
        record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
        self.records.append((self.index, record))


class _DirtyBuildIsOurs(logging.Filter):
    """MkDocs warns that a dirty build may leave pages stale (and ``strict`` fails on it); into an empty
    folder, with every page rendered by a worker, none is."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _unmodified() -> bool:
    return False


def _has_files(site_dir: str) -> bool:
    return os.path.isdir(site_dir) and bool(os.listdir(site_dir))


def _foreign_page_hooks(plugins) -> bool:
    """A plugin other than ours that runs while pages render: what it collects would stay in the workers.
    (MkDocs removes BasePlugin's empty event methods, so a plugin has only the ones it defines.)"""
    return any(callable(getattr(plugin, event, None)) for name, plugin in plugins.items() if name not in OURS for event in PAGE_EVENTS)
