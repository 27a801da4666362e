"""A catalogue indexed in parts, searched from the real search page: the same answers as one index.

The bundled site is re-indexed in a copy with parts so small that there are
several (a large catalogue gets them at SHARD_PAGES pages of a language), and its
search page is compared with the bundled site's: the held-out questions still
find their summaries, "newest first" lists the same dates in the same order, and
every filter counts the same pages.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from evidence.outputs.search_index import MARKER, IndexPlan, build_index, search_filters
from evidence_cli.search_relevance import TOP, answerable, ask, load_questions, score

from .browser import serve_site, watched_tab
from .test_search import DESKTOP, open_search, result_count, result_urls, visible_options
from .test_search_questions import THRESHOLD

PARTS = 4  # at least this many bundles in the copy


@pytest.fixture(scope="module")
def sharded_server(built_site, site_path, tmp_path_factory):
    site = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(built_site, site)
    indexed = sum(1 for page in site.rglob("*.html") if MARKER in page.read_bytes())
    build_index(IndexPlan(site, shard_pages=max(1, indexed // PARTS)))
    listed = json.loads((site / "pagefind" / "shards.json").read_text())
    assert len(listed["en"]) >= PARTS - 1, listed
    with serve_site(site, site_path) as base_url:
        yield base_url


@pytest.fixture
def tab(browser):
    page = watched_tab(browser, viewport=DESKTOP)
    page.messages = []
    page.on("console", lambda m: page.messages.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    yield page
    assert not page.messages, page.messages
    page.context.close()


def test_held_out_questions_still_find_their_summary_in_the_top_three(tab, sharded_server, site_path, bundled_library):
    questions = answerable(load_questions(), {summary.slug for summary in bundled_library.summaries})
    if not questions:
        pytest.skip("none of the held-out questions is about a summary this copy has")
    result = score(questions, ask(tab, sharded_server, questions), site_path)
    assert result.share(result.top) >= THRESHOLD, f"{result.line()} in the top {TOP} with the index in parts:\n" + "\n".join(result.misses)


def published_dates(tab, library) -> list[str]:
    """The publication date of each summary listed, in the order shown."""
    dates = {summary.slug: summary.published.isoformat() for summary in library.summaries}
    return [dates[re.search(r"/research/([^/]+)/", url).group(1)] for url in result_urls(tab)]


def test_newest_first_lists_the_same_dates_in_the_same_order(tab, site_server, sharded_server, bundled_library):
    address = "?type=summary&sort=newest"
    whole = open_search(tab, site_server, address)
    expected = published_dates(tab, bundled_library)
    parts = open_search(tab, sharded_server, address)
    assert result_count(parts) == result_count(whole) > 0, (parts, whole)
    assert published_dates(tab, bundled_library) == expected == sorted(expected, reverse=True)


def test_every_filter_counts_the_same_pages(tab, site_server, sharded_server, bundled_library):
    keys = [group.key for group in search_filters(bundled_library) if group.values]
    counted = []
    for server in (site_server, sharded_server):
        open_search(tab, server)
        tab.wait_for_function("() => document.querySelector('[data-count]').textContent !== ''")
        counted.append({key: visible_options(tab, key) for key in keys})
    assert counted[0] == counted[1]
