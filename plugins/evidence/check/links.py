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
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable
from urllib.parse import SplitResult, unquote, urlsplit

from ..read import routes
from ..read.project_files import leaves_project
from .safety import link_scheme

_MAX_HINTS = 25  # each suggestion compares with every page: plenty for real mistakes, bounded for a generated flood
_FILE_TYPES = {"md", "html", "htm", "pdf", "png", "jpg", "jpeg", "gif", "svg", "webp", "csv", "txt", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "json", "xml", "yml", "yaml"}
_WEB_ADDRESS = re.compile(r"^(?:www\d?\.[^/\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/)", re.I)


@dataclass(frozen=True)
class SitePages:
    """What editors' pages may point at: the files MkDocs will have (source paths: every file in the
    docs folder and every generated page) and the other websites the policy lets images come from."""

    known: frozenset[str]
    image_sources: tuple[str, ...] | None = ()  # the policy's extra img-src; None when pages carry no policy
    docs_dir: str = "content"
    config_file: str = "mkdocs.yml"
    _hints: dict = field(default_factory=dict, compare=False, repr=False)  # suggestions worked out once per missing name

    @classmethod
    def collect(cls, summary_slugs: Iterable[str], reading_paths_dir: Path, docs_dir: Path, image_sources: tuple[str, ...] | None = (), config_file: str = "mkdocs.yml", generated: Iterable[str] = (), local_docs: Path | None = None, reading_path_files: list[Path] | None = None) -> "SitePages":
        """Pages are known from their files, so a file with errors of its own is not also a broken link.
        A copy's own pages (``local_docs``) and reading paths count as well."""
        known = {routes.summary(slug) for slug in summary_slugs} | set(generated)
        paths = reading_path_files if reading_path_files is not None else sorted(reading_paths_dir.glob("*.md")) if reading_paths_dir.is_dir() else []
        known |= {routes.reading_path(p.stem) for p in paths}
        known |= _published_files(docs_dir) | (_published_files(local_docs) if local_docs else set())
        return cls(frozenset(known), image_sources, docs_dir.name, config_file)

    def check(self, page: str, links: list, images: list) -> list[tuple[int, str]]:
        """(line, message) for every broken link and blocked image written on ``page`` (its source path)."""
        found = [(link.line, self.problem(link.text, page)) for link in links]
        found += [(image.line, self.problem(image.text, page, "image") or self.image_problem(image.text, page)) for image in images]
        return [(line, message) for line, message in found if message]

    def problem(self, url: str, page: str, what: str = "link to") -> str | None:
        """Why a link written on ``page`` (its source path) is broken, with the fix; None if it is fine.

        The address is resolved as MkDocs resolves it (``_RelativePathTreeprocessor`` in
        mkdocs/structure/pages.py): anything MkDocs would warn about is an error here first,
        in the editor's file, at the line, with what to write instead.
        """
        if link_scheme(url):
            return None  # another website, or a scheme hidden by entities: which may run is safety.py's question
        try:
            parts = urlsplit(url)
        except ValueError:  # 'https://[' and other addresses no browser can open
            return f"{what} '{url}' is not a web address a browser can open; check it, or write the full https:// address"
        if parts.scheme or parts.netloc:
            return None  # another website; which schemes may run is safety.py's question
        if url.startswith(("/", "\\")):
            return self._absolute(url, parts.path, page, what)
        if not parts.path or unquote(parts.path).rstrip("/") in ("", "."):
            return None  # an anchor on this page, or the page itself
        target = _resolve(page, unquote(parts.path))
        return None if target in self.known else self._missing(url, unquote(parts.path), target, page, what)

    def _absolute(self, url: str, path: str, page: str, what: str) -> str | None:
        """'/research/slug/' works on a site hosted at the root only; a missing summary is a broken link wherever it is hosted."""
        if path.startswith("/research/"):
            parts = path.strip("/").split("/")
            slug = parts[1] if len(parts) > 1 else ""
            if routes.summary(slug) not in self.known:
                return f"{what} '{url}': there is no summary '{slug}'; {_how_to_link(page, slug)} using its file name"
        return None

    def _missing(self, url: str, path: str, target: str, page: str, what: str) -> str:
        """The fix for a relative address that names no file of the site, by what it looks like."""
        if _WEB_ADDRESS.match(path) and not path.split("/")[0].rsplit(".", 1)[-1].lower() in _FILE_TYPES:
            return f"{what} '{url}' looks like a web address without https://: write https://{url}"
        if "@" in path and "." in path and "/" not in path:
            return f"{what} '{url}' looks like an e-mail address: write mailto:{url}"
        if target.endswith(".md"):
            return f"{what} '{url}' points at a page that does not exist; {_how_to_link(page, 'its-file-name')}{self._nearest(target, page)}"
        if not posixpath.splitext(path)[1]:
            return self._page_address(url, target, page, what)
        return (
            f"{what} '{url}' points at a file that does not exist ({self.docs_dir}/{target}); put the file in the "
            f"{self.docs_dir}/ folder and link to it relative to this page, or write its full https:// address"
        )

    def _page_address(self, url: str, target: str, page: str, what: str) -> str:
        """'../some-slug/' is a page's address, not its file: MkDocs leaves it as written, and it breaks
        when the page moves or the site is hosted under a sub-path, or is a 404 from the start."""
        reached = posixpath.normpath(posixpath.join(routes.url_of(page), url.split("#")[0].split("?")[0]))
        source = self._by_url.get("" if reached == "." else reached + "/")
        if source:
            return f"{what} '{url}' is a page's address; link to the page's file instead: write {_relative(source, page)}"
        return f"{what} '{url}': '{url}' does not exist; {_how_to_link(page, 'other-slug')}{self._nearest(posixpath.basename(target.rstrip('/')), page)}"

    @cached_property
    def _by_url(self) -> dict[str, str]:
        return {routes.url_of(src): src for src in self.known if src.endswith(".md")}

    def _nearest(self, missing: str, page: str) -> str:
        """A typo or a shortened file name usually has one page it was meant to be."""
        if missing not in self._hints:
            self._hints[missing] = _closest(missing, *self._pages) if len(self._hints) < _MAX_HINTS else None
        match = self._hints[missing]
        return f"; did you mean '{_relative(match, page)}'?" if match and match != page else ""

    @cached_property
    def _pages(self) -> tuple[list[str], dict[str, str]]:
        """Pages by path and by file name, for suggestions: worked out once."""
        pages = sorted(src for src in self.known if src.endswith(".md"))
        return pages, {posixpath.basename(src).removesuffix(".md"): src for src in pages if not src.endswith("index.md")}

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


