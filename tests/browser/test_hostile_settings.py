"""Settings and page front matter are shown as text on every page kind, with the security policy on or off.

A pull request can change mkdocs.yml as easily as a summary. Here every text
setting (site_name, site_description, copyright, nav titles, extra values) and
every printed front-matter field of a hand-written page holds markup that would
run a script, add a fake "Log in" link or break out of an attribute. Each page
kind is opened in Chromium, every event a handler could wait for is fired, and
the page must show the markup as text, with nothing run and nothing added.
(Front matter that cannot be text, such as ``status`` or ``template``, is refused
by check: see tests/test_hand_written_pages.py.)
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import Project, summary_text
from .browser import discover_pages, page_url, serve_site
from .test_safety import DOM_SCAN, PROVOKE

ATTACK = """<script>window.__pwned='script'</script><a href="/login">Log in</a><img src=x onerror="window.__pwned='img'">" onmouseover="window.__pwned='attr'" x=\""""


def _hostile_config(text: str, csp: bool) -> str:
    """mkdocs.yml with the attack in every text setting, a nav page and section title, and an extra value."""
    value = lambda name: json.dumps(f"{name} {ATTACK}")  # JSON strings are YAML strings
    text = re.sub(r"(?m)^site_name: .*$", f"site_name: {value('Site')}", text)
    text = re.sub(r"(?m)^site_description: .*$", f"site_description: {value('About the site')}", text)
    text = re.sub(r"(?m)^copyright: .*$", f"copyright: {value('Copyright')}", text)
    text = re.sub(r"(?m)^  - About: about.md$", f"  - {value('About')}: about.md", text)
    text = re.sub(r"(?m)^  - Contribute:$", f"  - {value('Contribute')}:", text)
    text += f"\nextra:\n  status:\n    new: {value('New')}\n"
    return text if csp else text.replace("  - evidence:\n", "  - evidence:\n      csp_enabled: false\n", 1)


@pytest.fixture(scope="module", params=[True, False], ids=["csp-on", "csp-off"])
def hostile_site(request, tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile") / "project")
    project.add("talking-mats.md", summary_text())
    config = project.root / "mkdocs.yml"
    config.write_text(_hostile_config(config.read_text(encoding="utf-8"), request.param), encoding="utf-8")
    fields = {key: f"{key.capitalize()} {ATTACK}" for key in ("title", "description", "subtitle")}
    about = project.root / "content/about.md"
    about.write_text(f"---\n{yaml.safe_dump(fields)}status: new\n---\n\nText about the site.\n", encoding="utf-8")
    assert project.build() == 0
    return project.root / "site"


def test_settings_and_front_matter_show_as_text_on_every_page_kind(browser, hostile_site):
    dialogs, visited = [], []
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve_site(hostile_site) as base:
        for kind, html_file in discover_pages(hostile_site).items():
            if html_file is None:
                continue
            page.goto(page_url(base, hostile_site, html_file))
            page.evaluate(PROVOKE)
            page.hover("body")
            assert page.evaluate("window.__pwned") is None, kind
            assert page.evaluate(DOM_SCAN) == [], kind
            assert page.locator("a[href='/login']").count() == 0, f"{kind}: a link from the settings rendered"
            assert ATTACK in page.title(), f"{kind}: the title shows the site name as text"
            assert f"Copyright {ATTACK}" in page.inner_text(".md-copyright"), kind
            visited.append(kind)
    context.close()
    assert dialogs == []
    assert {"home", "content", "research", "not-found", "search"} <= set(visited)


def test_hand_written_front_matter_shows_as_text(browser, hostile_site):
    context = browser.new_context()
    page = context.new_page()
    with serve_site(hostile_site) as base:
        page.goto(f"{base}/about/")
        assert page.title().startswith(f"Title {ATTACK}")
        assert page.get_attribute("meta[name='description']", "content") == f"Description {ATTACK}"
        nav = page.inner_text(".md-nav--primary")
        assert f"Contribute {ATTACK}" in nav and f"Subtitle {ATTACK}" in nav
        assert page.evaluate("window.__pwned") is None
    context.close()
