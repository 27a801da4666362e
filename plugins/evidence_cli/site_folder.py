"""Replacing site/ all at once: at every instant a complete site is in place.

The build writes into ``.site.building-<pid>`` beside the site. On success the
two folders swap names in one atomic step (``exchange``), so readers of a
served folder never see half a site and there is no moment without one; the
previous site, now under the temporary name, is then removed. Where the system
cannot swap atomically, two renames do it (site -> ``.site.old-<pid>``, new ->
site); a build killed between them leaves no site/, and the next build puts
``.site.old-<pid>`` back before anything else. Leftovers are never the only copy
when they are removed, and one that cannot be removed is named in a warning.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from .exchange import exchange


def temporary_folder(target: Path) -> Path:
    return target.parent / f".{target.name}.building-{os.getpid()}"


def retired_folder(target: Path) -> Path:
    """Where the two-rename fallback parks the previous site while the new one moves in."""
    return target.parent / f".{target.name}.old-{os.getpid()}"


def swap_into_place(temporary: Path, target: Path) -> list[str]:
    """Put the finished site in place; return warnings about what could not be cleaned up."""
    if not target.exists():
        temporary.rename(target)
        return []
    retired = temporary if exchange(temporary, target) else two_renames(temporary, target)
    return remove(retired)


def two_renames(temporary: Path, target: Path) -> Path:
    """The fallback: if the second rename fails or is interrupted, the previous site goes back."""
    old = retired_folder(target)
    target.rename(old)
    try:
        temporary.rename(target)
    except BaseException:
        old.rename(target)
        raise
    return old


def sweep_leftovers(target: Path) -> list[str]:
    """A build killed outright (kill -9, power cut) runs no cleanup; the next build finishes it.

    If the kill came between the fallback's two renames there is no site, and the
    parked previous site is the only complete copy: it goes back, it is not removed.
    """
    leftovers = _leftovers(target)
    if not target.exists():
        parked = sorted((f for f, kind in leftovers if kind == "old"), key=lambda f: f.stat().st_mtime_ns)
        if parked:
            parked[-1].rename(target)
            leftovers = [(f, kind) for f, kind in leftovers if f != parked[-1]]
    return [warning for folder, _ in leftovers for warning in remove(folder)]


def _leftovers(target: Path) -> list[tuple[Path, str]]:
    if os.name != "posix":  # os.kill(pid, 0) only asks on POSIX; on Windows it would end the process
        return []
    found = []
    for folder in target.parent.glob(f".{target.name}.*-*"):
        kind, _, pid = folder.name[len(target.name) + 2 :].partition("-")
        if kind in ("building", "old") and pid.isdigit() and not _running(int(pid)):
            found.append((folder, kind))
    return found


def remove(folder: Path) -> list[str]:
    """Delete a folder of ours, read-only parts included; a warning naming it if that fails."""
    _make_writable(folder)
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        return []
    except OSError as exc:
        return [f"warning: could not remove {folder} ({exc.strerror}); the site is complete, delete that folder by hand"]
    return []


def _make_writable(folder: Path) -> None:
    """A site copied from a read-only medium has folders whose entries cannot be unlinked."""
    for path, _, _ in os.walk(folder):
        try:
            os.chmod(path, os.stat(path).st_mode | stat.S_IRWXU)
        except OSError:
            pass  # not ours to change: rmtree then says why, and the warning names the folder


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True