def _published_files(docs_dir: Path) -> set[str]:
    """Files MkDocs publishes from the docs folder: not hidden ones (MkDocs' default exclude_docs),
    not links out of the project (the plugin drops those)."""
    if not docs_dir.is_dir():
        return set()
    files = (p for p in docs_dir.rglob("*") if p.is_file() and not leaves_project(p, docs_dir.parent))
    return {rel for rel in (p.relative_to(docs_dir).as_posix() for p in files) if not any(part.startswith(".") for part in rel.split("/"))}


def _relative(source: str, page: str) -> str:
    return posixpath.relpath(source, posixpath.dirname(page) or ".")


def _closest(missing: str, pages: list[str], stems: dict[str, str]) -> str | None:
    """The page a missing name was meant to be: its whole path, or its file name (a shortened slug
    such as 'connecting-people' for 'connecting-people-social-networks')."""
    match = difflib.get_close_matches(missing, pages, n=1, cutoff=0.75)
    if match:
        return match[0]
    name = posixpath.basename(missing).removesuffix(".md")
    starts = sorted(stem for stem in stems if name and stem.startswith(name))
    match = starts or difflib.get_close_matches(name, list(stems), n=1, cutoff=0.6)
    return stems[match[0]] if match else None


def _resolve(page: str, target: str) -> str:
    """The source path a relative link on ``page`` points at, as MkDocs resolves it."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
