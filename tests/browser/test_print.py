"""Printing a summary, as a team lead does for a noticeboard or a meeting: a one-page flyer, or the full page.

Chromium renders the real print stylesheet to an A4 PDF; the page count is read
from the PDF itself, so this fails if a summary's flyer spills onto a second sheet.
"""

from __future__ import annotations

import re

import pytest

from conftest import REPO

SUMMARIES = sorted(path.stem for path in (REPO / "research_summaries").glob("*.md"))


def pdf_pages(page, flyer: bool = False) -> int:
    """Sheets of A4. The flyer class is set just before printing: print.js removes it after every print."""
    page.evaluate(f"document.documentElement.classList.toggle('ev-flyer', {str(flyer).lower()})")
    return int(re.search(rb"/Count (\d+)", page.pdf(format="A4")).group(1))


@pytest.fixture
def printing(browser, site_server):
    """A tab whose window.print() records what was printed instead of opening a dialog."""
    context = browser.new_context()
    tab = context.new_page()
    tab.add_init_script("window.print = () => { window.__printed = document.documentElement.className; dispatchEvent(new Event('afterprint')); }")
    yield tab
    context.close()


def test_the_flyer_button_prints_the_flyer_and_the_page_returns_to_normal(printing, site_server):
    printing.goto(f"{site_server}/research/{SUMMARIES[0]}/")
    printing.get_by_role("button", name="Print a one-page flyer").click()
    assert "ev-flyer" in printing.evaluate("window.__printed")
    assert "ev-flyer" not in printing.evaluate("document.documentElement.className")
    printing.get_by_role("button", name="Print this summary", exact=True).click()
    assert "ev-flyer" not in printing.evaluate("window.__printed"), "the plain Print button prints the whole page"


@pytest.mark.parametrize("slug", SUMMARIES)
def test_every_bundled_summary_prints_as_a_one_page_flyer(page, site_server, slug):
    page.goto(f"{site_server}/research/{slug}/")
    page.evaluate("document.documentElement.classList.add('ev-flyer')")
    page.emulate_media(media="print")
    assert page.locator("#record-cpd").is_hidden(), "the flyer leaves out the CPD form"
    assert page.get_by_text("Read this summary online").is_visible()
    page.emulate_media(media="null")  # back to no emulation: pdf() then prints with print styles
    assert pdf_pages(page, flyer=True) == 1


def test_without_the_flyer_the_printed_page_keeps_the_cpd_template(page, site_server):
    page.goto(f"{site_server}/research/{SUMMARIES[0]}/")
    page.emulate_media(media="print")
    assert page.locator("#record-cpd").is_visible()
    assert page.get_by_text("Read this summary online").is_hidden()
    page.emulate_media(media="null")  # back to no emulation: pdf() then prints with print styles
    assert pdf_pages(page) > 1
