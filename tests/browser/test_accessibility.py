"""WCAG 2.2 AA gate: axe-core and HTML_CodeSniffer find nothing on any kind of page.

One representative page per page kind (see PAGE_KINDS in browser.py; add a
line there when a feature adds a new kind of page), at six widths from a small
phone to a desktop, because Material's layout and our wrapping differ between
them. Hand-written pages are checked with axe at a desktop and a phone width.
Rules are never disabled here: fix the template or brand.css instead.
"""

from __future__ import annotations

import pytest

from .browser import MIN_PAGE_KINDS, PAGE_KINDS, REPO_ROOT, format_htmlcs, format_violations, page_url, run_axe, run_htmlcs

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


# Phone widths people use (320 is WCAG's reflow width), a tablet and a desktop:
# Material's layout (drawer, sidebars) and our own wrapping change between them.
WIDTHS = (320, 360, 390, 412, 768, 1280)


def _findings(page) -> str:
    """Both engines' findings on the page as it is now, or an empty string."""
    axe, htmlcs = run_axe(page), run_htmlcs(page)
    parts = [format_violations(axe)] if axe else []
    if htmlcs:
        parts.append(format_htmlcs(htmlcs))
    return "\n".join(parts)


@pytest.mark.parametrize("kind", [kind for kind, _ in PAGE_KINDS])
def test_every_page_kind_passes_axe_and_html_codesniffer_at_every_width(page, built_site, site_pages, site_server, kind):
    """axe (WCAG 2.2 A/AA) and HTML_CodeSniffer (WCAG2AA errors) find nothing, at six widths.

    One load per page kind, then the same tab is resized: what changes between
    widths is layout (target sizes, hidden drawers), which a resize re-computes.
    """
    html_file = site_pages[kind]
    if html_file is None:
        pytest.skip(f"the built site has no '{kind}' page yet")
    url = page_url(site_server, built_site, html_file)
    page.set_viewport_size({"width": WIDTHS[-1], "height": 800})
    page.goto(url)
    failures = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        found = _findings(page)
        if found:
            failures.append(f"at {width} px:\n{found}")
    if failures:
        pytest.fail(f"{url.removeprefix(site_server)} ({kind}):\n" + "\n".join(failures), pytrace=False)


def prose_pages() -> list[str]:
    """Every hand-written page the site publishes (the project's and a copy's own, not hidden ones), and the guide's generated two."""
    from evidence.model.library import Library
    from evidence.read.settings import Settings

    library = Library.load(Settings.from_mkdocs_yml(REPO_ROOT / "mkdocs.yml"))
    content = REPO_ROOT / library.settings.docs_dir
    pages = {p.relative_to(content).as_posix() for p in content.rglob("*.md")} | {"contribute/reference.md", "contribute/starter.md"}
    pages |= {src for src in library.local_pages if src.endswith(".md")}
    return sorted(src.removesuffix(".md") for src in pages - set(library.hidden_pages))


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("source", prose_pages())
def test_every_hand_written_and_guide_page_passes_axe(page, built_site, site_server, source, viewport):
    """Prose pages differ in what they hold (tables, code, long lists) more than in template, so each is checked."""
    folder = source.removesuffix("index").strip("/")
    html_file = built_site / folder / "index.html" if folder else built_site / "index.html"
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(page_url(site_server, built_site, html_file))
    violations = run_axe(page)
    assert not violations, f"{source} ({viewport}):\n" + format_violations(violations)
