"""A practice week's pack printed in Chromium: a cover, then one A4 sheet per day, counted in the PDF."""

from __future__ import annotations

import re
import textwrap

import pytest

from conftest import Project, summary_text

from .browser import serve_site


def week(days: int) -> str:
    lines = ["title: A week of short reads", "summary: One study a day, at lunchtime, for the whole service.", "place: Room 4", "days:"]
    for day in range(days):
        lines += [f'  - date: "2030-03-{18 + day}"', '    start: "12:30"', '    end: "13:15"', f"    summary: {'talking-mats' if day % 2 else 'pictures'}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def week_server(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("pack") / "project")
    project.add("talking-mats.md", summary_text(reflection_questions=["How do you check what someone has understood?"] * 3))
    project.add("pictures.md", summary_text(title="Pictures in day services"))
    (project.root / "practice_weeks").mkdir()
    (project.root / "practice_weeks" / "five-days.yml").write_text(week(5), encoding="utf-8")
    assert project.build() == 0
    with serve_site(project.root / "site") as base:
        yield base


def pdf_pages(pdf: bytes) -> int:
    """Pages as a PDF reader counts them: page objects, not the /Pages tree nodes."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_the_pack_prints_a_cover_and_one_a4_sheet_per_day(page, week_server):
    page.goto(f"{week_server}/practice-weeks/five-days/pack/")
    assert pdf_pages(page.pdf(format="A4")) == 1 + 5


def test_each_sheet_ends_with_a_qr_code_and_its_printed_address(page, week_server):
    page.goto(f"{week_server}/practice-weeks/five-days/pack/")
    page.emulate_media(media="print")
    codes = page.locator(".ev-sheet .ev-qr svg[role=img]")
    assert codes.count() == 6 and all(codes.nth(i).is_visible() for i in range(6))
    assert page.get_by_text("https://example.org/research/talking-mats/").first.is_visible()
    page.emulate_media(media="null")


def test_the_summary_flyer_shows_its_qr_code_only_on_paper(page, week_server):
    """Readers on screen never fetch the code: the flyer button loads it, then prints."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{week_server}/research/talking-mats/")
    assert not [url for url in fetched if url.endswith("/qr.svg")]
    page.evaluate("window.print = function () { window.printed = true; }")
    page.locator("[data-print=flyer]").first.click()
    page.wait_for_function("window.printed === true")
    code = page.locator(".ev-flyer-only img")
    assert code.count() == 1 and code.is_hidden()  # the screen never shows it
    page.emulate_media(media="print")
    assert code.is_visible()
    assert page.evaluate("document.querySelector('.ev-flyer-only img').naturalWidth") > 0
    assert code.get_attribute("alt").startswith("QR code for ")
    page.emulate_media(media="null")
