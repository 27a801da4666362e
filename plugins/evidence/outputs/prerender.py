"""The slow, pure parts of summary pages, computed before anything renders.

Each summary page shows its study and itself cited in Harvard and APA, and
its printed flyer a QR code of its address: together most of what a summary
page costs to build. All of them depend only on the summary and the site's
identity, so after validation they are taken from the build cache and the
rest started on every core (``worker_pool``) while MkDocs converts the pages'
Markdown; before the first page renders they are collected and the cache
updated. Templates then find every answer ready; one they ask for that is
not (a page this step does not know) is computed on the spot, with the same
result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model.library import Library
from ..read import routes
from ..read.site_identity import SiteIdentity
from . import answer_store
from .citations.cite_styles import CITED
from .citations.citing import citation_keys
from .per_summary import PerSummary
from .precomputed import Precomputed
from .qr import DRAWN
from .worker_pool import MIN_PARALLEL, Answering, answering


@dataclass
class Prerendering:
    """Answers under way; ``finish`` before the first page renders."""

    work: list[tuple[Precomputed, list[str]]]
    computed: list[tuple[Precomputed, list[str]]]
    cache: Path | None
    answers: Answering

    def finish(self) -> None:
        """Wait for the workers, then keep this build's answers in the cache (when any were new)."""
        self.answers.finish()
        for (function, keys), (_, new) in zip(self.work, self.computed):
            if self.cache and new:
                answer_store.save(self.cache, function, keys)
        self.computed = []


def prerender(library: Library, site: SiteIdentity, cache: Path | None, min_parallel: int = MIN_PARALLEL) -> Prerendering:
    """Start every summary's answers. ``cache``: the build cache folder, or None (see ``cache_folder``)."""
    work = [(CITED, _citations(library, site)), (DRAWN, _addresses(library, site))]
    for function, keys in work:
        missing = function.missing(keys)
        if missing and cache:
            kept = answer_store.load(cache, function)
            function.answers.update((key, kept[key]) for key in missing if key in kept)
    computed = [(function, function.missing(keys)) for function, keys in work]
    return Prerendering(work, computed, cache, answering(computed, min_parallel))


def cache_folder(root: Path, site_dir: Path) -> Path | None:
    """The project's build cache, unless the site would contain it (it must never be published)."""
    folder = (root / answer_store.FOLDER).resolve()
    site = site_dir.resolve()
    return None if folder == site or site in folder.parents else folder


_keys = PerSummary(citation_keys)  # asked for every summary on every preview reload: made again only for an edited file


def _citations(library: Library, site: SiteIdentity) -> list[str]:
    return [key for summary in library.summaries for key in _keys(summary, site)]


def _addresses(library: Library, site: SiteIdentity) -> list[str]:
    """Printed sheets link to the page's canonical address, which exists only with a site_url."""
    sources = [routes.summary(s.slug) for s in library.summaries] + [routes.reading_path(p.slug) for p in library.reading_paths]
    return [address for src in sources if (address := site.absolute(routes.url_of(src)))]
