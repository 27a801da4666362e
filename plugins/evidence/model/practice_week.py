"""Practice weeks: a link officer's week of short sessions, one read a day, as data.

Bolton's practice week gave children's services staff a flyer a day on a
different topic. One YAML file per week (``practice_weeks/<slug>.yml``)
names the days and what each reads (a summary, a reading path or a topic);
the site makes the week's page, a printable pack and a calendar file from it.
Every reference is checked against the library, with the line to fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..read import routes
from ..read.front_matter import line_of
from ..read.problems import Problems
from ..read.project_files import Kind, source_files
from ..read.schema import Schema
from .summary import SLUG

PRACTICE_WEEKS = Kind(".yml", "practice weeks")
TARGETS = ("summary", "reading_path", "topic")
DEFAULT_TIMEZONE = "Europe/London"


@dataclass(frozen=True)
class Reading:
    """What a session reads first: its kind, title, one-line description and site page."""

    kind: str  # "summary", "reading_path" or "topic"
    id: str
    title: str
    description: str
    src: str  # the page's source path (routes), so templates and calendars build addresses one way

    @property
    def url(self) -> str:
        return routes.url_of(self.src)


@dataclass(frozen=True)
class Session:
    date: dt.date
    title: str
    reading: Reading | None
    start: dt.time | None = None
    end: dt.time | None = None
    place: str = ""
    link: str = ""
    note: str = ""


@dataclass(frozen=True)
class PracticeWeek:
    slug: str
    path: str
    title: str
    summary: str
    timezone: str
    sessions: tuple[Session, ...]

    @property
    def first_day(self) -> dt.date:
        return self.sessions[0].date

    @property
    def last_day(self) -> dt.date:
        return self.sessions[-1].date


class Readings:
    """Looks up what a session names: the library's summaries, reading paths and topics."""

    def __init__(self, library: Any):
        self.summaries = {s.slug: s for s in library.summaries}
        self.paths = {p.slug: p for p in library.reading_paths}
        facet = next((f for f in library.facets if f.spec.field == "topics"), None)
        self.topic_facet = facet.name if facet else ""
        self.topics = {t.id: t for t in facet.used_terms} if facet else {}  # only topics with a browse page

    def find(self, kind: str, key: str) -> Reading | None:
        if kind == "summary" and key in self.summaries:
            s = self.summaries[key]
            return Reading(kind, key, s.title, s.one_liner, routes.summary(key))
        if kind == "reading_path" and key in self.paths:
            p = self.paths[key]
            return Reading(kind, key, p.title, p.summary, routes.reading_path(key))
        if kind == "topic" and key in self.topics:
            t = self.topics[key]
            return Reading(kind, key, t.label, t.description, routes.facet_value(self.topic_facet, key))
        return None

    def names(self, kind: str) -> list[str]:
        return list({"summary": self.summaries, "reading_path": self.paths, "topic": self.topics}[kind])

    def unknown(self, kind: str, key: str) -> str:
        """The message for a name that is not on the site, with the closest one that is."""
        close = difflib.get_close_matches(str(key), self.names(kind), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        what = {"summary": "a summary", "reading_path": "a reading path", "topic": "a topic with summaries"}[kind]
        return f"'{kind}': '{key}' is not {what} on this site{hint}"


def load_practice_weeks(directory: Path, root: Path, library: Any, problems: Problems) -> list[PracticeWeek]:
    """Every valid week, soonest first; a missing folder means none yet."""
    weeks = read_dated_files(directory, root, PRACTICE_WEEKS, Schema("practice_week"), _read, library, problems)
    return sorted(weeks, key=lambda w: (w.first_day, w.slug))


def read_dated_files(directory: Path, root: Path, kind: Kind, schema: Schema, read: Any, library: Any, problems: Problems) -> list:
    """Every file of a dated kind (practice weeks, events) that ``read`` makes something of; the rest are messages."""
    files = source_files(directory, root, kind, problems)
    if not files:  # the look-ups cost 0.2 s at 10,000 summaries (every facet derived), for no file at all
        return []
    readings = Readings(library)
    found = (read(file, file.relative_to(root).as_posix(), schema, readings, problems) for file in files)
    return [item for item in found if item]


def read_dated_file(file: Path, rel: str, schema: Schema, problems: Problems, folder: str) -> tuple[dict, dict, str] | None:
    """(data, lines, time zone) of a practice week or an event: both become addresses under
    ``/<folder>/<file name>/`` and both hold clock times that mean nothing without a zone."""
    if not SLUG.match(file.stem):
        problems.error(rel, 1, f"file name '{file.name}' must be lowercase words joined by hyphens; it becomes the address /{folder}/{file.stem}/")
    found = schema.read_file(file, rel, problems)
    if not found:
        return None
    data, lines = found
    zone = data.get("timezone", DEFAULT_TIMEZONE)
    if not known_zone(zone):
        problems.error(rel, line_of(lines, ("timezone",)), f"'timezone': '{zone}' is not a time zone; write one like Europe/London")
    return data, lines, zone


def _read(file: Path, rel: str, schema: Schema, readings: Readings, problems: Problems) -> PracticeWeek | None:
    before = len(problems.errors)
    found = read_dated_file(file, rel, schema, problems, "practice-weeks")
    if not found:
        return None
    data, lines, zone = found
    sessions = [_session(day, data, ("days", i), lines, rel, readings, problems) for i, day in enumerate(data["days"])]
    if len(problems.errors) > before:
        return None
    ordered = tuple(sorted(sessions, key=lambda s: (s.date, s.start or dt.time())))
    return PracticeWeek(file.stem, rel, data["title"], data["summary"], zone, ordered)


def _session(day: dict, week: dict, where: tuple, lines: dict, rel: str, readings: Readings, problems: Problems) -> Session | None:
    named = [kind for kind in TARGETS if kind in day]
    if len(named) != 1:
        problems.error(rel, line_of(lines, where), f"each day names exactly one of summary, reading_path or topic; this one has {', '.join(named) or 'none'}")
        return None
    kind = named[0]
    reading = readings.find(kind, day[kind])
    if reading is None:
        problems.error(rel, line_of(lines, where + (kind,)), readings.unknown(kind, day[kind]))
        return None
    start, end = clock_time(day.get("start")), clock_time(day.get("end"))
    if start and end and end <= start:
        problems.error(rel, line_of(lines, where + ("end",)), f"'end' ({day['end']}) must be after 'start' ({day['start']})")
    return Session(
        dt.date.fromisoformat(day["date"]), day.get("title") or reading.title, reading, start, end,
        day.get("place") or week.get("place", ""), day.get("link") or week.get("link", ""), day.get("note", ""),
    )


def known_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def clock_time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None
