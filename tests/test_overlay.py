"""A copy's own content in local/: beside the project's, replacing it by name, or hiding it; all of it reported."""

from __future__ import annotations

import re
import textwrap

import pytest
import yaml

from conftest import WALES, summary_text

VOCABULARY = """\
label: Topics
description: Our own topics, added to the project's.
terms:
  - id: family-group-conferences
    label: Family group conferences
    description: Meetings where a family makes a plan for a child.
    synonyms: [FGC]
"""
PAGE = "# Our team\n\nWho we are and how to reach us.\n"


def local(project, relative: str, text: str):
    path = project.root / "local" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def council(project):
    """The project's content (two summaries, one page hidden) and a council's own beside it."""
    project.add("talking-mats.md", summary_text(standards=["swe:4.2"]))
    project.add("pictures.md", summary_text(title="Pictures in day services"))
    local(project, "settings.yml", """\
        site_name: Anytown evidence
        nav:
          - Our team: our-team.md
        hide:
          summaries: [pictures]
          pages: [contribute/]
        """)
    local(project, "research_summaries/family-meetings.md", summary_text(title="Family meetings in child protection", topics=["family-group-conferences"], standards=["wales:6"]))
    local(project, "research_summaries/talking-mats.md", summary_text(title="Talking mats, as our service used them"))
    local(project, "data/vocabularies/topics.yml", VOCABULARY)
    local(project, "data/frameworks/wales.yml", WALES)
    local(project, "content/our-team.md", PAGE)
    local(project, "content/assets/stylesheets/council.css", ".md-header { border-bottom: 4px solid #1d3557; }\n")
    return project


def test_check_reports_every_replacement_and_hidden_item(council):
    library = council.library()
    assert library.problems.errors == []
    warnings = [str(p) for p in library.problems.warnings]
    settings = (council.root / "local/settings.yml").read_text().splitlines()
    line = {key: next(n for n, t in enumerate(settings, 1) if t.strip().startswith(key)) for key in ("summaries:", "pages:")}
    assert "local/research_summaries/talking-mats.md:1: warning: replaces the project's research_summaries/talking-mats.md; updates to that file from upstream will not show while this one exists" in warnings
    assert f"local/settings.yml:{line['summaries:']}: warning: hides the project's summary research_summaries/pictures.md; delete this line to publish it again" in warnings
    assert any(w.startswith(f"local/settings.yml:{line['pages:']}: warning: hides ") and "(content/contribute/)" in w for w in warnings), warnings


def test_local_and_project_content_appear_together(council):
    library = council.library()
    assert sorted(s.slug for s in library.summaries) == ["family-meetings", "talking-mats"]
    assert library.summary("talking-mats").title == "Talking mats, as our service used them"
    topics = library.vocabularies["topics"]
    assert "family-group-conferences" in topics and "communication" in topics, "terms are added to the project's"
    assert "wales" in library.frameworks and "swe" in library.frameworks
    assert council.build() == 0
    site = council.root / "site"
    assert "Family meetings in child protection" in council.page("research/family-meetings")
    assert "Family meetings in child protection" in council.page("cpd/wales/6")
    assert "Family meetings in child protection" in council.page("browse/topic/family-group-conferences")
    assert not (site / "research" / "pictures").exists(), "a hidden summary is not published"
    assert not (site / "contribute" / "web-editor" / "index.html").exists(), "a hidden section is not published"
    home = council.page("")
    assert re.search(r'href="our-team/"[^>]*>\s*(<span[^>]*>)?\s*Our team', home), "the copy's page is in the navigation"
    assert 'href="contribute/' not in home.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "Who we are and how to reach us." in council.page("our-team")
    assert 'href="assets/stylesheets/council.css"' in home and (site / "assets/stylesheets/council.css").is_file()
    linking = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if re.search(r'href="[^"]*contribute/', p.read_text(encoding="utf-8"))]
    assert linking == [], "no page links to the hidden section"


@pytest.mark.parametrize("hide, message", [
    ("summaries: [no-such-summary]", "'hide.summaries' item 1: there is no summary 'no-such-summary'; check the spelling (file name without its extension)"),
    ("pages: [nowhere/]", "'hide.pages' item 1: there is no page or folder 'nowhere/' in content/; write a path from that folder, such as privacy.md or contribute/"),
])
def test_hiding_something_that_does_not_exist_is_a_located_error(project, hide, message):
    local(project, "settings.yml", f"hide:\n  {hide}\n")
    assert [str(p) for p in project.library().problems.errors] == [f"local/settings.yml:2: {message}"]


def test_a_nav_entry_for_a_missing_page_is_a_located_error(project):
    local(project, "settings.yml", "nav:\n  - Our team: our-team.md\n")
    assert [str(p) for p in project.library().problems.errors] == [
        "local/settings.yml:2: 'nav' item 1 (Our team): there is no page our-team.md; put it in local/content/ or fix the path"
    ]


def test_local_cpd_rules_replace_the_project_s(project):
    rules = yaml.safe_load((project.root / "data/cpd/england.yml").read_text(encoding="utf-8"))
    rules["requirements"]["pieces"] = 3
    local(project, "data/cpd/england.yml", yaml.safe_dump(rules, sort_keys=False))
    library = project.library()
    assert library.cpd.pieces == 3 and library.cpd.path == "local/data/cpd/england.yml"
    assert "local/data/cpd/england.yml:1: warning: replaces the project's data/cpd/england.yml; updates to that file from upstream will not show while this one exists" in [str(p) for p in library.problems.warnings]


@pytest.mark.parametrize("page, href, kept", [
    ("open-data/index.html", "../contribute/reference/", False),
    ("open-data/index.html", "../contribute/reference/#fields", False),
    ("cpd/swe/4/index.html", "../../../contribute/", False),
    ("404.html", "/evidence/contribute/", False),
    ("about/index.html", "../privacy/", True),
    ("about/index.html", "https://example.org/contribute/", True),
])
def test_links_to_hidden_pages_become_their_words(page, href, kept):
    from evidence_mkdocs.hidden_links import unlink_hidden

    html = f'<p>See <a href="{href}" class="x">the guide</a>.</p>'
    out = unlink_hidden(html, page, {"contribute/", "contribute/reference/"}, "/evidence/")
    assert out == (html if kept else "<p>See the guide.</p>")
