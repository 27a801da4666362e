"""The site's own stylesheets and scripts, minified in the built site.

The sources in content/assets stay readable (comments say why); readers get
them without comments and spacing. rcssmin and rjsmin are small, well-kept
minifiers that only remove what cannot matter (rjsmin keeps template literals
and regular expressions intact). Material's own assets are minified already.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

_MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def is_own_asset(dest_uri: str) -> bool:
    """A stylesheet or script that is not minified yet (Material's end in .min.css/.min.js)."""
    name = dest_uri.rsplit("/", 1)[-1]
    return Path(name).suffix in _MINIFIERS and ".min." not in name


def minify_files(site_dir: Path, dest_uris: list[str]) -> int:
    """Minify each file in place; returns the bytes saved (for the build log)."""
    saved = 0
    for uri in dest_uris:
        path = site_dir / uri
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        small = _MINIFIERS[path.suffix](text)
        path.write_text(small, encoding="utf-8")
        saved += len(text.encode()) - len(small.encode())
    return saved
