"""The live preview when a rebuild fails: the problems in the browser, not a spinning page.

When a rebuild fails, MkDocs' server keeps waiting browsers waiting ("the
server will appear stuck until build errors are resolved"). Wrapping its
builder, a failed rebuild instead empties the preview and leaves one page,
``404.html``, which the server sends for every address: it lists the problems
and checks every second whether the page's own address is back, reloading
when it is. The next good save brings the site back, and the reader is where
they were. The terminal shows the same list.
"""

from __future__ import annotations

import shutil
import sys
from html import escape
from pathlib import Path
from typing import Callable, Iterable

from mkdocs.exceptions import Abort

# Inline, because the failed build has no assets to link to; pages under ``serve`` carry no policy.
_RETRY = (
    "setInterval(function () {"
    " fetch(location.href, {method: 'HEAD', cache: 'no-store'})"
    ".then(function (r) { if (r.ok) location.reload(); }, function () {}); }, 1000);"
)


def keep_serving(builder: Callable[[], None], site_dir: Path, problems: Callable[[], list[str]]) -> Callable[[], None]:
    """``builder`` that never fails: a failed build becomes the problems page (see the module docstring)."""

    def rebuild() -> None:
        try:
            builder()
        except (Exception, Abort) as error:  # Abort is a SystemExit: anything but Ctrl+C is a failed build
            lines = problems() or [str(error)]
            print(f"Preview not rebuilt: the browser shows the problems listed above ({len(lines)}); fix them and save again.", file=sys.stderr)
            write_problems_page(site_dir, lines)

    return rebuild


def write_problems_page(site_dir: Path, lines: Iterable[str]) -> None:
    """Replace the preview with the problems page: every address then answers with it."""
    shutil.rmtree(site_dir, ignore_errors=True)
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / "404.html").write_text(problems_page(list(lines)), encoding="utf-8")


def problems_page(lines: list[str]) -> str:
    items = "\n".join(f"<li><code>{escape(line)}</code></li>" for line in lines)
    count = f"{len(lines)} problem{'s' if len(lines) != 1 else ''}"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Preview not rebuilt: {count}</title>\n</head>\n<body>\n<main>\n"
        f"<h1>Preview not rebuilt: {count}</h1>\n"
        "<p>Fix these in your files and save. This page reloads by itself when the site builds again.</p>\n"
        f"<ul>\n{items}\n</ul>\n</main>\n<script>{_RETRY}</script>\n</body>\n</html>\n"
    )
