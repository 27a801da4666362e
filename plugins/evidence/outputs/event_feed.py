"""The events' Atom feed and subscribable calendar: sessions reach a team's feed reader or calendar.

Dates come from the events, never the clock, so the same data gives the same
files. Atom needs absolute addresses, so without site_url there is no feed.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from ..model.events import Event
from ..read import routes
from ..read.site_identity import SiteIdentity
from .calendar_file import calendar


def events_atom(events: list[Event], site: SiteIdentity) -> bytes:
    generator = FeedGenerator()
    generator.id(site.absolute(routes.events_feed("xml")))
    generator.title(f"{site.name}: events")
    generator.author(name=site.name)
    generator.link(href=site.absolute(routes.url_of(routes.events())), rel="alternate", type="text/html")
    generator.link(href=site.absolute(routes.events_feed("xml")), rel="self", type="application/atom+xml")
    generator.language(site.language)
    generator.updated(_moment(max((e.date for e in events), default=dt.date(2000, 1, 1))))
    for event in sorted(events, key=lambda e: (e.date, e.slug), reverse=True):
        entry = generator.add_entry(order="append")
        url = site.absolute(routes.url_of(routes.event(event.slug)))
        entry.id(url)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.title(f"{event.date.isoformat()}: {event.title}")
        entry.summary(event.summary)
        entry.updated(_moment(event.date))
    return generator.atom_str(pretty=True)


def events_ics(events: list[Event], site: SiteIdentity) -> bytes:
    """One calendar of every session; each event keeps its own zone."""
    zone = events[0].timezone if events else "Europe/London"
    return calendar(f"{site.name}: events", ((f"event-{e.slug}", e.session) for e in events), zone, site)


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
