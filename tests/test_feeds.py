"""Atom feeds, read the way a feed reader reads them: every entry a real page, newest first."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

from conftest import summary_text

ATOM = "{http://www.w3.org/2005/Atom}"


def read_feed(path):
    feed = ET.parse(path).getroot()
    assert feed.tag == f"{ATOM}feed"
    return feed


def entries(feed) -> list[dict]:
    return [
        {
            "id": e.findtext(f"{ATOM}id"),
            "title": e.findtext(f"{ATOM}title"),
            "updated": e.findtext(f"{ATOM}updated"),
            "summary": e.findtext(f"{ATOM}summary"),
            "topics": [c.get("term") for c in e.findall(f"{ATOM}category")],
        }
        for e in feed.findall(f"{ATOM}entry")
    ]


def page_for(site, url: str, site_path: str = "/"):
    return site / urlparse(url).path.removeprefix(site_path) / "index.html"


def test_the_site_feed_lists_every_summary_as_a_real_page_newest_first(bundled_site, bundled_library):
    feed = read_feed(bundled_site / "feed.xml")
    items = entries(feed)
    built = sorted(p.parent.name for p in (bundled_site / "research").glob("*/index.html"))
    assert sorted(urlparse(i["id"]).path.split("/")[-2] for i in items) == built
    for item in items:
        page = html.unescape(page_for(bundled_site, item["id"], bundled_library.settings.site_path).read_text(encoding="utf-8"))
        assert f"<title>{item['title']} - " in page
        assert "Strength of evidence:" in item["summary"]
    assert [i["updated"] for i in items] == sorted((i["updated"] for i in items), reverse=True)
    assert all(feed.findtext(f"{ATOM}{name}") for name in ("id", "title", "updated"))
    self_link = next(l for l in feed.findall(f"{ATOM}link") if l.get("rel") == "self")
    assert self_link.get("href").endswith("/feed.xml")


def test_every_browse_value_has_a_feed_of_just_its_summaries(bundled_site, bundled_library):
    topic = bundled_library.facet_for_field("topics").used_terms[0].id
    feed = read_feed(bundled_site / "browse" / "topic" / topic / "feed.xml")
    items = entries(feed)
    assert items and all(topic in i["topics"] for i in items)
    page = (bundled_site / "browse" / "topic" / topic / "index.html").read_text(encoding="utf-8")
    assert '<a href="feed.xml" type="application/atom+xml">Follow this list (Atom feed)</a>' in page


def test_home_links_the_site_feed_and_the_follow_page_explains_it(bundled_site):
    home = (bundled_site / "index.html").read_text(encoding="utf-8")
    assert '<a href="feed.xml" type="application/atom+xml">Follow new summaries (Atom feed)</a>' in home
    # No <link rel="alternate">: Material would fetch a sitemap.xml beside it on every page load.
    assert 'rel="alternate"' not in home
    assert (bundled_site / "follow" / "index.html").is_file()


def test_feed_dates_and_order_follow_the_summaries_and_text_is_escaped(project):
    project.add("older.md", summary_text(title="An older study & its <b>findings</b>", published="2024-03-01"))
    project.add("reviewed.md", summary_text(title="A reviewed study of carers", published="2023-01-01", reviewed="2026-02-02"))
    project.add("newer.md", summary_text(title="A newer study of staff", published="2025-06-30"))
    assert project.build() == 0
    items = entries(read_feed(project.root / "site" / "feed.xml"))
    assert [i["title"] for i in items] == ["A reviewed study of carers", "A newer study of staff", "An older study & its <b>findings</b>"]
    assert [i["updated"][:10] for i in items] == ["2026-02-02", "2025-06-30", "2024-03-01"]


def test_without_a_site_url_there_are_no_feeds_and_no_links_to_them(project):
    config = project.root / "mkdocs.yml"
    config.write_text("\n".join(l for l in config.read_text().splitlines() if not l.startswith("site_url:")) + "\n")
    project.add("one.md", summary_text())
    assert project.build() == 0
    assert not (project.root / "site" / "feed.xml").exists()
    assert "application/atom+xml" not in project.page("/")


def set_site_url(project, site_url: str) -> None:
    config = project.root / "mkdocs.yml"
    lines = [l for l in config.read_text().splitlines() if not l.startswith("site_url:")]
    config.write_text("\n".join([f"site_url: {site_url}", *lines]) + "\n")


def test_a_new_fork_with_no_summaries_builds_without_a_feed(project):
    """follow.md links to feed.xml; with nothing to list, that link must not stop a strict build."""
    assert project.build() == 0
    assert not (project.root / "site" / "feed.xml").exists()


def test_feed_addresses_keep_a_site_url_subpath(project):
    """GitHub Pages serves a project site under /<repository>/: every address in the feed must include it."""
    set_site_url(project, "https://council.github.io/research/")
    project.add("one.md", summary_text())
    assert project.build() == 0
    feed = read_feed(project.root / "site" / "feed.xml")
    assert feed.findtext(f"{ATOM}id") == "https://council.github.io/research/feed.xml"
    assert [i["id"] for i in entries(feed)] == ["https://council.github.io/research/research/one/"]
