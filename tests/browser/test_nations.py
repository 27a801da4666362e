"""The CPD record's progress follows the chosen nation's rules, in real Chromium.

One fixture site per nation (the nation is one line of mkdocs.yml). On each, a
reader records an entry from a summary and opens My CPD; what the progress line
counts (pieces this registration year, hours in the reader's registration
period, or nothing but the mandatory subjects) comes from the nation's data
file, and the expectations here are read from the same file.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from conftest import REPO, Project, summary_text
from evidence.read.schema import Schema

from .browser import format_violations, run_axe, serve_site, watched_tab
from .test_cpd import show_record

NATIONS = Schema("options").spec["properties"]["nation"]["enum"]
# Nations whose rules count hours in a registration period (read from their data, not named here).
COUNTING_HOURS = [
    n for n in NATIONS
    if yaml.safe_load((REPO / "data" / "cpd" / f"{n}.yml").read_text(encoding="utf-8"))["requirements"]["measure"] == "hours"
]
SUMMARY = "/research/talking-mats/"
MY_CPD = "/my-cpd/"


@pytest.fixture(scope="module", params=NATIONS)
def nation_site(request, tmp_path_factory):
    """(base URL, CPD rules) of a small site built for one nation."""
    project = Project(tmp_path_factory.mktemp(request.param) / "project")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("nation: england", f"nation: {request.param}"), encoding="utf-8")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    with serve_site(project.root / "site") as base:
        yield base, project.library().cpd


@pytest.fixture
def tab(browser):
    page = watched_tab(browser)
    yield page
    page.context.close()


def record_entry(tab, base: str, rules, hours: str = "2.5") -> None:
    """Fill what the nation's record asks for, as a reader would, and save."""
    tab.goto(base + SUMMARY)
    show_record(tab)
    for field in rules.fields:
        control = tab.locator(f"#cpd-field-{field.id}")
        if field.input == "hours":
            control.fill(hours)
        elif field.input == "textarea" and not control.input_value():
            control.fill(f"Notes for {field.label}.")
        elif field.input == "checklist":
            tab.locator(f'input[name="{field.id}"][value="{rules.requirement.mandatory[0].id}"]').check()
    tab.get_by_role("button", name="Save to My CPD").click()
    tab.locator("[data-cpd-status]").filter(has_text="Saved to My CPD").wait_for(timeout=3000)


def progress(tab) -> str:
    return tab.locator("[data-cpd-progress]").inner_text()


def test_progress_counts_what_the_nation_counts(tab, nation_site):
    base, rules = nation_site
    need = rules.requirement
    record_entry(tab, base, rules)
    tab.goto(base + MY_CPD)
    shown = progress(tab)
    if need.measure == "pieces":
        assert f"1 of {need.pieces} pieces of CPD recorded" in shown, shown
    elif need.measure == "hours":
        assert f"2.5 hours of the {need.hours:g} hours needed" in shown, shown
    else:
        assert "Nothing is counted" in shown and "1 entry to draw on" in shown, shown
    for index, subject in enumerate(need.mandatory):
        assert f"{subject.label}: {'1 entry' if index == 0 else 'not yet'}" in shown, shown
    if len(need.mandatory) == 1:
        assert "every mandatory subject" in shown
    assert tab.evaluate("window.__violations") == []


@pytest.mark.parametrize("nation_site", COUNTING_HOURS, indirect=True)
def test_hours_count_only_in_the_readers_registration_period(tab, nation_site):
    base, rules = nation_site
    need = rules.requirement
    record_entry(tab, base, rules, hours=f"{need.hours:g}")
    tab.goto(base + MY_CPD)
    today = dt.date.today()
    tab.get_by_label("Your current registration period started on").fill(today.isoformat())
    tab.get_by_role("button", name="Save the date").click()
    shown = progress(tab)
    assert f"{need.hours:g} hours of {need.hours:g} hours recorded" in shown and "You have recorded the hours needed" in shown, shown
    earlier = today.replace(year=today.year - need.period_years - 1)
    tab.get_by_label("Your current registration period started on").fill(earlier.isoformat())
    tab.get_by_role("button", name="Save the date").click()
    assert f"0 hours of {need.hours:g} hours recorded" in progress(tab), "an entry after the period ends does not count"
    tab.reload()
    assert tab.get_by_label("Your current registration period started on").input_value() == earlier.isoformat(), "kept in this browser"


def test_each_nations_record_passes_axe(browser, nation_site):
    """The nation's own fields (hours, mandatory subjects, the period form) at phone and desktop widths."""
    base, rules = nation_site
    context = browser.new_context(reduced_motion="reduce", bypass_csp=True)
    tab = context.new_page()
    try:
        record_entry(tab, base, rules)
        for url in (SUMMARY, MY_CPD):
            for viewport in ({"width": 320, "height": 700}, {"width": 1280, "height": 800}):
                tab.set_viewport_size(viewport)
                tab.goto(base + url)
                show_record(tab)
                violations = run_axe(tab)
                assert not violations, f"{rules.path} {url} at {viewport['width']}px:\n{format_violations(violations)}"
    finally:
        context.close()
