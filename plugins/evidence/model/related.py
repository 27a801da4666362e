"""Related summaries, ranked once for the whole library.

A summary's related list is the summaries sharing the most topics with it,
then the most of who it is about and its practice area, then those closest to
it in study year, then those nearest to it in a fixed pseudo-random order.
Ranking by recency instead would put the newest summaries in the lists of
hundreds of pages and leave older ones in none.

Each topic's summaries are held in that fixed pseudo-random order (a ring, the
same on every build), and a summary looks only at the ``window`` neighbours
around its own place in each of its topics. So the cost per summary stays flat
however large the library grows, and so does the fan-out: a summary can be
listed only by its neighbours in its own topics, and among equals the nearest
win, so no summary is in more than a few lists (a topic with fewer summaries
than the window is read whole, which is exact).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Iterable

from .summary import Summary

WINDOW = 60
FACETS = ("populations", "practice_area")  # after topics: who the study is about, and where in practice


def _spread(word: str) -> bytes:
    """A stable pseudo-random key: the same on every build and every machine, unlike ``hash()``."""
    return hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()


def rank_related(summaries: list[Summary], count: int, window: int = WINDOW) -> dict[str, list[Summary]]:
    """Slug -> up to ``count`` related summaries, for every summary at once."""
    key = (count, window, tuple(_ranked_by(s) for s in summaries))
    if _LAST[0] != key:
        _LAST[:] = [key, _rank_slugs(summaries, count, window)]
    by_slug = {s.slug: s for s in summaries}
    return {slug: [by_slug[other] for other in others] for slug, others in _LAST[1].items()}


def _ranked_by(summary: Summary) -> tuple:
    """Everything about a summary the ranking reads. The preview reloads the library after every save,
    and most edits (a title, a finding) leave this alone: the last ranking is then reused, not redone."""
    return (summary.slug, tuple(summary.values("topics")), summary.year, tuple(tuple(summary.values(name)) for name in FACETS))


_LAST: list = [None, {}]  # (key, slug -> related slugs) of the last ranking in this process


def _rank_slugs(summaries: list[Summary], count: int, window: int) -> dict[str, list[str]]:
    rings = _topic_rings(summaries)
    places = {topic: {s.slug: i for i, s in enumerate(ring)} for topic, ring in rings.items()}
    alike = {s.slug: frozenset((name, value) for name in FACETS for value in s.values(name)) for s in summaries}
    return {s.slug: _best(s, _candidates(s, rings, places, window), alike, count) for s in summaries}


def _topic_rings(summaries: Iterable[Summary]) -> dict[str, list[Summary]]:
    rings: dict[str, list[Summary]] = {}
    for item in summaries:
        for topic in dict.fromkeys(item.values("topics")):
            rings.setdefault(topic, []).append(item)
    return {topic: sorted(ring, key=lambda s: _spread(s.slug)) for topic, ring in rings.items()}


def _candidates(summary: Summary, rings: dict, places: dict, window: int) -> tuple[Counter, dict[str, int], dict[str, Summary]]:
    """Other summaries near this one in each of its topics: topics shared, nearest distance round a ring, each by slug."""
    shared: Counter = Counter()
    nearest: dict[str, int] = {}
    by_slug: dict[str, Summary] = {}
    for topic in dict.fromkeys(summary.values("topics")):
        for other, distance in _around(rings[topic], places[topic][summary.slug], window):
            if other is not summary:
                shared[other.slug] += 1
                nearest[other.slug] = min(distance, nearest.get(other.slug, distance))
                by_slug[other.slug] = other
    return shared, nearest, by_slug


def _around(ring: list[Summary], place: int, window: int) -> list[tuple[Summary, int]]:
    """(summary, distance round the ring) for the whole ring when it is small, else ``window`` neighbours centred on ``place``."""
    size = len(ring)
    offsets = range(size) if size <= window + 1 else range(-(window // 2), window - window // 2 + 1)
    return [(ring[(place + offset) % size], min(offset % size, -offset % size)) for offset in offsets]


def _best(summary: Summary, candidates: tuple, alike: dict[str, frozenset], count: int) -> list[str]:
    shared, nearest, by_slug = candidates
    year = summary.year if isinstance(summary.year, int) else None
    mine = alike[summary.slug]

    def key(slug: str) -> tuple:
        other = by_slug[slug].year
        distance = abs(other - year) if year is not None and isinstance(other, int) else 10_000
        return (-shared[slug], -len(mine & alike[slug]), distance, nearest[slug], slug)

    return sorted(shared, key=key)[:count]
