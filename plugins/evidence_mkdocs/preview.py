"""The live preview when a rebuild fails: the problems in the browser, not a spinning page.

When a rebuild fails, MkDocs' server keeps waiting browsers waiting ("the
server will appear stuck until build errors are resolved"). Wrapping its
builder, a failed rebuild instead empties the preview and leaves one page
(as ``index.html``, and as ``404.html``, which the server sends for every
other address): it lists the problems and checks every second whether the
page's own address shows something else, reloading when it does. The next good save brings the site back, and the reader is where
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
# The page asks for its own address again every second and reloads once the answer is not this page.
_MARK = "data-preview-problems"
_RETRY = (
    "setInterval(function () {"
    " fetch(location.href, {cache: 'no-store'}).then(function (r) { return r.text(); })"
    f".then(function (t) {{ if (t.indexOf('{_MARK}') < 0) location.reload(); }}, function () {{}}); }}, 1000);"
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
    page = problems_page(list(lines))
    for name in ("index.html", "404.html"):  # index.html: the folder still holds a site, so the next build may replace it
        (site_dir / name).write_text(page, encoding="utf-8")


def problems_page(lines: list[str]) -> str:
    items = "\n".join(f"<li><code>{escape(line)}</code></li>" for line in lines)
    count = f"{len(lines)} problem{'s' if len(lines) != 1 else ''}"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Preview not rebuilt: {count}</title>\n</head>\n<body>\n<main {_MARK}>\n"
        f"<h1>Preview not rebuilt: {count}</h1>\n"
        "<p>Fix these in your files and save. This page reloads by itself when the site builds again.</p>\n"
        f"<ul>\n{items}\n</ul>\n</main>\n<script>{_RETRY}</script>\n</body>\n</html>\n"
    )
