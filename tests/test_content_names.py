"""Ids and classes written in content never take over the page's own elements, on every page kind
that has an editor's body: a summary, a reading path and a hand-written page.

The taken ids are read from the built page itself (whatever the templates hold
today), and each page keeps one element per id, its own; the editor's heading is
renamed and links to it on the page still land.
"""

from __future__ import annotations

from collections import Counter

import lxml.html
import pytest

from conftest import BODY, summary_text
from reading_path_text import reading_path_text

# Ids a template prints, which an editor could write: exact, and built from a fixed start.
HOSTILE = """
## Our notes {{: #{taken} .md-nav .cpd-hidden .note }}

See [our notes](#{taken}) and [the top](#main-content).

## Main content {{: #main-content }}

Text {{: .md-typeset .ev-card .evidence-skip .js }}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import Project

    project = Project(tmp_path_factory.mktemp("names") / "project")
    project.add("talking-mats.md", summary_text(body=BODY + HOSTILE.format(taken="cpd-panel-title")))
    project.add_reading_path("rarely-heard.md", reading_path_text(HOSTILE.format(taken="step-1")))
    about = project.root / "content/about.md"
    about.write_text(about.read_text(encoding="utf-8") + HOSTILE.format(taken="__drawer"), encoding="utf-8")
    assert project.build() == 0
    return project


@pytest.mark.parametrize(("url", "taken"), [("research/talking-mats/", "cpd-panel-title"), ("reading-paths/rarely-heard/", "step-1"), ("about/", "__drawer")])
def test_content_ids_and_classes_stay_apart_from_the_pages_own(built, url, taken):
    page = lxml.html.fromstring(built.page(url))
    ids = Counter(page.xpath("//@id"))
    assert ids[taken] == 1 and ids["main-content"] == 1, "the page keeps its own element for each of its ids"
    heading = page.xpath("//h2[normalize-space()='Our notes']")[0]
    assert heading.get("id") == f"content-{taken}"
    assert page.xpath(f"//a[normalize-space()='our notes']/@href") == [f"#content-{taken}"], "the in-page link follows the heading"
    assert heading.get("class") == "note", "content classes stay; the theme's and the site's are dropped"
    assert page.xpath("//p[starts-with(normalize-space(), 'Text')]/@class") == []
    toc = page.xpath("//nav[contains(@class, 'md-nav--secondary')]//a/@href")
    assert f"#content-{taken}" in toc and f"#{taken}" not in toc, "the table of contents follows the heading too"
