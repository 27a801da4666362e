"""``python3 build.py serve``: MkDocs' live-reloading preview (the plugin watches summaries and data)."""

from __future__ import annotations

from pathlib import Path


def serve(root: Path, dev_addr: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .site_build import _quiet_logging

    _quiet_logging()
    print(f"Previewing at http://{dev_addr}/ - edits to content/, research_summaries/ and data/ reload the page. Ctrl+C stops.")
    mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
    return 0
