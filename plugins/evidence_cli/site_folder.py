"""Replacing site/ all at once: a failed or interrupted build leaves the previous site as it was.

The build writes into a temporary folder beside the site, then two renames swap
it in. Readers of a served folder never see half a site, and an editor's broken
change never takes the published pages down with it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def temporary_folder(target: Path) -> Path:
    return target.parent / f".{target.name}.building-{os.getpid()}"


def swap_into_place(temporary: Path, target: Path) -> None:
    """Two renames; if the second fails or is interrupted, the previous site goes back."""
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    try:
        temporary.rename(target)
    except BaseException:
        if old.exists() and not target.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def sweep_leftovers(target: Path) -> None:
    """A build killed outright (kill -9, power cut) runs no cleanup; the next build removes its folders."""
    if os.name != "posix":  # os.kill(pid, 0) only asks on POSIX; on Windows it would end the process
        return
    for folder in target.parent.glob(f".{target.name}.*-*"):
        kind, _, pid = folder.name[len(target.name) + 2 :].partition("-")
        if kind in ("building", "old") and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True
