"""Compiled templates kept in the build cache, so a second build or a preview rebuild skips compiling them.

MkDocs makes a new Jinja environment for every build, and ``serve`` builds
again after every save, so each build compiled every template it used again
(about a second). Jinja's own bytecode cache keeps them in
``.cache/evidence/templates/``, keyed by template and checked against the
template's source, so an edited template is compiled afresh.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket


class TemplateCache(FileSystemBytecodeCache):
    """A cache that only ever saves time: a folder that cannot be written is passed over."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a read-only project, a full disk: the next build compiles again
            pass


def template_cache(folder: Path | None) -> TemplateCache | None:
    """The cache in ``folder`` (the build cache), or None when there is none or it cannot be made."""
    if folder is None:
        return None
    try:
        (folder / "templates").mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateCache(str(folder / "templates"))
