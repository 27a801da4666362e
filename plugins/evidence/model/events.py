"""Events: sessions as data (date, time, place or link, what to read first), kept as a record afterwards.

Bolton planned events around Social Work Week and World Social Work Day and
ran quarterly CPD sessions on Social Work England's standard 4. One YAML file
per session in ``events/``; the site lists what is coming and, once a session
has passed, keeps it as a record with its materials (slides, a recording).
What counts as past is decided by the build's date, handed in by the caller.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..read.front_matter import line_of
from ..read.problems import Problems
from ..read.project_files import Kind
from ..read.schema import Schema
from .practice_week import TARGETS, Reading, Readings, Session, clock_time, read_dated_file, read_dated_files

EVENTS = Kind(".yml", "events")


@dataclass(frozen=True)
class Event:
    slug: str
    path: str
    title: str
    summary: str
    timezone: str
    session: Session
    readings: tuple[Reading, ...] = ()
    materials: tuple[tuple[str, str], ...] = ()  # (title, url)

    @property
    def date(self) -> dt.date:
        return self.session.date

    def is_past(self, today: dt.date) -> bool:
        return self.date < today


def load_events(directory: Path, root: Path, library: Any, problems: Problems) -> list[Event]:
    """Every valid event by date; a missing folder means none yet."""
    events = read_dated_files(directory, root, EVENTS, Schema("event"), _read, library, problems)
    return sorted(events, key=lambda e: (e.date, e.session.start or dt.time(), e.slug))


def upcoming(events: list[Event], today: dt.date) -> list[Event]:
    return [e for e in events if not e.is_past(today)]


def past(events: list[Event], today: dt.date) -> list[Event]:
    """Newest first: the record people look back through."""
    return [e for e in reversed(events) if e.is_past(today)]


def _read(file: Path, rel: str, schema: Schema, readings: Readings, problems: Problems) -> Event | None:
    before = len(problems.errors)
    found = read_dated_file(file, rel, schema, problems, "events")
    if not found:
        return None
    data, lines, zone = found
    read = [_reading(item, ("read_first", i), lines, rel, readings, problems) for i, item in enumerate(data.get("read_first", []))]
    start, end = clock_time(data.get("start")), clock_time(data.get("end"))
    if start and end and end <= start:
        problems.error(rel, line_of(lines, ("end",)), f"'end' ({data['end']}) must be after 'start' ({data['start']})")
    if len(problems.errors) > before:
        return None
    session = Session(dt.date.fromisoformat(data["date"]), data["title"], read[0] if read else None, start, end, data.get("place", ""), data.get("link", ""), data["summary"])
    materials = tuple((m["title"], m["url"]) for m in data.get("materials", []))
    return Event(file.stem, rel, data["title"], data["summary"], zone, session, tuple(read), materials)


def _reading(item: dict, where: tuple, lines: dict, rel: str, readings: Readings, problems: Problems) -> Reading | None:
    named = [kind for kind in TARGETS if kind in item]
    if len(named) != 1:
        problems.error(rel, line_of(lines, where), f"each 'read_first' entry names exactly one of summary, reading_path or topic; this one has {', '.join(named) or 'none'}")
        return None
    reading = readings.find(named[0], item[named[0]])
    if reading is None:
        problems.error(rel, line_of(lines, where + (named[0],)), readings.unknown(named[0], item[named[0]]))
    return reading
