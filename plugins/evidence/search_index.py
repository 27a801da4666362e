"""What Pagefind indexes, and a thin runner for the binary that ``pagefind[bin]`` ships.

Pages choose what is indexed with ``data-pagefind-body`` (set by the templates),
so chrome such as navigation and footers never reaches the index. The runner
indexes the built site in one call, which is far faster than adding records one
by one through Pagefind's service.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class IndexPlan:
    site_dir: Path
    language: str = "en"
    output_subdir: str = "pagefind"
    exclude_selectors: tuple[str, ...] = ("[data-pagefind-ignore]", ".md-source-file", ".headerlink")

    @property
    def output_dir(self) -> Path:
        return self.site_dir / self.output_subdir

    def command(self, python: str = sys.executable) -> list[str]:
        command = [python, "-m", "pagefind", "--site", str(self.site_dir), "--output-subdir", self.output_subdir]
        command += ["--force-language", self.language, "--silent"]
        for selector in self.exclude_selectors:
            command += ["--exclude-selectors", selector]
        return command


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message carries what it printed."""


def build_index(plan: IndexPlan) -> dict[str, int]:
    """Index the site afresh and return the index's file count and size in bytes."""
    shutil.rmtree(plan.output_dir, ignore_errors=True)
    result = subprocess.run(plan.command(), cwd=plan.site_dir, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind failed (exit {result.returncode}):\n{result.stdout}{result.stderr}".strip())
    files = [p for p in plan.output_dir.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}
