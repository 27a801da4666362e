"""Related summaries, ranked once for the whole library.

A summary's related list is the summaries sharing the most topics with it,
then those closest to it in study year, then a fixed pseudo-random order of the
pair. Ranking by recency instead would put the newest summaries in the lists
of hundreds of pages and leave older ones in none; the pair order spreads the
places evenly and is the same on every build.

Each topic's summaries are held in a fixed pseudo-random order, and a summary
looks only at the ``window`` neighbours around its own place in each of its
topics, so the cost per summary stays flat however large the library grows (a
topic with fewer summaries than the window is read whole, which is exact).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Iterable

from .summary import Summary

WINDOW = 60


def _spread(*words: str) -> bytes:
    """A stable pseudo-random key: the same on every build and every machine, unlike ``hash()``."""
    return hashlib.blake2b("\0".join(words).encode("utf-8"), digest_size=8).digest()


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
    return (summary.slug, tuple(summary.values("topics")), summary.year)


_LAST: list = [None, {}]  # (key, slug -> related slugs) of the last ranking in this process


def _rank_slugs(summaries: list[Summary], count: int, window: int) -> dict[str, list[str]]:
    by_topic = _topic_rings(summaries)
    places = {topic: {s.slug: i for i, s in enumerate(ring)} for topic, ring in by_topic.items()}
    by_slug = {s.slug: s for s in summaries}
    return {s.slug: _best(s, _candidates(s, by_topic, places, window), by_slug, count) for s in summaries}


def _topic_rings(summaries: Iterable[Summary]) -> dict[str, list[Summary]]:
    rings: dict[str, list[Summary]] = {}
    for item in summaries:
        for topic in dict.fromkeys(item.values("topics")):
            rings.setdefault(topic, []).append(item)
    return {topic: sorted(ring, key=lambda s: _spread(s.slug)) for topic, ring in rings.items()}


def _candidates(summary: Summary, by_topic: dict, places: dict, window: int) -> Counter:
    """Slugs of other summaries near this one in each of its topics, counted once per topic they share."""
    shared: Counter = Counter()
    for topic in dict.fromkeys(summary.values("topics")):
        ring = by_topic[topic]
        for other in _around(ring, places[topic][summary.slug], window):
            if other is not summary:
                shared[other.slug] += 1
    return shared


def _around(ring: list[Summary], place: int, window: int) -> list[Summary]:
    """The whole ring when it is small, else ``window`` neighbours centred on ``place``, wrapping round."""
    if len(ring) <= window + 1:
        return ring
    start = place - window // 2
    return [ring[(start + i) % len(ring)] for i in range(window + 1)]


def _best(summary: Summary, shared: Counter, by_slug: dict[str, Summary], count: int) -> list[str]:
    year = summary.year if isinstance(summary.year, int) else None

    def key(slug: str) -> tuple:
        other = by_slug[slug].year
        distance = abs(other - year) if year is not None and isinstance(other, int) else 10_000
        return (-shared[slug], distance, _spread(summary.slug, slug))

    return sorted(shared, key=key)[:count]
