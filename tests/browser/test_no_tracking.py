"""No request leaves the page by default; with counting switched on, only the council's engine is asked."""

from __future__ import annotations

import pytest
import yaml

from conftest import Project, summary_text

from .browser import PAGE_KINDS, page_url, serve_site

ENGINE = "https://stats.council.example"


def requests_on_load(browser, url: str) -> list[str]:
    """Every request a page makes until the network is quiet; the engine's script is stubbed, never fetched."""
    context = browser.new_context()
    context.route(f"{ENGINE}/**", lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
    tab = context.new_page()
    seen: list[str] = []
    tab.on("request", lambda request: seen.append(request.url))
    tab.goto(url, wait_until="networkidle")
    context.close()
    return seen


@pytest.mark.parametrize("kind", [kind for kind, _ in PAGE_KINDS])
def test_by_default_every_request_stays_on_the_site(browser, site_server, built_site, site_pages, kind):
    if site_pages[kind] is None:
        pytest.skip(f"the built site has no '{kind}' page")
    seen = requests_on_load(browser, page_url(site_server, built_site, site_pages[kind]))
    assert seen and all(url.startswith(site_server) or url.startswith("data:") for url in seen), [u for u in seen if not u.startswith(site_server)]


@pytest.fixture(scope="module")
def counting_site(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("counting") / "project")
    project.add("one.md", summary_text())
    config_path = project.root / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text())
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "evidence" in plugin:
            plugin["evidence"].update(analytics_engine="plausible", analytics_url=ENGINE)
    config_path.write_text(yaml.safe_dump(config, sort_keys=False))
    assert project.build() == 0
    with serve_site(project.root / "site") as base:
        yield base


def test_with_counting_on_the_only_other_address_is_the_councils_engine(browser, counting_site):
    seen = requests_on_load(browser, f"{counting_site}/research/one/")
    outside = [url for url in seen if not url.startswith(counting_site)]
    assert outside == [f"{ENGINE}/js/script.js"]
