"""Who publishes the site and where: the facts citations, link previews and structured data share.

Read once from the site's settings (``site_name``, ``site_url``, language) and
handed to the content model, which never imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteIdentity:
    name: str
    url: str | None = None  # None: no site_url, so no absolute addresses (and no feeds)
    language: str = "en"

    def absolute(self, path: str) -> str | None:
        """A site-relative path as a full address, or None when the site does not know where it lives."""
        return self.url.rstrip("/") + "/" + path.lstrip("/") if self.url else None
