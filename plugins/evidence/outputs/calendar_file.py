"""iCalendar files of sessions, so they land in Outlook, Google or Apple calendars in one click.

Written by the icalendar library with the time zone's VTIMEZONE included, so
a 12:30 session in London stays 12:30 in London whatever the reader's
computer thinks. Stamps and ids come from the data, never the clock, so the
same file is written on every build and calendars update rather than duplicate.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Iterable

from icalendar import Calendar, Event

from ..model.practice_week import Session
from ..read.site_identity import SiteIdentity

PRODUCT = "-//Research which matters//Sessions//EN"


def calendar(name: str, sessions: Iterable[tuple[str, Session]], timezone: str, site: SiteIdentity) -> bytes:
    """``sessions`` are (uid stem, session) pairs; the stem keeps each event's id stable between builds."""
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    zone = zoneinfo.ZoneInfo(timezone)
    listed = list(sessions)
    for stem, session in listed:
        cal.add_component(_event(stem, session, zone, site))
    if listed:  # the zone's rules for the years the sessions span, not 1970 to 2038
        dates = [session.date for _, session in listed]
        cal.add_missing_timezones(first_date=dt.date(min(dates).year, 1, 1), last_date=dt.date(max(dates).year + 1, 1, 1))
    return cal.to_ical()


def _event(stem: str, session: Session, zone: zoneinfo.ZoneInfo, site: SiteIdentity) -> Event:
    event = Event()
    event.add("uid", f"{stem}-{session.date.isoformat()}@{_host(site)}")
    event.add("dtstamp", dt.datetime.combine(session.date, dt.time(), dt.timezone.utc))
    event.add("summary", session.title)
    start, end = _span(session, zone)
    event.add("dtstart", start)
    event.add("dtend", end)
    if session.place:
        event.add("location", session.place)
    address = site.absolute(session.reading.url) if session.reading else None
    if address or session.link:
        event.add("url", session.link or address)
    event.add("description", _description(session, address))
    return event


def _span(session: Session, zone: zoneinfo.ZoneInfo) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """Timed sessions in the week's zone (an hour if no end is given); all-day otherwise."""
    if not session.start:
        return session.date, session.date + dt.timedelta(days=1)
    start = dt.datetime.combine(session.date, session.start, zone)
    end = dt.datetime.combine(session.date, session.end, zone) if session.end else start + dt.timedelta(hours=1)
    return start, end


def _description(session: Session, address: str | None) -> str:
    lines = [f"Read first: {session.reading.title}" + (f" {address}" if address else "")] if session.reading else []
    if session.link:
        lines.append(f"Join: {session.link}")
    if session.note:
        lines.append(session.note)
    return "\n".join(lines)


def _host(site: SiteIdentity) -> str:
    address = site.absolute("") or ""
    return address.split("//", 1)[-1].split("/", 1)[0] or "research-summaries.invalid"
