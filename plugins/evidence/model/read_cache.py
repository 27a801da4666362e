"""Summaries read once per content: a reload re-reads only the files whose bytes changed.

Under ``serve`` every save reloads the library. Reading a summary (YAML,
schema, vocabularies, links in the body) is most of that cost, and its result
depends only on the file's bytes and on the inputs outside the summaries
folder (settings, vocabularies, frameworks, pages). So each result is kept
with its problems, keyed by the file's content and those inputs, and replayed
when neither changed. Checks across files (duplicates, links, standards,
reviews) still run on every load. Files read for the first time are read on
every core (``forked_map``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path
from typing import Callable

from ..read.local_settings import FOLDER as LOCAL_FOLDER
from ..read.problems import Problem, Problems
from ..read.settings import Settings
from .forked_map import ordered_map
from .summary import Summary

Entry = tuple[tuple, "Summary | None", list[Problem]]  # (key, what reading gave, the problems it found)
_READ: dict[str, Entry] = {}
_reads = [0]  # files actually read in this process: a run that read none has nothing new to keep


def read_once(file: Path, rel: str, inputs: tuple, problems: Problems, read: Callable[[Problems, bytes | None], Summary | None]) -> Summary | None:
    """``read(problems, raw)`` for this file, or the same result again when its bytes and ``inputs`` are unchanged.
    ``raw`` is the file's bytes, read once here for the key and again by nobody."""
    try:
        raw = file.read_bytes()
    except OSError:  # unreadable: let the reader say so, every time
        return read(problems, None)
    key = (inputs, hashlib.blake2b(raw, digest_size=16).digest())
    kept = _READ.get(rel)
    if kept is None or kept[0] != key:
        own = Problems()
        kept = _READ[rel] = (key, read(own, raw), list(own.items))
        _reads[0] += 1
    problems.items.extend(kept[2])
    return kept[1]


Read = Callable[[Path, str, Problems, "bytes | None"], "Summary | None"]


def read_all(files: list[tuple[Path, str]], inputs: bytes, problems: Problems, read: Read) -> list[Summary | None]:
    """``read_once`` for many files (``(file, rel)`` pairs): those not known yet are read on every core,
    and every result and problem comes back in the files' order, as if read one by one here."""
    raws = [_bytes(file) for file, _ in files]
    keys = [None if raw is None else (inputs, _digest(raw)) for raw in raws]
    fresh = [index for index, (key, (_, rel)) in enumerate(zip(keys, files)) if key is None or _READ.get(rel, (None,))[0] != key]
    answers = dict(zip(fresh, ordered_map(lambda index: _read_one(read, *files[index], raws[index]), fresh)))
    results = []
    for index, ((_, rel), key) in enumerate(zip(files, keys)):
        if key is None:  # unreadable: never kept, so the reader says so every time
            summary, found = answers[index]
        else:
            if index in answers:
                _READ[rel] = (key, *answers[index])
                _reads[0] += 1
            _, summary, found = _READ[rel]
        problems.items.extend(found)
        results.append(summary)
    return results


def inputs_digest(settings: Settings) -> bytes:
    """What reading a summary depends on besides its own bytes, as one short key: compared and
    pickled 10,000 times, where the settings and every other file's size and time were 9 KB each."""
    return _digest(repr((repr(settings), other_inputs(settings))).encode())


def _read_one(read: Read, file: Path, rel: str, raw: bytes | None) -> tuple[Summary | None, list[Problem]]:
    own = Problems()
    return read(file, rel, own, raw), own.items


def _bytes(file: Path) -> bytes | None:
    try:
        with open(file, "rb") as stream:
            return stream.read()
    except OSError:
        return None


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def reads() -> int:
    """How many files have been read (not replayed) in this process so far."""
    return _reads[0]


def known() -> bool:
    """Whether this process has read any summary yet (``read_store`` then fills it from disk)."""
    return bool(_READ)


def forget() -> None:
    """Start again as a new process would: the next load takes what ``read_store`` kept on disk, or reads."""
    _READ.clear()


def remember(rel: str, entry: Entry) -> None:
    """An entry kept by an earlier run; replayed only if its key still matches."""
    _READ.setdefault(rel, entry)


def entries(rels: list[str]) -> dict[str, Entry]:
    return {rel: _READ[rel] for rel in rels if rel in _READ}


def other_inputs(settings: Settings) -> tuple:
    """Size and time of every input except summaries: when one changes, every page is rendered again."""
    folders = [settings.data_dir, settings.docs_dir, settings.reading_paths_dir, settings.frameworks_dir, settings.theme_dir, LOCAL_FOLDER]
    stats = [_stat(settings.path(settings.config_file))]
    for folder in filter(None, folders):
        stats += file_stats(settings.path(folder))
    return tuple(stats)


def file_stats(folder: Path) -> list[tuple]:
    """(path, size, time) of every file under ``folder`` in a fixed order; links to folders are not
    followed, as ``rglob`` does not. One listing per folder instead of pathlib's calls per file."""
    stats = []
    for top, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(top, name)
            with contextlib.suppress(OSError):  # a broken link is no input
                info = os.stat(path)
                if stat.S_ISREG(info.st_mode):
                    stats.append((path, info.st_size, info.st_mtime_ns))
    return stats


def _stat(path: Path) -> tuple:
    info = path.stat()
    return (str(path), info.st_size, info.st_mtime_ns)
