"""Search in real Chromium against the bundled site: ranking, synonyms, filters,
the address, keyboard use, narrow screens, accessibility and the Content Security Policy.

Relevance fixtures are the summaries' own ``search_queries:`` (in a
practitioner's words): each that exists must rank its summary first. A summary
without them is a warning from ``check``, never a failed test.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlparse

import pytest

from evidence.model.library import Library
from evidence.model.search_queries import queries
from evidence.outputs.search_index import search_filters, search_words
from evidence.read.settings import Settings

from .browser import REPO_ROOT, format_violations, page_url, run_axe, watched_tab

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
TINY = {"width": 320, "height": 640}
STATUS = "[data-search-page] [data-search-status]"

# True once the search page shows a finished search: a count and that many cards (up to a page).
RESULTS_READY_JS = """(previous) => {
  const status = document.querySelector('[data-search-page] [data-search-status]').textContent;
  if (!status || status === previous) return false;
  if (status.startsWith('No results')) return true;
  const total = Number((status.match(/^(\\d+) results?/) || [])[1]);
  return total > 0 && document.querySelectorAll('.ev-result').length === Math.min(total, 10);
}"""


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.load(Settings.from_mkdocs_yml(REPO_ROOT / "mkdocs.yml"))


@pytest.fixture
def tab(browser):
    """A fresh tab per test (no state carried over), watching for policy violations and console errors."""
    page = watched_tab(browser, viewport=DESKTOP)
    page.messages = []
    page.on("console", lambda m: page.messages.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: page.messages.append(f"pageerror: {error}"))
    yield page
    page.context.close()


def open_search(tab, site_server, query: str = "", viewport=DESKTOP) -> str:
    """Open /search/ with a query string and wait until its results are shown; return the status."""
    tab.set_viewport_size(viewport)
    tab.goto(f"{site_server}/search/{query}")
    if query:
        tab.wait_for_function(RESULTS_READY_JS, arg="", timeout=10_000)
    return tab.locator(STATUS).inner_text()


def after(tab, action) -> str:
    """Run an action that starts a search; wait for that search's results; return the status."""
    tab.evaluate(f"document.querySelector('{STATUS}').textContent = '(waiting)'")
    action()
    tab.wait_for_function(RESULTS_READY_JS, arg="(waiting)", timeout=10_000)
    return tab.locator(STATUS).inner_text()


def result_count(status: str) -> int:
    match = re.match(r"(\d+) results?", status)
    return int(match.group(1)) if match else 0


def result_urls(tab) -> list[str]:
    return tab.eval_on_selector_all(".ev-result__title a", "links => links.map(a => a.getAttribute('href'))")


def visible_options(tab, key: str) -> list[dict]:
    """The filter checkboxes shown for a group, with their URL value and count."""
    return tab.eval_on_selector_all(
        f"fieldset[data-filter='{key}'] li:not([hidden]) input",
        """boxes => boxes.map(b => ({id: b.id, param: b.value, checked: b.checked,
            count: Number(b.parentElement.querySelector('[data-count]').textContent.replace(/\\D/g, ''))}))""",
    )


def pagefind_urls(tab, site_server, queries: list[str]) -> dict[str, list[str]]:
    """Query -> URLs of every result, best first, straight from Pagefind's API on an open page of the site."""
    return tab.evaluate(
        """async ([bundle, queries]) => {
            const pagefind = await import(bundle);
            await pagefind.init();
            const out = {};
            for (const query of queries) {
              const response = await pagefind.search(query);
              out[query] = await Promise.all(response.results.map(async (r) => (await r.data()).url));
            }
            return out;
        }""",
        [f"{site_server}/pagefind/pagefind.js", queries],
    )


def active(tab) -> dict:
    return tab.evaluate(
        """() => { const el = document.activeElement;
           return {tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute('href'), text: el.textContent.trim()}; }"""
    )


# ---- Relevance ------------------------------------------------------------


def relevance_queries() -> list[tuple[str, str]]:
    """(slug, query) for every search a summary says should find it."""
    library = Library.load(Settings.from_mkdocs_yml(REPO_ROOT / "mkdocs.yml"))
    return [(summary.slug, query) for summary in library.summaries for query in queries(summary)]


