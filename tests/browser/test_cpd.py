"""The CPD record and reading-path progress in real Chromium, on the bundled site.

Entries live only in localStorage, so the only honest test is a real browser:
record an entry on a summary, reload, find it on My CPD, edit it, export it,
count it towards this registration year, delete it. Each test gets a fresh
browser context, so no test sees another's storage. The new page kinds are
also checked with axe here at phone and desktop widths, including My CPD with
an entry rendered by the script (which the page-kind gate cannot see).
"""

from __future__ import annotations

import re
import textwrap

import pytest

from conftest import Project, summary_text

from .browser import AXE_JS, AXE_TAGS, format_violations, serve_site

# The machinery is tested on a small site of its own, so the bundled content
# (and a council's) can change freely: one summary mapped to standards, and
# three reading paths for different audiences and standards.
SUMMARY = "/research/passports/"
PATH = "/reading-paths/checking-understanding/"
MY_CPD = "/my-cpd/"
NEW_PAGES = [
    "/reading-paths/", PATH, "/cpd/", "/cpd/swe/", "/cpd/swe/4.2/", "/cpd/pcf/", "/cpd/coverage/", MY_CPD,
]
PATHS = {  # slug: (audience, standards, steps)
    "checking-understanding": (["practitioners", "students"], ["swe:4.2"], ["passports", "networks", "passports-two", "networks-two"]),
    "keeping-connected": (["practitioners"], ["swe:1.3"], ["networks", "networks-two"]),
    "team-learning": (["team-managers"], ["pcf:7"], ["passports", "passports-two"]),
}


def reading_path(title: str, audience: list[str], standards: list[str], steps: list[str]) -> str:
    step_lines = "".join(f"  - summary: {slug}\n    why: It adds a study on the same question.\n    questions: [What would you try first?]\n" for slug in steps)
    return textwrap.dedent(f"""\
        ---
        title: {title}
        summary: A short path for the tests of the CPD record and reading-path progress.
        audience: [{", ".join(audience)}]
        standards: [{", ".join(standards)}]
        time: {15 * len(steps)}
        facilitator_notes: [Allow time to read each step beforehand.]
        steps:
        """) + step_lines + "---\n\nRead the steps in order.\n"


@pytest.fixture(scope="module")
def site_server(tmp_path_factory):
    """The small site, built and served at the root (the bundled site's own path is the page-kind gates' concern)."""
    project = Project(tmp_path_factory.mktemp("cpd") / "project")
    project.add("passports.md", summary_text(title="Communication passports in day services", standards=["swe:1.2", "swe:1.3", "pcf:7"]))
    project.add("networks.md", summary_text(title="Social networks and loneliness", topics=["wellbeing"], standards=["swe:2.3"]))
    project.add("passports-two.md", summary_text(title="Passports reviewed with families", standards=["swe:1.2"]))
    project.add("networks-two.md", summary_text(title="Friends and community life", topics=["wellbeing"]))
    for slug, (audience, standards, steps) in PATHS.items():
        project.add_reading_path(f"{slug}.md", reading_path(slug.replace("-", " ").capitalize(), audience, standards, steps))
    assert project.build() == 0
    with serve_site(project.root / "site") as base:
        yield base

PHONE = {"width": 320, "height": 700}

