"""The build cache on disk: a ``Precomputed`` function's answers kept between builds.

A second build, a ``serve`` started again or a build after one edit meets
mostly the same citations and QR codes, so their answers are kept in the
project's ``.cache/evidence/`` folder (never in the site): one JSON file per
function, named by its version, holding the answers the last build used. A
new version starts a new file and the old one is removed. The cache only
saves time: a file that cannot be read or written is passed over, and the
answers are computed instead.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from .precomputed import Precomputed

FOLDER = Path(".cache") / "evidence"  # under the project root; .gitignore lists .cache/


def load(folder: Path, function: Precomputed) -> dict[str, str]:
    """The answers kept by an earlier build of the same version, or none."""
    try:
        answers = json.loads(_file(folder, function).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return answers if isinstance(answers, dict) else {}


def save(folder: Path, function: Precomputed, keys: list[str]) -> None:
    """Keep this build's answers (only those: the file never grows beyond one build's worth)."""
    answers = {key: function.answers[key] for key in keys if key in function.answers}
    target = _file(folder, function)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(answers, sort_keys=True), encoding="utf-8")
        os.replace(partial, target)  # another build reading meanwhile sees the old file or the new one
        for old in folder.glob(f"{function.name}-*.json"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only project, a full disk: the next build computes them again
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _file(folder: Path, function: Precomputed) -> Path:
    return folder / f"{function.name}-{function.version}.json"
