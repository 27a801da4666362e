"""Printing a summary, as a team lead does for a noticeboard or a meeting: a one-page flyer, or the full page.

Chromium renders the real print stylesheet to an A4 PDF; the page count is read
from the PDF itself, so this fails if a summary's flyer spills onto a second sheet.
"""

from __future__ import annotations

import re

import pytest

from conftest import REPO, Project, summary_text
from evidence.check.plain_english import AIM_WORDS
from evidence.model.library import Library
from evidence.read.settings import Settings

from .browser import serve_site

SUMMARIES = sorted(s.slug for s in Library.load(Settings.from_mkdocs_yml(REPO / "mkdocs.yml")).summaries)

# Words for a briefing as long as the writing guide allows: filler, never shown as content.
FILLER = "Practitioners in the study described how they planned visits with families and colleagues".split()


def longest_briefing() -> str:
    """Four sections, paragraphs and lists, AIM_WORDS words in all: the longest briefing check does not question."""
    per_section = AIM_WORDS // 4
    sentence = " ".join(FILLER) + "."
    paragraph = lambda words: " ".join([sentence] * (words // len(FILLER)))  # noqa: E731
    body = []
    for heading in ("Why it matters", "What the study did", "What it found", "What it means for practice"):
        body.append(f"## {heading}\n\n{paragraph(per_section // 2)}\n")
        body.extend(f"- {' '.join(FILLER[: per_section // 8])}" for _ in range(4))
        body.append("")
    return "\n".join(body)


def pdf_pages(page, flyer: bool = False) -> int:
    """Sheets of A4. The flyer class is set just before printing: print.js removes it after every print."""
    page.evaluate(f"document.documentElement.classList.toggle('ev-flyer', {str(flyer).lower()})")
    return int(re.search(rb"/Count (\d+)", page.pdf(format="A4")).group(1))


@pytest.fixture
def printing(browser, site_server):
    """A tab whose window.print() records what was printed instead of opening a dialog."""
    context = browser.new_context()
    tab = context.new_page()
    tab.add_init_script(
        "window.print = () => { window.__printed = document.documentElement.className;"
        " const code = document.querySelector('.ev-qr img'); window.__code = code && code.complete ? [code.naturalWidth, code.alt] : null;"
        " dispatchEvent(new Event('afterprint')); }"
    )
    yield tab
    context.close()


def test_the_flyer_button_prints_the_flyer_and_the_page_returns_to_normal(printing, site_server):
    printing.goto(f"{site_server}/research/{SUMMARIES[0]}/")
    printing.get_by_role("button", name="Print a one-page flyer").click()
    printing.wait_for_function("window.__printed !== undefined")  # the flyer prints once its QR code has loaded
    assert "ev-flyer" in printing.evaluate("window.__printed")
    assert "ev-flyer" not in printing.evaluate("document.documentElement.className")
    width, label = printing.evaluate("window.__code")
    assert width > 0 and label.startswith("QR code for ") and label.endswith(f"/research/{SUMMARIES[0]}/"), "the flyer prints its code, loaded"
    printing.evaluate("window.__printed = undefined")
    printing.get_by_role("button", name="Print this summary", exact=True).click()
    printing.wait_for_function("window.__printed !== undefined")
    assert "ev-flyer" not in printing.evaluate("window.__printed"), "the plain Print button prints the whole page"


@pytest.fixture(scope="module")
def longest_site(tmp_path_factory):
    """A summary at the writing guide's upper length, with three reflection questions and several groups."""
    project = Project(tmp_path_factory.mktemp("flyer") / "project")
    questions = [" ".join(FILLER) + "?"] * 3
    groups = ["people-with-learning-disabilities", "people-with-mental-health-problems", "families-and-carers"]
    project.add("longest.md", summary_text(longest_briefing(), reflection_questions=questions, populations=groups))
    assert project.build() == 0
    with serve_site(project.root / "site") as base:
        yield base


def test_a_briefing_of_the_longest_recommended_length_prints_as_a_one_page_flyer(page, longest_site):
    """Any summary within the guide's length prints on one sheet, whatever the library holds."""
    page.goto(f"{longest_site}/research/longest/")
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
