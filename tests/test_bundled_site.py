"""The bundled site, built end to end the way ``python3 build.py`` builds it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from evidence.model.library import Library
from evidence.read.settings import Settings


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.load(Settings.from_mkdocs_yml(REPO / "mkdocs.yml"))


def test_bundled_content_has_no_errors(library):
    assert library.problems.errors == []


def test_every_summary_has_its_page_with_source_link(bundled_site: Path, library):
    for summary in library.summaries:
        page = (bundled_site / "research" / summary.slug / "index.html").read_text(encoding="utf-8")
        assert f'href="{summary.source["url"]}"' in page, summary.slug
        assert "About this evidence" in page and summary.data["strength"]["reason"].split()[0] in page


def test_every_facet_and_term_in_use_has_browse_pages(bundled_site: Path, library):
    for facet in library.facets:
        assert (bundled_site / "browse" / facet.name / "index.html").exists(), facet.name
        for term in facet.used_terms:
            assert (bundled_site / "browse" / facet.name / term.id / "index.html").exists(), (facet.name, term.id)


def test_every_internal_link_and_asset_resolves(bundled_site: Path, library):
    prefix = library.settings.site_path
    missing = []
    for page in bundled_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:href|src)="([^"#?]+)', text):
            if ref.startswith(("http:", "https:", "mailto:", "tel:", "data:")):
                continue
            # The 404 page is served at any address, so MkDocs gives it links from the site's path.
            target = (bundled_site / ref.removeprefix(prefix)) if ref.startswith("/") else (page.parent / ref).resolve()
            if not (target.exists() or (target / "index.html").exists()):
                missing.append(f"{page.relative_to(bundled_site)} -> {ref}")
    assert missing == []


def test_no_third_party_requests_by_default(bundled_site: Path):
    """Privacy page promise: fonts, scripts and styles are served from the site itself."""
    for page in bundled_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<script[^>]+src="https?://', text), page
        assert not re.search(r'<link[^>]+rel="(?:stylesheet|preconnect|preload)"[^>]+href="https?://', text), page
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page


def test_summaries_stay_out_of_the_navigation(bundled_site: Path, library):
    home = (bundled_site / "index.html").read_text(encoding="utf-8")
    nav = home.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert not any(f"research/{s.slug}/" in nav for s in library.summaries)
