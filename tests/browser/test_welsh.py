"""A site in English and Welsh, in real Chromium: each language searches its own index, in its own words.

One fixture site built in tmp_path with ``languages: [en, cy]`` in local/settings.yml, one English
summary translated into Welsh and one not. Expectations come from data/ui/cy.yml and the fixture.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import REPO, Project, summary_text

from .browser import format_violations, format_vnu, run_axe, run_vnu, serve_site, watched_tab

WELSH_WORD = "preswylwyr"  # in the translation only: a Welsh query for the Welsh page
WELSH = summary_text(
    title="Matiau siarad mewn cartrefi gofal",
    summary=f"Roedd staff a ddefnyddiodd fyrddau lluniau yn deall dymuniadau {WELSH_WORD} yn well.",
    body=f"## Pam mae'n bwysig\n\nMae geiriau'n anodd i rai {WELSH_WORD}.\n",
)
WORDS = yaml.safe_load((REPO / "data" / "ui" / "cy.yml").read_text(encoding="utf-8"))
RESULTS = "[data-search-page] .ev-result__title a"


@pytest.fixture(scope="module")
def welsh_site(tmp_path_factory) -> Path:
    project = Project(tmp_path_factory.mktemp("welsh") / "project")
    (project.root / "local").mkdir()
    (project.root / "local" / "settings.yml").write_text("evidence:\n  languages: [en, cy]\n", encoding="utf-8")
    project.add("talking-mats.md", summary_text())
    project.add("talking-mats.cy.md", WELSH)
    project.add("life-story-books.md", summary_text(title="Life story books", source={"citation": "Example 2", "url": "https://example.org/2.pdf"}))
    assert project.build() == 0
    return project.root / "site"


@pytest.fixture(scope="module")
def base(welsh_site):
    with serve_site(welsh_site) as url:
        yield url


@pytest.fixture
def tab(browser):
    page = watched_tab(browser)
    yield page
    assert page.evaluate("window.__violations") == []
    page.context.close()


def search(tab, url: str, found: bool = True) -> list[str]:
    """Open a search page with a query; once its status is written (and, if ``found``, its first results
    are shown), return the result links' paths."""
    tab.goto(url)
    tab.wait_for_function("() => document.querySelector('[data-search-page] [data-search-status]').textContent.trim() !== ''", timeout=10_000)
    if found:
        tab.wait_for_selector(RESULTS, timeout=10_000)
    return tab.eval_on_selector_all(RESULTS, "links => links.map(a => new URL(a.href).pathname)")


def test_a_welsh_query_on_the_welsh_search_page_finds_the_welsh_page(tab, base):
    found = search(tab, f"{base}/cy/search/?q={WELSH_WORD}")
    assert found == ["/cy/research/talking-mats/"]
    status = tab.locator("[data-search-page] [data-search-status]").inner_text()
    assert status == WORDS["script_found"].replace("{count}", "1").replace("{query}", WELSH_WORD)
    assert tab.evaluate("document.documentElement.lang") == "cy"


def test_the_english_search_page_keeps_to_english_pages(tab, base):
    found = search(tab, f"{base}/search/?q=talking+mats")
    assert "/research/talking-mats/" in found
    assert not any(path.startswith("/cy/") for path in found)
    assert search(tab, f"{base}/search/?q={WELSH_WORD}", found=False) == []


def test_the_switcher_keeps_the_reader_on_the_same_page(tab, base):
    tab.goto(f"{base}/research/talking-mats/")
    tab.locator(".ev-languages a[hreflang=cy]").click()
    tab.wait_for_url(f"{base}/cy/research/talking-mats/")
    assert tab.locator("h1").first.inner_text() == "Matiau siarad mewn cartrefi gofal"
    tab.locator(".ev-languages a[hreflang=en]").click()
    tab.wait_for_url(f"{base}/research/talking-mats/")


def test_an_untranslated_page_says_so_in_welsh(tab, base):
    tab.goto(f"{base}/cy/research/life-story-books/")
    assert tab.locator(".ev-languages__notice").inner_text() == WORDS["untranslated"]
    assert tab.locator("article.ev-summary").get_attribute("lang") == "en"


@pytest.mark.parametrize("path", ["/cy/research/talking-mats/", "/cy/research/life-story-books/", "/cy/search/?q=" + WELSH_WORD])
def test_welsh_pages_pass_axe(tab, base, path):
    tab.goto(base + path)
    violations = run_axe(tab)
    assert not violations, format_violations(violations)


def test_welsh_pages_are_valid_html(nu_checker, welsh_site):
    files = [welsh_site / "cy" / part / "index.html" for part in ("research/talking-mats", "research/life-story-books", "search")]
    errors = {path: messages for path, messages in run_vnu(files).items() if messages}
    assert not errors, format_vnu(errors, welsh_site)
