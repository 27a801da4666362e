"""WCAG 2.2 AA gate: axe-core finds no violations on any kind of page.

One representative page per page kind (see PAGE_KINDS in browser.py; add a
line there when a feature adds a new kind of page), at desktop and phone
widths, because Material's layout (drawer, sidebars) differs between them.
Rules are never disabled here: fix the template or brand.css instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import MIN_PAGE_KINDS, PAGE_KINDS, format_violations, page_url, run_axe

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}


def test_site_has_the_core_page_kinds(site_pages):
    """Guard against a broken build making every other test here skip."""
    present = sorted(kind for kind, path in site_pages.items() if path)
    assert len(present) >= MIN_PAGE_KINDS, (
        f"only {len(present)} page kind(s) found in the built site ({', '.join(present) or 'none'}); "
        f"expected at least {MIN_PAGE_KINDS}. Is the build broken?"
    )


def test_each_page_kind_is_checked_on_a_page_of_its_own(site_pages):
    """Overlapping URL patterns would check one page twice and another kind never (framework once matched coverage)."""
    found = [path for path in site_pages.values() if path]
    shared = sorted({str(path) for path in found if found.count(path) > 1})
    assert not shared, f"several page kinds picked the same page: {shared}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", [kind for kind, _ in PAGE_KINDS])
def test_no_axe_violations(page, built_site, site_pages, site_server, kind, viewport):
    """Every page kind passes axe's WCAG 2.0/2.1/2.2 A and AA rules."""
    html_file = site_pages[kind]
    if html_file is None:
        pytest.skip(f"the built site has no '{kind}' page yet")
    url = page_url(site_server, built_site, html_file)
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(url)
    violations = run_axe(page)
    if violations:
        pytest.fail(
            f"{len(violations)} axe violation(s) on {url.removeprefix(site_server)} ({kind}, {viewport}):\n"
            + format_violations(violations),
            pytrace=False,
        )


CONTENT = Path(__file__).resolve().parents[2] / "content"
HAND_WRITTEN = sorted(p.relative_to(CONTENT).with_suffix("").as_posix() for p in CONTENT.rglob("*.md"))


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("source", HAND_WRITTEN + ["contribute/reference", "contribute/starter"])
def test_every_hand_written_and_guide_page_passes_axe(page, built_site, site_server, source, viewport):
    """Prose pages differ in what they hold (tables, code, long lists) more than in template, so each is checked."""
    folder = source.removesuffix("index").strip("/")
    html_file = built_site / folder / "index.html" if folder else built_site / "index.html"
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(page_url(site_server, built_site, html_file))
    violations = run_axe(page)
    assert not violations, f"{source} ({viewport}):\n" + format_violations(violations)
