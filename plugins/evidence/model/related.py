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
import heapq

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
    """Summaries are numbered and what the ranking reads of each is read once: a thousand summaries
    make some 150,000 comparisons, which then look numbers up instead of reading fields."""
    facts = _Facts(summaries)
    rings = _topic_rings(facts)
    places = {topic: {index: place for place, index in enumerate(ring)} for topic, ring in rings.items()}
    return {facts.slugs[i]: _best(i, _candidates(i, facts, rings, places, window), facts, count) for i in range(len(summaries))}


class _Facts:
    """Per summary number: its slug, its year (an int, else None), its topics and its other facets' values."""

    def __init__(self, summaries: list[Summary]) -> None:
        self.slugs = [s.slug for s in summaries]
        self.years = [s.year if isinstance(s.year, int) else None for s in summaries]
        self.topics = [list(dict.fromkeys(s.values("topics"))) for s in summaries]
        self.alike = [frozenset((name, value) for name in FACETS for value in s.values(name)) for s in summaries]


def _topic_rings(facts: _Facts) -> dict[str, list[int]]:
    rings: dict[str, list[int]] = {}
    for index, topics in enumerate(facts.topics):
        for topic in topics:
            rings.setdefault(topic, []).append(index)
    return {topic: sorted(ring, key=lambda index: _spread(facts.slugs[index])) for topic, ring in rings.items()}


def _candidates(me: int, facts: _Facts, rings: dict, places: dict, window: int) -> tuple[dict[int, int], dict[int, int]]:
    """Other summaries near this one in each of its topics: topics shared, and nearest distance round a ring."""
    shared: dict[int, int] = {}
    nearest: dict[int, int] = {}
    for topic in facts.topics[me]:
        for other, distance in _around(rings[topic], places[topic][me], window):
            if other == me:
                continue
            if other in shared:
                shared[other] += 1
                nearest[other] = min(distance, nearest[other])
            else:
                shared[other], nearest[other] = 1, distance
    return shared, nearest


def _around(ring: list[int], place: int, window: int) -> zip:
    """(summary, distance round the ring) for the whole ring when it is small, else ``window`` neighbours centred on ``place``.
    The offsets are consecutive, so the neighbours are one slice of the ring written out three times."""
    size = len(ring)
    offsets = range(size) if size <= window + 1 else range(-(window // 2), window - window // 2 + 1)
    distances = [min(offset % size, -offset % size) for offset in offsets]
    start = size + place + offsets.start
    return zip((ring * 3)[start : start + len(offsets)], distances)


def _best(me: int, candidates: tuple[dict[int, int], dict[int, int]], facts: _Facts, count: int) -> list[str]:
    """The first ``count`` by topics shared, then other facets shared, then years apart, then distance round the ring, then slug."""
    shared, nearest = candidates
    year, mine, years, alike, slugs = facts.years[me], facts.alike[me], facts.years, facts.alike, facts.slugs
    keys = [
        (-times, -len(mine & alike[other]), 10_000 if year is None or years[other] is None else abs(years[other] - year), nearest[other], slugs[other])
        for other, times in shared.items()
    ]
    return [key[-1] for key in heapq.nsmallest(count, keys)]
