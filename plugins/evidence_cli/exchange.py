"""Swapping two folders in one step, where the operating system can.

Two renames (site -> old, new -> site) leave a moment with no site at all; a
build killed in that moment leaves none. Linux (3.15 and later, glibc 2.28 and
later) swaps two names atomically with ``renameat2(RENAME_EXCHANGE)``
(https://man7.org/linux/man-pages/man2/rename.2.html); Python's ``os`` module
has no wrapper for it, so it is called through ctypes. Elsewhere, or on a file system that cannot, the
caller falls back to two renames and the next build repairs an interrupted one.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from functools import lru_cache
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 1 << 1
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


def exchange(first: Path, second: Path) -> bool:
    """Swap the names of two existing paths at once; False where this system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


@lru_cache(maxsize=1)
def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # a C library older than glibc 2.28, or musl before 1.2.4
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function
