"""Events: sessions as data become an events page, a page each, an Atom feed and a calendar; past ones stay as a record."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar

from conftest import Project, summary_text

ATOM = "{http://www.w3.org/2005/Atom}"
PAST = """\
title: Journal club on communication
summary: A lunchtime discussion of one study on communication passports, for adults' teams.
date: "2001-03-20"
start: "12:30"
end: "13:15"
place: Room 4
read_first:
  - summary: talking-mats
materials:
  - title: Slides from the session
    url: https://example.org/slides.pdf
"""
COMING = """\
title: Standard 4 CPD session
summary: A half-hour session on recording CPD, with time to share examples of what counts.
date: "2099-06-10"
start: "12:30"
place: Online
link: https://meet.example.org/cpd
read_first:
  - topic: communication
"""


def add_event(project: Project, name: str, text: str) -> None:
    folder = project.root / "events"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture(scope="module")
def event_site(tmp_path_factory) -> Project:
    project = Project(tmp_path_factory.mktemp("events") / "project")
    project.add("talking-mats.md", summary_text())
    add_event(project, "journal-club.yml", PAST)
    add_event(project, "standard-4.yml", COMING)
    assert project.build() == 0
    return project


def test_the_events_page_lists_what_is_coming_and_keeps_past_sessions(event_site):
    page = event_site.page("events")
    coming, record = page.split('id="past-sessions"')
    assert "Standard 4 CPD session" in coming and "Journal club on communication" not in coming
    assert "Journal club on communication" in record
    assert 'href="feed.xml"' in page and 'href="events.ics"' in page


def test_a_past_session_is_a_record_with_its_reading_and_materials(event_site):
    page = event_site.page("events/journal-club")
    assert "Past session" in page and "What was read" in page
    assert 'href="https://example.org/slides.pdf">Slides from the session</a>' in page
    assert 'href="../../research/talking-mats/"' in page
    coming = event_site.page("events/standard-4")
    assert "Read first" in coming and "https://meet.example.org/cpd" in coming


def test_the_atom_feed_and_calendar_list_every_session(event_site):
    site = event_site.root / "site" / "events"
    feed = ET.parse(site / "feed.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles == ["2099-06-10: Standard 4 CPD session", "2001-03-20: Journal club on communication"]
    events = Calendar.from_ical((site / "events.ics").read_bytes()).walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == ["Journal club on communication", "Standard 4 CPD session"]
    assert all(e.decoded("dtstart").tzinfo is not None for e in events)


def test_an_unknown_reading_is_located_with_a_suggestion(tmp_path):
    project = Project(tmp_path / "project")
    project.add("talking-mats.md", summary_text())
    add_event(project, "journal-club.yml", PAST.replace("summary: talking-mats", "summary: talking-mat"))
    problems = [str(p) for p in project.library().problems.errors]
    assert "events/journal-club.yml:8: 'summary': 'talking-mat' is not a summary on this site; did you mean 'talking-mats'?" in problems


def test_a_site_without_events_says_none_are_planned(bundled_site):
    page = (bundled_site / "events" / "index.html").read_text(encoding="utf-8")
    assert "Coming up" in page