@pytest.mark.parametrize("slug,query", relevance_queries())
def test_plain_language_query_ranks_its_summary_first(tab, site_server, site_path, slug, query):
    status = open_search(tab, site_server, f"?q={quote(query)}")
    urls = result_urls(tab)
    wanted = f"{site_path}research/{slug}/"
    assert urls, f"no results for {query!r} ({status})"
    assert urls[0] == wanted, f"{query!r} should rank {wanted} first; got {urls[:3]}"


def test_synonyms_and_spelling_variants_find_tagged_summaries(tab, site_server, site_path, library):
    """Every label and synonym of a summary's terms finds it, e.g. 'challenging behavior', 'LGBTQ+'."""
    tab.goto(f"{site_server}/search/")
    wanted = {word: [] for summary in library.summaries for word in search_words(library, summary)}
    for summary in library.summaries:
        for word in search_words(library, summary):
            wanted[word].append(f"{site_path}research/{summary.slug}/")
    found = pagefind_urls(tab, site_server, sorted(wanted))
    missed = [f"{word!r} does not find {url}" for word, urls in wanted.items() for url in urls if url not in found[word]]
    assert not missed, "\n".join(missed)
    synonyms = {s for vocabulary in library.vocabularies.values() for term in vocabulary for s in term.synonyms}
    assert synonyms & set(wanted), "the bundled summaries' terms should carry synonyms, so this tries some"


def test_a_summary_s_title_finds_it_first_and_not_the_standard_pages_listing_it(tab, site_server, site_path, library):
    """Standard, framework and coverage pages list summary titles; search skips those lists."""
    tab.goto(f"{site_server}/search/")
    titles = {summary.title: f"{site_path}research/{summary.slug}/" for summary in library.summaries}
    found = pagefind_urls(tab, site_server, sorted(titles))
    for title, url in titles.items():
        assert found[title][:1] == [url], f"{title!r} should rank {url} first; got {found[title][:3]}"
        assert not [u for u in found[title] if u.startswith(f"{site_path}cpd/")], f"{title!r} finds CPD pages: {found[title]}"


# ---- Filters, counts, the address ---------------------------------------


def test_a_filter_narrows_results_and_updates_counts(tab, site_server):
    status = open_search(tab, site_server, "?q=people")
    total = result_count(status)
    options = visible_options(tab, "topic")
    narrower = next(o for o in options if 0 < o["count"] < total)
    tab.focus(f"#{narrower['id']}")
    status = after(tab, lambda: tab.keyboard.press("Space"))
    assert result_count(status) == narrower["count"], status
    assert "with 1 filter" in status
    assert parse_qs(urlparse(tab.url).query) == {"q": ["people"], "topic": [narrower["param"]]}
    for key in ["population", "design", "type"]:
        counts = [o["count"] for o in visible_options(tab, key)]
        assert counts and max(counts) <= narrower["count"], f"{key} counts should be within the filtered results: {counts}"
    chosen = next(o for o in visible_options(tab, "topic") if o["param"] == narrower["param"])
    assert chosen["checked"] and chosen["count"] == narrower["count"]


def facet_keys() -> list[str]:
    library = Library.load(Settings.from_mkdocs_yml(REPO_ROOT / "mkdocs.yml"))
    return [group.key for group in search_filters(library) if group.values]


@pytest.mark.parametrize("key", facet_keys())
def test_each_filter_group_filters_on_its_own(tab, site_server, key):
    """Filtering by the first value of each group, with no words, lists exactly the pages counted."""
    open_search(tab, site_server)
    tab.wait_for_function("() => document.querySelector('[data-count]').textContent !== ''")
    option = visible_options(tab, key)[0]
    status = open_search(tab, site_server, f"?{key}={quote(option['param'])}")
    assert result_count(status) == option["count"] > 0, status
    assert visible_options(tab, key)[0]["checked"]
    if key == "type":
        types = tab.eval_on_selector_all(".ev-result__type", "spans => spans.map(s => s.textContent)")
        assert len(set(types)) == 1, types


