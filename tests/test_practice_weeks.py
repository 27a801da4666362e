"""Practice weeks: a data file becomes a page, a printable pack and a calendar file; mistakes are located."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from icalendar import Calendar

from conftest import Project, summary_text

WEEK = """\
title: Lunchtime practice week
summary: Five short sessions, one read a day, for the adults' teams in the spring.
place: Room 4
days:
  - date: "2030-03-18"
    start: "12:30"
    end: "13:15"
    summary: talking-mats
  - date: "2030-03-19"
    start: "12:30"
    summary: pictures
    place: Online
    link: https://meet.example.org/tuesday
  - date: "2030-03-20"
    topic: communication
    note: Bring a case to talk about.
"""


def add_week(project: Project, name: str, text: str):
    folder = project.root / "practice_weeks"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture(scope="module")
def week_site(tmp_path_factory) -> Project:
    project = Project(tmp_path_factory.mktemp("weeks") / "project")
    project.add("talking-mats.md", summary_text())
    project.add("pictures.md", summary_text(title="Pictures in day services"))
    add_week(project, "spring-week.yml", WEEK)
    assert project.build() == 0
    return project


def test_the_calendar_file_is_valid_icalendar_with_one_event_per_day(week_site):
    cal = Calendar.from_ical((week_site.root / "site" / "practice-weeks" / "spring-week" / "sessions.ics").read_bytes())
    events = cal.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Talking mats in care homes", "Pictures in day services", "Communication"]
    first, second, third = events
    assert first.decoded("dtstart") == dt.datetime(2030, 3, 18, 12, 30, tzinfo=first.decoded("dtstart").tzinfo)
    assert str(first.decoded("dtstart").tzinfo) == "Europe/London" and cal.walk("VTIMEZONE")
    assert first.decoded("dtend") - first.decoded("dtstart") == dt.timedelta(minutes=45)
    assert second.decoded("dtend") - second.decoded("dtstart") == dt.timedelta(hours=1), "no end: an hour"
    assert str(second["location"]) == "Online" and str(second["url"]) == "https://meet.example.org/tuesday"
    assert third.decoded("dtstart") == dt.date(2030, 3, 20), "no start time: an all-day theme"
    assert "https://example.org/research/talking-mats/" in str(first["description"])
    assert len({str(e["uid"]) for e in events}) == 3


def test_the_week_page_and_pack_list_every_day(week_site):
    page = week_site.page("practice-weeks/spring-week")
    assert "Lunchtime practice week" in page and 'href="sessions.ics"' in page and 'href="pack/"' in page
    for title in ("Talking mats in care homes", "Pictures in day services", "Communication"):
        assert title in page
    pack = week_site.page("practice-weeks/spring-week/pack")
    assert pack.count('class="ev-sheet"') == 4, "a cover and one flyer per day"
    assert pack.count('<svg role="img" aria-label="QR code for https://example.org/') == 4
    assert "https://example.org/browse/topic/communication/" in pack
    assert "Lunchtime practice week" in week_site.page("practice-weeks")


def test_a_summary_flyer_and_a_session_pack_carry_a_qr_code_with_the_address(week_site):
    page = week_site.page("research/talking-mats")
    assert 'data-qr="qr.svg"><p>' in page and '<span class="ev-qr__address">https://example.org/research/talking-mats/</span>' in page, "print.js loads it for the flyer"
    code = (week_site.root / "site" / "research" / "talking-mats" / "qr.svg").read_text(encoding="utf-8")
    assert 'aria-label="QR code for https://example.org/research/talking-mats/"' in code
    assert '<span class="ev-qr__address">https://example.org/research/talking-mats/</span>' in page


@pytest.mark.parametrize(
    "change, line, message",
    [
        ("summary: talking-mats", 8, "'summary': 'talking-mat' is not a summary on this site; did you mean 'talking-mats'?"),
        ("topic: communication", 14, "each day names exactly one of summary, reading_path or topic; this one has summary, topic"),
        ('end: "13:15"', 7, "'end' (11:00) must be after 'start' (12:30)"),
        ("place: Room 4", 4, "'timezone': 'Mars/Olympus' is not a time zone; write one like Europe/London"),
    ],
)
def test_mistakes_are_located_with_the_fix(tmp_path, change, line, message):
    project = Project(tmp_path / "project")
    project.add("talking-mats.md", summary_text())
    project.add("pictures.md", summary_text(title="Pictures in day services"))
    broken = {
        "summary: talking-mats": WEEK.replace("summary: talking-mats", "summary: talking-mat"),
        "topic: communication": WEEK.replace("  - date: \"2030-03-20\"\n    topic:", "  - date: \"2030-03-20\"\n    summary: pictures\n    topic:"),
        'end: "13:15"': WEEK.replace('end: "13:15"', 'end: "11:00"'),
        "place: Room 4": WEEK.replace("place: Room 4", "place: Room 4\ntimezone: Mars/Olympus"),
    }[change]
    add_week(project, "spring-week.yml", broken)
    problems = [str(p) for p in project.library().problems.errors]
    assert f"practice_weeks/spring-week.yml:{line}: {message}" in problems, problems
