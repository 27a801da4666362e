""""Did you mean ...?" in real Chromium: the distance and choice of word (spelling.js) on inline lists,
then a fixture site published under a sub-path, then a misspelt title word on the bundled site.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, quote, urlparse

import pytest
import yaml

from conftest import REPO, Project, summary_text

from .browser import format_violations, run_axe, serve_site, watched_tab

SUB_PATH = "/evidence/"
STATUS = "[data-search-page] [data-search-status]"
READY_JS = """() => {
  const text = document.querySelector('[data-search-page] [data-search-status]').textContent;
  return /^(\\d+ results?|No results)/.test(text) && !document.querySelector('[data-search-results][aria-busy]');
}"""


@pytest.fixture
def tab(browser):
    page = watched_tab(browser, viewport={"width": 1280, "height": 800})
    page.fetched = []
    page.on("requestfinished", lambda request: page.fetched.append(urlparse(request.url).path))
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory, browser):
    """A site in English and Welsh whose site_url has a path, with one summary and its translation, served under that path."""
    project = Project(tmp_path_factory.mktemp("spelling") / "project")
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"^site_url: .*$", f"site_url: https://council.example{SUB_PATH}", text, count=1, flags=re.M), encoding="utf-8")
    (project.root / "local").mkdir()
    (project.root / "local" / "settings.yml").write_text("evidence:\n  languages: [en, cy]\n", encoding="utf-8")
    project.add("talking-mats.md", summary_text())
    project.add("talking-mats.cy.md", summary_text(title="Matiau siarad mewn cartrefi gofal", summary="Byrddau lluniau mewn cartrefi gofal."))
    assert project.build() == 0
    with serve_site(project.root / "site", SUB_PATH) as base:
        yield base


# In any language: the status says something and the results are not being fetched.
ANY_LANGUAGE_READY_JS = """() => document.querySelector('[data-search-page] [data-search-status]').textContent !== ''
  && !document.querySelector('[data-search-results][aria-busy]')"""


def search(tab, base: str, query: str, ready: str = READY_JS) -> str:
    tab.goto(f"{base}/search/?q={quote(query)}")
    tab.wait_for_function(ready, timeout=10_000)
    return tab.locator(STATUS).inner_text()


# ---- spelling.js on inline word lists ---------------------------------------

SPELLING_JS = """async ([url, calls]) => {
  const spelling = await import(url);
  return calls.map(([name, ...args]) => spelling[name](...args));
}"""


def spelling(tab, base: str, *calls):
    tab.goto(f"{base}/search/")
    return tab.evaluate(SPELLING_JS, [f"{base}/assets/javascripts/spelling.js", [list(call) for call in calls]])


def test_a_swapped_pair_of_letters_is_one_slip_and_far_words_stop_early(tab, site_server):
    assert spelling(tab, site_server,
                    ("distance", "safeguarding", "safegaurding", 3), ("distance", "lonliness", "loneliness", 2),
                    ("distance", "abcdef", "badcfe", 2), ("distance", "behaviour", "coaching", 2), ("distance", "care", "carers", 1)) == [1, 1, 3, 3, 2]


def test_short_words_are_never_corrected_and_long_ones_allow_more_slips(tab, site_server):
    assert spelling(tab, site_server, *[("allowedSlips", word) for word in ["pbs", "care", "carer", "support", "relationship"]]) == [0, 1, 1, 2, 3]


def test_the_closest_word_wins_then_the_same_first_letter_then_the_site_s_most_used(tab, site_server):
    assert spelling(tab, site_server,
                    ("closest", "safegaurding", ["safe", "guarding", "safeguarding"]),
                    ("closest", "hoarding", ["boarding", "hoardings"]),
                    ("closest", "cares", ["caret", "cares"]),
                    ("closest", "walfare", ["welfare", "warfare"]),
                    ("closest", "qqqqqqqq", ["support", "staff"])) == ["safeguarding", "hoardings", None, "welfare", None]


def test_the_corrected_query_keeps_the_reader_s_own_words(tab, site_server):
    assert spelling(tab, site_server,
                    ("corrected", "How do I help with Lonliness?", ["lonliness"], ["loneliness", "help"]),
                    ("corrected", "zzzz", ["zzzz"], ["loneliness"])) == ["How do I help with loneliness?", None]


# ---- A site under a sub-path ------------------------------------------------


def test_a_misspelt_word_offers_the_site_s_word_and_the_link_runs_that_search(tab, sub_path_site):
    status = search(tab, sub_path_site, "pictrue boards")
    assert "Did you mean picture boards?" in status, status
    violations = run_axe(tab)
    assert not violations, "axe with a suggestion shown:\n" + format_violations(violations)
    link = tab.locator(f"{STATUS} a")
    assert link.inner_text() == "picture boards"
    assert parse_qs(urlparse(link.get_attribute("href")).query) == {"q": ["picture boards"]}
    assert f"{SUB_PATH}search/words.en.json" in tab.fetched, "the word list comes from the site's own path"
    link.click()
    tab.wait_for_function(f"(before) => document.querySelector('{STATUS}').textContent !== before && ({READY_JS})()", arg=status, timeout=10_000)
    assert tab.input_value("#ev-search-q") == "picture boards"
    assert parse_qs(urlparse(tab.url).query) == {"q": ["picture boards"]}
    status = tab.locator(STATUS).inner_text()
    assert status.startswith("1 result for “picture boards”") and "Did you mean" not in status and "most of them" not in status, status
    assert tab.eval_on_selector_all(".ev-result__title a", "a => a.map(x => x.getAttribute('href'))") == [f"{SUB_PATH}research/talking-mats/"]
    assert tab.evaluate("window.__violations") == []


def test_a_word_pagefind_would_answer_with_a_shorter_one_finds_nothing_rather_than_unrelated_pages(tab, sub_path_site):
    """Pagefind answers an unknown word with the longest indexed word that begins it ("boardsz" -> "boards")."""
    status = search(tab, sub_path_site, "picturesqueness")
    assert status.startswith("No results for “picturesqueness”"), status
    assert tab.locator(".ev-result").count() == 0


def test_a_search_that_finds_its_words_fetches_no_word_list(tab, sub_path_site):
    status = search(tab, sub_path_site, "picture boards")
    assert status.startswith("1 result") and "Did you mean" not in status
    assert not [path for path in tab.fetched if path.endswith(".json") and "/search/words." in path]


def test_the_header_box_offers_the_word_as_a_link_to_the_search_page(tab, sub_path_site):
    tab.goto(f"{sub_path_site}/about/")
    tab.keyboard.press("/")
    tab.keyboard.type("pictrue")
    offer = tab.locator("[data-search-panel]:not([hidden]) .ev-search-box__suggestion")
    offer.wait_for(timeout=10_000)
    assert offer.inner_text() == "picture"
    assert urlparse(offer.get_attribute("href")).path == f"{SUB_PATH}search/" and parse_qs(urlparse(offer.get_attribute("href")).query) == {"q": ["picture"]}
    assert "Did you mean “picture”?" in tab.locator("[data-search-box] [data-search-status]").text_content()
    violations = run_axe(tab)
    assert not violations, "axe with the header's suggestion shown:\n" + format_violations(violations)
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate("document.activeElement.classList.contains('ev-search-box__suggestion')"), "the offer is the first stop for the arrow keys"


def test_a_welsh_page_offers_words_from_the_welsh_list_in_welsh(tab, sub_path_site):
    ui = yaml.safe_load((REPO / "data" / "ui" / "cy.yml").read_text(encoding="utf-8"))
    status = search(tab, sub_path_site + "/cy", "matiu siarad", ANY_LANGUAGE_READY_JS)
    assert ui["script_did_you_mean"].replace("{link}", "matiau siarad") in status, status
    assert f"{SUB_PATH}search/words.cy.json" in tab.fetched and f"{SUB_PATH}search/words.en.json" not in tab.fetched


# ---- The bundled site -------------------------------------------------------


def slips(a: str, b: str) -> int:
    """Optimal string alignment distance, to choose a test word no other listed word is as close to."""
    rows = [list(range(len(b) + 1))] + [[i] + [0] * len(b) for i in range(1, len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


def misspelt_title_word(listed: list[str], titles: list[str]) -> tuple[str, str] | None:
    """A long title word with two middle letters swapped, which no other listed word is within two slips of."""
    for word in sorted({w.lower() for title in titles for w in re.findall(r"[A-Za-z]{8,}", title)}):
        middle = len(word) // 2
        typo = word[:middle] + word[middle + 1] + word[middle] + word[middle + 2:]
        if typo != word and all(slips(typo, other) > 2 for other in listed if other != word):
            return word, typo
    return None


def test_a_misspelt_title_word_on_the_bundled_site_gets_its_correction(tab, site_server, built_site, bundled_library):
    listed = json.loads(next((built_site / "search").glob("words.*.json")).read_text(encoding="utf-8"))["words"]
    chosen = misspelt_title_word(listed, [summary.title for summary in bundled_library.summaries])
    if chosen is None:
        pytest.skip("every long title word has a near neighbour in the word list")
    word, typo = chosen
    status = search(tab, site_server, typo)
    assert f"Did you mean {word}?" in status, status