def test_the_address_restores_query_filters_and_order(tab, site_server, library):
    population = next(g for g in search_filters(library) if g.key == "population").values[0]
    status = open_search(tab, site_server, f"?q=staff&population={population.param}&sort=newest")
    assert tab.input_value("#ev-search-q") == "staff"
    assert tab.input_value("#ev-search-sort") == "newest"
    assert [o["param"] for o in visible_options(tab, "population") if o["checked"]] == [population.param]
    assert "newest summaries first" in status and result_count(status) > 0
    assert set(tab.eval_on_selector_all(".ev-result__type", "s => s.map(x => x.textContent)")) == {"Research summary"}
    history = tab.evaluate("history.length")
    status = after(tab, lambda: tab.select_option("#ev-search-sort", ""))
    urls = result_urls(tab)
    assert tab.evaluate("history.length") == history, "the address is replaced, not pushed"
    assert parse_qs(urlparse(tab.url).query) == {"q": ["staff"], "population": [population.param]}
    tab.reload()
    tab.wait_for_function(RESULTS_READY_JS, arg="", timeout=10_000)
    assert tab.locator(STATUS).inner_text() == status and result_urls(tab) == urls


def test_live_region_announces_the_number_of_results(tab, site_server):
    status = open_search(tab, site_server, "?q=communication")
    region = tab.locator(STATUS)
    assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"
    assert re.match(r"^\d+ results? for “communication”\.$", status), status
    status = after(tab, lambda: (tab.fill("#ev-search-q", "zzzqqq"), tab.press("#ev-search-q", "Enter")))
    assert status.startswith("No results for “zzzqqq”"), status


# ---- Keyboard and narrow screens -----------------------------------------


def test_header_search_with_the_keyboard_only(tab, site_server, site_path, library):
    summary = library.summaries[0]
    wanted = f"{site_path}research/{summary.slug}/"
    tab.goto(f"{site_server}/about/")
    tab.keyboard.press("/")
    assert active(tab)["id"] == "ev-search-box-q", "'/' should focus the header search box"
    tab.keyboard.type(summary.title)
    tab.wait_for_selector("[data-search-panel]:not([hidden]) .ev-search-box__link")
    tab.keyboard.press("ArrowDown")
    first = active(tab)
    assert first["href"] == wanted, first
    tab.keyboard.press("ArrowUp")
    assert active(tab)["id"] == "ev-search-box-q", "ArrowUp from the first result returns to the box"
    tab.keyboard.press("Escape")
    assert tab.locator("[data-search-panel]").is_hidden(), "Escape closes the results"
    assert active(tab)["id"] == "ev-search-box-q"
    tab.keyboard.type(" ")
    tab.wait_for_selector("[data-search-panel]:not([hidden]) .ev-search-box__link")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")
    assert active(tab)["href"] == wanted, "Tab also reaches the results"
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert urlparse(tab.url).path == wanted
    tab.keyboard.press("/")
    tab.keyboard.type("wellbeing")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert urlparse(tab.url).path == f"{site_path}search/" and parse_qs(urlparse(tab.url).query) == {"q": ["wellbeing"]}
    tab.wait_for_function(RESULTS_READY_JS, arg="", timeout=10_000)


def test_slash_types_normally_in_other_fields(tab, site_server):
    open_search(tab, site_server)
    tab.focus("#ev-search-q")
    tab.keyboard.type("a/b")
    assert tab.input_value("#ev-search-q") == "a/b" and active(tab)["id"] == "ev-search-q"


def test_search_page_filters_with_the_keyboard_only(tab, site_server):
    open_search(tab, site_server)
    tab.focus("#ev-search-q")
    tab.keyboard.type("people")
    after(tab, lambda: tab.keyboard.press("Enter"))
    for _ in range(20):
        tab.keyboard.press("Tab")
        if active(tab)["id"].startswith("filter-"):
            break
    box = active(tab)["id"]
    assert box.startswith("filter-"), "Tab should reach the filter checkboxes"
    status = after(tab, lambda: tab.keyboard.press("Space"))
    assert tab.is_checked(f"#{box}") and "with 1 filter" in status


