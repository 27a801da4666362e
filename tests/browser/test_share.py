"""Sharing a summary or reading path with a team, in Chromium: copy, email, the system share sheet."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from .browser import format_violations, page_url, run_axe

SHARE_STUB = "navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };"


@pytest.fixture
def tab(browser):
    context = browser.new_context(reduced_motion="reduce")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", ["research", "reading-path"])
def test_copy_link_puts_the_address_on_the_clipboard_and_says_so(tab, site_server, built_site, site_pages, kind):
    tab.goto(page_url(site_server, built_site, site_pages[kind]))
    canonical = tab.locator("link[rel=canonical]").get_attribute("href")
    tab.get_by_role("button", name="Copy link").focus()
    tab.keyboard.press("Enter")
    status = tab.get_by_role("status").filter(has_text="Link copied")
    status.wait_for()
    assert tab.evaluate("navigator.clipboard.readText()") == canonical


@pytest.mark.parametrize("kind", ["research", "reading-path"])
def test_email_link_fills_in_subject_and_body(tab, site_server, built_site, site_pages, kind):
    tab.goto(page_url(site_server, built_site, site_pages[kind]))
    title = tab.locator("h1").inner_text()
    lede = tab.locator(".ev-lede").first.inner_text()
    mail = urlparse(tab.get_by_role("link", name="Email a link").get_attribute("href"))
    query = parse_qs(mail.query)
    assert mail.scheme == "mailto"
    assert query["subject"] == [title]
    assert query["body"][0].startswith(lede) and query["body"][0].endswith(tab.locator("link[rel=canonical]").get_attribute("href"))


def test_system_share_appears_only_where_the_browser_has_one(browser, site_server, built_site, site_pages):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(page_url(site_server, built_site, site_pages["research"]))
    has_share = tab.evaluate("typeof navigator.share === 'function'")
    assert tab.get_by_role("button", name="Share…").is_visible() == has_share
    tab.add_init_script(SHARE_STUB)
    tab.reload()
    tab.get_by_role("button", name="Share…").click()
    shared = tab.evaluate("window.__shared")
    assert shared["title"] == tab.locator("h1").inner_text()
    assert shared["url"] == tab.locator("link[rel=canonical]").get_attribute("href")
    tab.get_by_role("status").filter(has_text="Shared").wait_for()
    violations = run_axe(tab)
    assert not violations, format_violations(violations)
    context.close()
