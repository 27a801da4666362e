"""Feeds are discoverable from <head>, and announcing them costs the reader no extra download.

Material selects link[rel=alternate] (an exact match) and fetches a sitemap.xml
beside each one on every page load. The control test serves the same page with
plain rel="alternate" and sees that fetch happen, so the count below is a real
measurement, not a test that cannot fail.
"""

from __future__ import annotations

import pytest

from .browser import page_url

FEED_LINKS_JS = """() => [...document.querySelectorAll('link[rel~=alternate][type="application/atom+xml"]')].map((l) => l.href)"""


def load_and_record(browser, url: str, rewrite=None) -> tuple[list[str], list[str]]:
    """(every request the page made until the network went quiet, the feed links in its head)."""
    context = browser.new_context()
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    if rewrite:
        def serve_rewritten(route):
            response = route.fetch()
            route.fulfill(response=response, body=rewrite(response.text()))

        tab.route(url, serve_rewritten)
    tab.goto(url, wait_until="networkidle")
    feeds = tab.evaluate(FEED_LINKS_JS)
    context.close()
    return requests, feeds


@pytest.mark.parametrize("kind", ["home", "browse-value", "research"])
def test_feed_links_in_head_cost_no_extra_request(browser, site_server, built_site, site_pages, kind):
    requests, feeds = load_and_record(browser, page_url(site_server, built_site, site_pages[kind]))
    assert feeds, "no feed announced in <head>"
    assert not [url for url in requests if url.endswith("sitemap.xml")], requests
    assert not [url for url in requests if url.endswith("feed.xml")], "the feed itself is only fetched by a reader"


def test_a_browse_value_announces_its_own_feed_and_each_feed_exists(browser, site_server, built_site, site_pages):
    page = site_pages["browse-value"]
    _, feeds = load_and_record(browser, page_url(site_server, built_site, page))
    assert len(feeds) == 2 and feeds[1] == page_url(site_server, built_site, page).rsplit("/", 1)[0] + "/feed.xml"
    for feed in feeds:
        path = built_site / feed[len(site_server) :].lstrip("/")
        assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml"), feed


def test_control_plain_rel_alternate_makes_the_theme_fetch_a_sitemap(browser, site_server, built_site, site_pages):
    url = page_url(site_server, built_site, site_pages["home"])
    requests, _ = load_and_record(browser, url, rewrite=lambda html: html.replace('rel="alternate feed"', 'rel="alternate"'))
    assert [r for r in requests if r.endswith("sitemap.xml")], "the measurement no longer sees Material's sitemap fetch"
