"""Links between pages of the site, and the images pages show.

Summaries and reading paths are both written by editors and both link to
summaries and pages, so one check serves both, and its hint is written from
the linking page's own address (``its-file-name.md`` from a summary,
``../research/its-file-name.md`` from a reading path).

Images from other websites are refused too: the Content Security Policy
(``img-src 'self' data:``, see ``csp.py``) stops browsers loading them, so
readers would silently see nothing. Origins the site's owner adds under
``csp_sources: img-src`` are allowed, as the policy allows them.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from urllib.parse import SplitResult, urlsplit

from . import routes


@dataclass(frozen=True)
class SitePages:
    """What editors' pages may point at: the pages that exist (source paths, as MkDocs knows them)
    and the other websites the policy lets images come from."""

    known: frozenset[str]
    image_sources: tuple[str, ...] | None = ()  # the policy's extra img-src; None when pages carry no policy
    docs_dir: str = "content"
    config_file: str = "mkdocs.yml"

    @classmethod
    def collect(cls, summary_slugs: Iterable[str], reading_paths_dir: Path, docs_dir: Path, image_sources: tuple[str, ...] | None = (), config_file: str = "mkdocs.yml") -> "SitePages":
        """Pages are known from their files, so a file with errors of its own is not also a broken link."""
        known = {routes.summary(slug) for slug in summary_slugs}
        known |= {routes.reading_path(p.stem) for p in reading_paths_dir.glob("*.md")} if reading_paths_dir.is_dir() else set()
        known |= {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")} if docs_dir.is_dir() else set()
        return cls(frozenset(known), image_sources, docs_dir.name, config_file)

    def check(self, page: str, links: list, images: list) -> list[tuple[int, str]]:
        """(line, message) for every broken link and blocked image written on ``page`` (its source path)."""
        found = [(link.line, self.problem(link.text, page)) for link in links]
        found += [(image.line, self.image_problem(image.text, page)) for image in images]
        return [(line, message) for line, message in found if message]

    def problem(self, url: str, page: str) -> str | None:
        """Why a link written on ``page`` (its source path) is broken, with the fix; None if it is fine."""
        target = url.split("#", 1)[0].split("?", 1)[0]
        if not target or ":" in target or target.startswith("//"):
            return None
        if target.startswith("/research/"):
            parts = target.strip("/").split("/")
            slug = parts[1] if len(parts) > 1 else ""
            if routes.summary(slug) not in self.known:
                return f"link to '{url}': there is no summary '{slug}'; {_how_to_link(page, slug)} using its file name"
            return None
        if target.endswith(".md") and _resolve(page, target) not in self.known:
            return f"link to '{url}' points at a page that does not exist; {_how_to_link(page, 'its-file-name')}{self._nearest(_resolve(page, target), page)}"
        return None

    def _nearest(self, missing: str, page: str) -> str:
        """A typo or a shortened file name usually has one page it was meant to be."""
        match = difflib.get_close_matches(missing, self.known - {page}, n=1, cutoff=0.75)
        return f"; did you mean '{posixpath.relpath(match[0], posixpath.dirname(page) or '.')}'?" if match else ""

    def image_problem(self, src: str, page: str) -> str | None:
        """Why an image on ``page`` would not show, with the fix; None if the policy lets it load."""
        url = urlsplit("https:" + src if src.startswith("//") else src)
        if url.scheme not in ("http", "https") or self.image_sources is None:
            return None
        if any(_allows(source, url) for source in self.image_sources):
            return None
        to_docs = posixpath.relpath(".", posixpath.dirname(page) or ".")
        return (
            f"image '{src}' is on another website, and the site's security policy stops browsers showing images from other websites; "
            f"put the image in the repository's {self.docs_dir}/images/ folder and write ![what it shows]({to_docs}/images/file-name.png) "
            f"(or the site's owner can allow {url.scheme}://{url.netloc} under csp_sources: img-src in {self.config_file})"
        )


def _allows(source: str, url: SplitResult) -> bool:
    """Whether one policy source (``*``, ``https:``, ``https://*.example.org/images/``) matches ``url``, as browsers match it."""
    if source == "*" or source in (f"{url.scheme}:", "http:"):
        return True
    wanted = urlsplit(source if "://" in source else "//" + source)
    if wanted.scheme not in ("", url.scheme, "http"):
        return False
    default = {"http": "80", "https": "443"}.get(url.scheme, "")
    host, port = (wanted.netloc.lower().split(":") + [""])[:2]
    url_host, url_port = (url.netloc.lower().split(":") + [""])[:2]
    port, url_port = port or default, url_port or default  # https://x and https://x:443 are one origin
    if not (url_host == host or (host.startswith("*.") and url_host.endswith(host[1:]))) or port not in ("*", url_port):
        return False
    if wanted.path.endswith("/") or not wanted.path:
        return url.path.startswith(wanted.path)
    return url.path == wanted.path


def _how_to_link(page: str, slug: str) -> str:
    target = routes.summary(slug)
    folder = posixpath.dirname(page) or "."
    which = "another" if folder == posixpath.dirname(target) else "a"
    return f"link {which} summary as [title]({posixpath.relpath(target, folder)})"


def _resolve(page: str, target: str) -> str:
    """The source path a relative link on ``page`` points at, as MkDocs resolves it."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
