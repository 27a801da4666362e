"""Which Pagefind run indexes which page, so no run holds the whole catalogue in memory.

Pagefind keeps every page's words in memory until it has written the index:
about 165 KB a summary, so 1.6 GB at 10,000. Above ``per_shard`` pages of one
language, the pages are split between several runs ("shards"), each writing its
own bundle: the first in ``pagefind/``, the others in ``pagefind/shard-<n>/``,
listed by language in ``pagefind/shards.json``. The search scripts merge them in
the browser with Pagefind's ``mergeIndex``, which searches every bundle and
orders the results by score.

Pages are dealt out in turn, so every shard is a like sample of the catalogue
(word rarity, and so ranking, is alike in each). Pages with a sort key
(``data-pagefind-sort``, the publication date) are dealt in the order of that
key, the last shard first: Pagefind scores a sorted result by its place in its
own bundle's order, and dealt this way those places are comparable across
bundles, so "newest first" is exact when the results are merged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "shards.json"
SHARD_FOLDER = "shard-{number}"


@dataclass(frozen=True)
class IndexedPage:
    path: str  # relative to the site, with forward slashes
    language: str
    sort: str = ""  # the page's data-pagefind-sort attribute, "" without one


def shard_count(pages: int, per_shard: int) -> int:
    return max(1, -(-pages // max(1, per_shard)))


def deal(pages: list[IndexedPage], per_shard: int) -> list[list[IndexedPage]]:
    """The pages of each run, first run first; each language is dealt out on its own."""
    shards: list[list[IndexedPage]] = []
    for language in sorted({page.language for page in pages}):
        own = [page for page in pages if page.language == language]
        for number, part in enumerate(_deal_language(own, shard_count(len(own), per_shard))):
            if number == len(shards):
                shards.append([])
            shards[number] += part
    return shards or [[]]


def _deal_language(pages: list[IndexedPage], count: int) -> list[list[IndexedPage]]:
    parts: list[list[IndexedPage]] = [[] for _ in range(count)]
    sorted_pages = sorted((page for page in pages if page.sort), key=lambda page: (page.sort, page.path))
    for place, page in enumerate(sorted_pages):
        parts[count - 1 - place % count].append(page)
    for place, page in enumerate(sorted((page for page in pages if not page.sort), key=lambda page: page.path)):
        parts[place % count].append(page)
    return parts


def manifest(shards: list[list[IndexedPage]]) -> dict[str, list[str]]:
    """For each language, the bundles beyond the first that hold its pages, in order (relative paths)."""
    languages = sorted({page.language for shard in shards for page in shard})
    return {
        language: [f"{shard_folder(number)}/" for number, shard in enumerate(shards) if number and any(p.language == language for p in shard)]
        for language in languages
    }


def shard_folder(number: int) -> str:
    return SHARD_FOLDER.format(number=number + 1)


def write_manifest(output_dir: Path, listed: dict[str, list[str]]) -> None:
    (output_dir / MANIFEST).write_text(json.dumps(listed, sort_keys=True) + "\n", encoding="utf-8")