@pytest.mark.parametrize("viewport", [PHONE, TINY], ids=["390px", "320px"])
def test_header_search_on_a_phone(tab, site_server, viewport):
    tab.set_viewport_size(viewport)
    tab.goto(f"{site_server}/about/")
    opener = tab.locator("[data-search-open]")
    assert opener.is_visible() and tab.locator("#ev-search-box-q").is_hidden()
    for _ in range(10):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.hasAttribute('data-search-open')"):
            break
    tab.keyboard.press("Enter")
    assert active(tab)["id"] == "ev-search-box-q" and opener.get_attribute("aria-expanded") == "true"
    tab.keyboard.type("behaviour")
    tab.wait_for_selector("[data-search-panel]:not([hidden]) .ev-search-box__link")
    box = tab.locator("#ev-search-box-q").bounding_box()
    assert box["width"] >= viewport["width"] / 2, "the opened field should get most of the header"
    assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"], "no sideways scrolling"
    tab.keyboard.press("Escape")
    tab.keyboard.press("Escape")
    assert tab.evaluate("document.activeElement.hasAttribute('data-search-open')"), "Escape twice folds the field back into its button"
    assert opener.get_attribute("aria-expanded") == "false"


def test_search_page_at_320px(tab, site_server):
    status = open_search(tab, site_server, "?q=people", viewport=TINY)
    assert result_count(status) > 0
    assert tab.evaluate("document.documentElement.scrollWidth") <= TINY["width"], "no sideways scrolling at 320px"
    toggle = tab.locator("[data-filters-toggle]")
    assert toggle.get_attribute("aria-expanded") == "false" and tab.locator("fieldset[data-filter='topic']").is_hidden()
    toggle.focus()
    tab.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true" and tab.locator("fieldset[data-filter='topic']").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= TINY["width"]


# ---- Accessibility, no JavaScript, Content Security Policy -----------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_page_with_results_passes_axe(tab, site_server, viewport):
    open_search(tab, site_server, "?q=people&type=summary", viewport=viewport)
    violations = run_axe(tab)
    assert not violations, "axe on /search/ with results:\n" + format_violations(violations)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_open_header_results_pass_axe(tab, site_server, viewport):
    tab.set_viewport_size(viewport)
    tab.goto(f"{site_server}/about/")
    tab.keyboard.press("/")
    tab.keyboard.type("support")
    tab.wait_for_selector("[data-search-panel]:not([hidden]) .ev-search-box__link")
    violations = run_axe(tab)
    assert not violations, "axe with the header results open:\n" + format_violations(violations)


def test_without_javascript_the_search_page_points_to_browse(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_server}/search/?q=people")
    note = page.locator(".ev-search__nojs")
    assert note.is_visible() and "Search needs JavaScript" in note.inner_text()
    assert note.locator("a").get_attribute("href") == "../browse/"
    assert page.locator("[data-search-page]").is_hidden()
    assert page.locator("#ev-search-box-q").is_visible(), "the header box is still a plain form"
    context.close()


def test_no_policy_violations_or_console_errors_on_any_page_kind(tab, site_server, built_site, site_pages):
    """The policy blocks nothing the site itself needs, and search works under it."""
    problems = []
    for kind, html_file in site_pages.items():
        if html_file is None:
            continue
        url = page_url(site_server, built_site, html_file)
        if kind == "search":
            url += "?q=communication"
        tab.messages.clear()
        tab.goto(url)
        if kind == "search":
            tab.wait_for_function(RESULTS_READY_JS, arg="", timeout=10_000)
            assert result_urls(tab), "search found nothing under the policy"
        else:
            tab.keyboard.press("/")
            tab.keyboard.type("support")
            tab.wait_for_selector("[data-search-panel]:not([hidden]) .ev-search-box__link")
        policy = tab.locator("meta[http-equiv='Content-Security-Policy']")
        if policy.count() != 1:
            problems.append(f"{kind}: no Content Security Policy")
        problems += [f"{kind}: {v}" for v in tab.evaluate("window.__violations")]
        problems += [f"{kind}: {m}" for m in tab.messages]
    assert not problems, "\n".join(problems)