# Elements sticking out past the right edge (WCAG 1.4.10 reflow); scroll regions may hold wide tables.
WIDER_THAN_SCREEN_JS = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter((el) => !el.closest('[role=region][tabindex]') && el.checkVisibility())
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(el.getBoundingClientRect().right)}px`)
    .slice(0, 5);
}"""
DESKTOP = {"width": 1280, "height": 800}


def _fresh_tab(browser, **options):
    context = browser.new_context(reduced_motion="reduce", viewport=DESKTOP, **options)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # the delete confirmation
    return page


@pytest.fixture
def tab(browser):
    """A fresh tab with empty storage (each context has its own localStorage).

    The site's Content Security Policy stays on, so these tests also prove the
    scripts need nothing inline.
    """
    page = _fresh_tab(browser)
    yield page
    page.context.close()


@pytest.fixture
def axe_tab(browser):
    """As ``tab``, but the policy is bypassed so axe (test machinery) can be injected."""
    page = _fresh_tab(browser, bypass_csp=True)
    yield page
    page.context.close()


def _record_entry(tab, base: str) -> None:
    tab.goto(base + SUMMARY)
    _fill_and_save(tab)


def show_record(tab) -> None:
    """Scroll to the panel, as a reader does: its scripts load as it nears the screen and build the form."""
    panel = tab.locator("[data-cpd-panel]")
    panel.scroll_into_view_if_needed()
    panel.locator("[data-cpd-form]").wait_for(timeout=5000)


def _fill_and_save(tab) -> None:
    show_record(tab)
    panel = tab.locator("[data-cpd-panel]")
    assert panel.locator("[data-cpd-form]").is_visible()
    assert panel.locator("[data-cpd-nojs]").is_hidden(), "with JavaScript the request to turn it on goes"
    assert tab.locator("#cpd-field-type").input_value() == "reading", "type comes preselected from the nation's CPD rules"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", tab.locator("#cpd-field-date").input_value()), "date prefilled with today"
    assert "Communication passports in day services" in tab.locator("#cpd-field-description").input_value()
    tab.get_by_label("What I learnt").fill("Passports can be out of date; check them with the person.")
    tab.get_by_label("Impact on my practice and the people I work with").fill("I now check understanding in two ways at every visit.")
    tab.get_by_label("Peer reflection").fill("Discussed in group supervision on Tuesday.")
    assert tab.locator('input[name="standards"][value="swe:1.2"]').is_checked(), "the summary's standards are ticked"
    tab.locator('input[name="standards"][value="swe:4.2"]').check()
    tab.get_by_role("button", name="Save to My CPD").click()
    expect_text(tab.locator("[data-cpd-status]"), "Saved to My CPD")


def expect_text(locator, text: str) -> None:
    locator.filter(has_text=text).wait_for(timeout=3000)


def test_entry_is_kept_edited_exported_counted_and_deleted(tab, site_server):
    _record_entry(tab, site_server)
    tab.reload()
    tab.goto(site_server + MY_CPD)
    entries = tab.locator("[data-cpd-list] > li")
    assert entries.count() == 1
    assert "Passports can be out of date" in entries.first.inner_text()
    progress = tab.locator("[data-cpd-progress]").inner_text()
    assert "1 of 2 pieces of CPD recorded" in progress and "1 of 1 with a peer reflection" in progress, progress

    entries.first.get_by_role("button", name=re.compile("^Edit")).click()
    learnt = tab.get_by_label("What I learnt")
    assert learnt.input_value().startswith("Passports can be out of date")
    learnt.fill("Check every passport with the person and their family.")
    tab.get_by_role("button", name="Save to My CPD").click()
    expect_text(tab.locator("[data-cpd-status]"), "Entry updated")
    tab.reload()
    assert tab.locator("[data-cpd-list] > li").count() == 1, "editing replaces the entry, it does not add one"

    export = tab.locator("[data-cpd-export]").input_value()
    assert "Check every passport with the person and their family." in export
    assert "swe:1.2" in export and "swe:4.2" in export and "pcf:7" in export
    assert "What I learnt:" in export and "Peer reflection:" in export
    assert site_server + SUMMARY in export, "the export says where the entry was recorded"

    tab.locator("[data-cpd-list] > li").first.get_by_role("button", name=re.compile("^Delete")).click()
    expect_text(tab.locator("[data-cpd-list-status]"), "Entry deleted")
    assert tab.locator("[data-cpd-list] > li").count() == 0
    assert "0 of 2 pieces" in tab.locator("[data-cpd-progress]").inner_text()
    tab.reload()
    assert tab.locator("[data-cpd-list] > li").count() == 0


def test_entries_are_only_in_local_storage(tab, site_server):
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(site_server + SUMMARY)
    show_record(tab)  # the record's scripts load from this site as the reader nears the panel
    tab.wait_for_load_state("networkidle")
    assert all(url.startswith(site_server) for url in requests), f"the page asked another site for something: {requests}"
    requests.clear()
    _fill_and_save(tab)
    tab.wait_for_timeout(300)
    assert requests == [], f"saving an entry made network requests: {requests}"
    stored = tab.evaluate("() => JSON.parse(localStorage.getItem('research-which-matters-cpd'))")
    assert stored["entries"][0]["values"]["standards"][:2] == ["swe:1.2", "swe:1.3"]
    assert tab.context.cookies() == []


def test_entry_added_on_my_cpd_page(tab, site_server):
    tab.goto(site_server + MY_CPD)
    show_record(tab)
    tab.get_by_label("Type of CPD").select_option("course")
    tab.get_by_label("What it was and why it is relevant to your practice").fill("Mental capacity refresher course")
    tab.get_by_label("Other standards, as ids separated by spaces (for example pcf:5)").fill("pcf:5")
    tab.get_by_role("button", name="Save to My CPD").click()
    item = tab.locator("[data-cpd-list] > li")
    item.first.wait_for()
    assert "Mental capacity refresher course" in item.first.inner_text()
    assert "pcf:5" in tab.locator("[data-cpd-export]").input_value()


def test_reading_path_tick_survives_reload(tab, site_server):
    tab.goto(site_server + PATH)
    tick = tab.get_by_label("I have done step 2")
    assert tick.is_visible() and not tick.is_checked()
    tick.check()
    expect_text(tab.locator("[data-path-progress]"), "1 of 4 steps done")
    tab.reload()
    assert tab.get_by_label("I have done step 2").is_checked()
    assert not tab.get_by_label("I have done step 1").is_checked()
    assert "1 of 4 steps done" in tab.locator("[data-path-progress]").inner_text()


def test_reading_paths_filter_by_standard_and_audience(tab, site_server):
    tab.goto(site_server + "/reading-paths/")
    items = tab.locator("[data-path-list] > li")
    total = items.count()
    assert total == len(PATHS)
    tab.get_by_label("Standard").select_option("swe:4")
    visible = [items.nth(i).is_visible() for i in range(total)]
    assert any(visible) and not all(visible), "choosing SWE 4 keeps paths mapped to its sub-standards only"
    expect_text(tab.locator("[data-path-count]"), f"of {total} reading paths")
    tab.get_by_label("Standard").select_option("")
    tab.get_by_label("Audience").select_option("students")
    assert sum(items.nth(i).is_visible() for i in range(total)) == 1


def test_without_javascript_the_panel_leads_to_a_printable_record(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_server + SUMMARY)
    fallback = tab.locator("[data-cpd-fallback]")
    assert "turn on JavaScript" in fallback.inner_text() and tab.locator("[data-cpd-form]").count() == 0
    fallback.get_by_role("link", name="print a blank").click()
    assert "What I learnt" in tab.locator(".cpd-template__fields").inner_text()
    tab.goto(site_server + PATH)
    assert tab.locator("[data-step-done]").first.is_hidden(), "no ticks without JavaScript"
    assert tab.locator("[data-cpd-template]").is_visible()
    context.close()


def test_blocked_storage_keeps_the_template_and_says_why(browser, site_server):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});")
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(site_server + SUMMARY)
    tab.locator("[data-cpd-panel]").scroll_into_view_if_needed()
    expect_text(tab.locator("[data-cpd-fallback]"), "not letting the site save")
    assert tab.locator("[data-cpd-form]").count() == 0
    assert tab.locator("[data-cpd-fallback]").get_by_role("link", name="print a blank").is_visible()
    tab.goto(site_server + PATH)
    tab.locator("[data-cpd-panel]").scroll_into_view_if_needed()
    expect_text(tab.locator("[data-cpd-fallback]"), "not letting the site save")
    assert tab.locator("[data-cpd-template]").is_visible()
    assert tab.locator("[data-step-done]").first.is_hidden()
    assert not errors, errors
    context.close()


def test_path_prints_as_a_session_pack(tab, site_server):
    tab.goto(site_server + PATH)
    tab.emulate_media(media="print")
    assert tab.get_by_role("heading", name="Running this as a team session or journal club").is_visible()
    assert tab.locator(".cpd-notes").is_visible(), "space for notes"
    assert tab.locator("[data-cpd-template]").is_visible(), "the blank CPD template prints"
    assert tab.locator("[data-cpd-form]").is_hidden() and tab.locator("[data-step-done]").first.is_hidden()


def run_axe_on_content(tab) -> list[dict]:
    """axe on the page's content area: what these templates render. The header,
    navigation and footer are the page-kind gate's (test_accessibility.py)."""
    tab.add_script_tag(path=str(AXE_JS))
    return tab.evaluate(
        """async (tags) => (await axe.run(document.querySelector('.md-content'), {runOnly: {type: 'tag', values: tags}})).violations""",
        AXE_TAGS,
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["320px", "desktop"])
def test_new_pages_pass_axe_and_fit_a_phone(axe_tab, site_server, viewport):
    tab = axe_tab
    _record_entry(tab, site_server)  # so My CPD is checked with a rendered entry
    tab.set_viewport_size(viewport)
    problems = []
    for url in NEW_PAGES + [SUMMARY]:
        tab.goto(site_server + url)
        if tab.locator("[data-cpd-panel]").count():
            show_record(tab)  # the form is checked as the script builds it
        violations = run_axe_on_content(tab)
        if violations:
            problems.append(f"{url}:\n{format_violations(violations)}")
        overflow = tab.evaluate(WIDER_THAN_SCREEN_JS)
        if overflow:
            problems.append(f"{url}: wider than a {viewport['width']}px screen: {overflow}")
    assert not problems, "\n".join(problems)
