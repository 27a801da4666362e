"""Atom feeds of new and updated summaries: one for the site, one per browse value.

Passive reading lists go stale; a feed brings new evidence to where a team
already looks (a feed reader, an intranet panel, a Teams or Slack channel)
with nobody keeping a mailing list. A team on a children's service can follow
just that practice area, or just one topic.

Dates come from the summaries, never from the clock, so the same content
always gives byte-identical feeds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from ..model.library import Library
from ..model.summary import Summary
from ..read import routes

FEED_SIZE = 30  # newest entries kept in each feed: enough for a month of reading, small on a phone


@dataclass(frozen=True)
class Feed:
    """One feed: where it is written, what it is called and the page it follows."""

    path: str
    title: str
    page: str
    summaries: tuple[Summary, ...]


def site_feeds(library: Library) -> list[Feed]:
    """The whole site's feed, then one per browse value that has summaries."""
    newest = _newest_first(library.summaries)
    feeds = [Feed(routes.feed(), "New research summaries", "", newest)] if newest else []
    for facet in library.facets:
        for term in facet.used_terms:
            page = routes.url_of(routes.facet_value(facet.name, term.id))
            feeds.append(Feed(routes.feed(page), f"{facet.label}: {term.label}", page, _newest_first(term.summaries)))
    return feeds


def render(feed: Feed, library: Library, site_url: str, site_name: str, language: str = "en") -> bytes:
    """The feed as Atom XML; ``site_url`` makes every address absolute, as Atom requires."""
    base = site_url.rstrip("/") + "/"
    generator = FeedGenerator()
    generator.id(base + feed.path)
    generator.title(f"{site_name}: {feed.title}")
    generator.author(name=site_name)
    generator.link(href=base + feed.page, rel="alternate", type="text/html")
    generator.link(href=base + feed.path, rel="self", type="application/atom+xml")
    generator.language(language)
    generator.updated(_moment(_last_change(feed.summaries[0])))
    for summary in feed.summaries:
        _add_entry(generator, summary, library, base)
    return generator.atom_str(pretty=True)


def _add_entry(generator: FeedGenerator, summary: Summary, library: Library, base: str) -> None:
    entry = generator.add_entry(order="append")
    url = base + routes.url_of(routes.summary(summary.slug))
    entry.id(url)
    entry.link(href=url, rel="alternate", type="text/html")
    entry.title(summary.title)
    entry.summary(f"{summary.one_liner} {_strength(summary, library)}")
    entry.published(_moment(summary.published))
    entry.updated(_moment(_last_change(summary)))
    for topic in summary.values("topics"):
        entry.category(term=topic, label=library.term("topics", topic).label)


def _strength(summary: Summary, library: Library) -> str:
    strength = summary.data["strength"]
    level = library.term("strength_levels", strength["level"]).label
    scheme = library.term("strength_schemes", strength["scheme"]).label
    return f"Strength of evidence: {level.lower()} ({scheme})."


def _newest_first(summaries: list[Summary]) -> tuple[Summary, ...]:
    """By the last editorial change; the slug breaks ties so the order never wobbles between builds."""
    return tuple(sorted(summaries, key=lambda s: (_last_change(s), s.slug), reverse=True)[:FEED_SIZE])


def _last_change(summary: Summary) -> dt.date:
    return summary.reviewed or summary.published


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