def test_search_scripts_load_only_when_a_reader_reaches_for_search(tab, site_server, built_site, site_pages):
    """A page that nobody searches from costs one small script, not the search machinery."""
    if site_pages["research"] is None:
        pytest.skip("no summary page")
    fetched = []
    tab.on("request", lambda request: fetched.append(urlparse(request.url).path))
    tab.goto(page_url(site_server, built_site, site_pages["research"]))
    tab.wait_for_load_state("networkidle")
    searching = [path for path in fetched if re.search(r"/search-(box|page|engine)\.js$|/pagefind/", path)]
    assert searching == [], "loaded before anyone searched"
    tab.focus("#ev-search-box-q")
    tab.wait_for_load_state("networkidle")
    assert any(path.endswith("/search-box.js") for path in fetched), "focusing the box loads its script"
    tab.keyboard.type("the")
    tab.wait_for_selector("[data-search-panel]:not([hidden])")


def _title_word(library) -> str:
    """The longest word of a summary's title: a word the index surely holds."""
    return max(re.findall(r"[A-Za-z]{4,}", library.summaries[0].title), key=len).lower()


def test_common_phrasing_does_not_sink_a_question(tab, site_server, library):
    word = _title_word(library)
    plain = (open_search(tab, site_server, f"?q={word}"), result_urls(tab))
    asked = (open_search(tab, site_server, f"?q={quote(f'What works for the {word}? How do I')}"), result_urls(tab))
    assert result_count(plain[0]) > 0 and asked[1] == plain[1]
    assert "most of them" not in asked[0]


def _own_words(summary, library) -> list[str]:
    """Long words of one summary's briefing that no other summary uses (so likely on its page alone)."""
    def words(text):
        return {w.lower() for w in re.findall(r"[A-Za-z]{8,}", text)}
    others = set().union(*(words(o.body + o.title + o.one_liner) for o in library.summaries if o is not summary))
    return sorted(words(summary.body) - others - words(summary.title + summary.one_liner))


# Two words from different briefings that the index holds but no page holds together.
APART_JS = """async (words) => {
  const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI.replace(/search\\/.*$/, '')).href);
  await pagefind.init();
  for (const a of words) for (const b of words) {
    if (a >= b) continue;
    const [both, one, other] = await Promise.all([`${a} ${b}`, a, b].map((q) => pagefind.search(q)));
    if (!both.results.length && one.results.length && other.results.length) return [a, b];
  }
  return null;
}"""


def test_a_question_no_page_fully_answers_shows_pages_with_most_of_its_words(tab, site_server, library):
    words = sorted(w for summary in library.summaries for w in _own_words(summary, library)[:3])
    open_search(tab, site_server)
    apart = tab.evaluate(APART_JS, words)
    if apart is None:
        pytest.skip("every pair of title words shares a page")
    status = open_search(tab, site_server, f"?q={quote(f'how do I {apart[0]} {apart[1]}')}")
    assert "No summary has all of these words; showing those with most of them" in status
    assert result_count(status) > 0


def test_the_editors_guide_joins_results_only_when_asked_for(tab, site_server, built_site):
    """Practitioners' results leave out the Contribute pages, unless the query is about editing or the type is chosen."""
    guide = [p for p in (built_site / "contribute").rglob("index.html")]
    if not guide:
        pytest.skip("the site has no editors' guide")
    status = open_search(tab, site_server, "?q=summary")
    assert result_count(status) > 0 and not [u for u in result_urls(tab) if "/contribute/" in u]
    open_search(tab, site_server, f"?q={quote('edit a summary')}")
    assert any("/contribute/" in u for u in result_urls(tab)), "a query about editing finds the guide"
    open_search(tab, site_server, f"?q=summary&type={quote('guide')}")
    assert result_urls(tab) and all("/contribute/" in u for u in result_urls(tab)), "the guide under its own filter"
