"""Summaries read once per content across runs: the read cache kept on disk.

``read_cache`` spares a reload in the same process (``serve``); this keeps its
results in the project's ``.cache/evidence/`` folder (never in the site), so
the next ``check`` or ``build`` re-reads only the summaries whose bytes, or
whose other inputs, changed. Each entry carries the same key as in memory (the
file's content hash and every other input), and the file's name carries a
digest of the code that reads summaries and the versions of the libraries it
uses: new code never meets results the old code made. The cache only saves
time: a file that cannot be read or written is passed over and everything is
read again. It is a pickle: only this project's own runs write it, and
``.cache/`` is never committed or published.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import sys
from functools import cache
from pathlib import Path

from . import read_cache

FOLDER = Path(".cache") / "evidence"  # under the project root, beside the build's other answers; .gitignore lists .cache/
NAME = "summaries"
_PACKAGE = Path(__file__).resolve().parent.parent  # plugins/evidence: its code and schemas decide every result
_LIBRARIES = ("pyyaml", "jsonschema", "jsonschema-rs", "markdown", "pymdown-extensions", "mkdocs", "python-frontmatter")


def restore(root: Path) -> None:
    """Take the results an earlier run kept, for files this process has not read yet."""
    try:
        with open(_file(root), "rb") as stream:
            kept = pickle.load(stream)
    except Exception:  # missing, half-written or from other code: read everything instead
        return
    if isinstance(kept, dict):
        for rel, entry in kept.items():
            read_cache.remember(rel, entry)


def keep(root: Path, rels: list[str]) -> None:
    """Write this run's results (only those: the file never outgrows one run's summaries)."""
    target = _file(root)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as stream:
            pickle.dump(read_cache.entries(rels), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, target)  # a run reading meanwhile sees the old file or the new one
        for old in target.parent.glob(f"{NAME}-*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):  # a read-only project, a full disk: the next run reads again
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _file(root: Path) -> Path:
    return root / FOLDER / f"{NAME}-{_version()}.pickle"


@cache
def _version() -> str:
    """A digest of the reading code, the schemas and the libraries: any change starts a new file."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=8)
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in (".py", ".json")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    for name in _LIBRARIES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
    return digest.hexdigest()
