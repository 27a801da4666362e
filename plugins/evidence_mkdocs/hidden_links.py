"""Links to pages a copy hides (local/settings.yml 'hide: pages') become plain text.

The project's pages and templates link to its own sections (the guide, the
field reference); a copy that does not publish them must not show readers
links that lead nowhere. The words stay, so no sentence loses its meaning.
"""

from __future__ import annotations

import posixpath
import re

LINK = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"[^>]*>(.*?)</a>', re.S)


def unlink_hidden(html: str, page_url: str, hidden_urls: set[str], site_path: str = "/") -> str:
    """``page_url`` and ``hidden_urls`` are site-relative URLs as MkDocs writes them ('contribute/')."""
    if not hidden_urls:
        return html
    folder = posixpath.dirname("/" + page_url) if not page_url.endswith("/") else "/" + page_url.rstrip("/")

    def replace(match: re.Match) -> str:
        href = match.group(1).split("#", 1)[0].split("?", 1)[0]
        if not href or ":" in href or href.startswith("//"):
            return match.group(0)
        target = "/" + href.removeprefix(site_path) if href.startswith("/") else posixpath.normpath(posixpath.join(folder, href))
        target = target.lstrip("/").removesuffix("index.html")
        target = target + "/" if target and not target.endswith(("/", ".html")) else target
        return match.group(2) if target in hidden_urls else match.group(0)

    return LINK.sub(replace, html)
