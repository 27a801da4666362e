"""Sections and pages by setting, not template edits: Contribute on or off, the home page's
strands from their vocabulary, our own 404 page under any path, the accessibility statement."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import REPO, summary_text

HREF = re.compile(r'href="([^"]*)"')


def set_option(project, line: str) -> None:
    """One more evidence plugin option, written where a council would write it."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "      nation: "
    assert anchor in text
    config.write_text(text.replace(anchor, f"      {line}\n{anchor}", 1), encoding="utf-8")


def local_links(site: Path) -> list[tuple[str, str]]:
    """(page, target) for every link between the site's own pages, resolved as a browser would."""
    found = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # root-absolute links: see test_not_found_page_works_under_a_sub_path
        url = "/" + page.relative_to(site).as_posix()
        for href in map(html.unescape, HREF.findall(page.read_text(encoding="utf-8"))):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            found.append((url, posixpath.normpath(posixpath.join(posixpath.dirname(url), parts.path))))
    return found


def broken(site: Path, links: list[tuple[str, str]]) -> list[tuple[str, str]]:
    def exists(target: str) -> bool:
        path = site / target.lstrip("/")
        return path.is_file() or (path / "index.html").is_file()
    return [(page, target) for page, target in links if not exists(target)]


@pytest.fixture
def local_page(project):
    """A council's own page that mentions the Contribute section, as pages do."""
    (project.root / "content" / "local.md").write_text(
        "# Our team\n\nRead [Writing in plain English](contribute/writing.md) or [About](about.md).\n", encoding="utf-8"
    )
    project.add("talking-mats.md", summary_text(standards=["swe:4.2"]))
    return project


@pytest.mark.parametrize("contribute", [True, False])
def test_contribute_section_follows_one_setting_with_no_broken_links(local_page, contribute):
    project = local_page
    set_option(project, f"contribute: {'true' if contribute else 'false'}")
    assert project.build() == 0
    site = project.root / "site"
    links = local_links(site)
    assert broken(site, links) == [], "no broken links either way"
    into_section = [(page, target) for page, target in links if target.startswith("/contribute")]
    assert bool(into_section) == contribute
    assert (site / "contribute").is_dir() == contribute, "the hand-written and generated Contribute pages"
    assert ("Contribute" in nav_labels(project.page(""))) == contribute
    local = project.page("local")
    assert "Writing in plain English" in local and 'href="../about/"' in local, "links elsewhere stay; the words stay"
    empty_standard = project.page("cpd/swe/1")
    assert ("Suggest research to summarise" in empty_standard) == contribute


def nav_labels(page: str) -> list[str]:
    nav = page.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<(a|label)\b[^>]*\bclass="md-nav__link[^"]*"[^>]*>(.*?)</\1>', nav, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", label)).split()) for _, label in links]


def test_contribute_must_be_true_or_false(project, capsys):
    set_option(project, "contribute: sometimes")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 1
    line = next(n for n, text in enumerate((project.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1) if "contribute: sometimes" in text)
    assert re.search(rf"^mkdocs\.yml:{line}: 'contribute' must be true or false", capsys.readouterr().out, re.M)


def test_home_page_counts_the_strands_in_their_vocabulary(project):
    strands = project.root / "data" / "vocabularies" / "strands.yml"
    data = yaml.safe_load(strands.read_text(encoding="utf-8"))
    data["terms"].append({"id": "a-local-strand", "label": "A local strand", "description": "A strand a council adds for its own research."})
    strands.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    home = project.page("")
    heading = re.search(r'<h2 id="strands">(.*?)</h2>', home).group(1)
    assert html.unescape(heading).endswith(f": {len(data['terms'])} {data.get('plural', 'strands')}")
    assert "A local strand" in home


def test_not_found_page_works_under_a_sub_path(project):
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    site_url = re.search(r"^site_url: (.*)$", text, re.M).group(1)
    config.write_text(text.replace(f"site_url: {site_url}", "site_url: https://council.example/evidence/"), encoding="utf-8")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    site = project.root / "site"
    page = (site / "404.html").read_text(encoding="utf-8")
    assert re.search(r'<form[^>]*role="search"[^>]*action="/evidence/search/"', page)
    assert '<input type="search" id="ev-notfound-q" name="q"' in page
    targets = [html.unescape(h) for h in HREF.findall(page)]
    own = [t for t in targets if not urlsplit(t).scheme and not t.startswith("#")]
    assert own and all(t.startswith("/evidence/") for t in own), [t for t in own if not t.startswith("/evidence/")]
    for facet in project.library().facets:
        assert f"/evidence/browse/{facet.name}/" in own, facet.name
    paths = [urlsplit(t).path.removeprefix("/evidence/") for t in own]  # an icon is a fragment of the site's sprite
    missing = [p for p in paths if not ((site / p).is_file() or (site / p / "index.html").is_file())]
    assert missing == [], "every link on the 404 page leads to a page of the site"


GOV_UK_MODEL_PARTS = [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Non-accessible content",
    "Preparation of this accessibility statement",
]


def test_accessibility_statement_has_every_part_of_the_model(bundled_site):
    page = (bundled_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    headings = [html.unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", page, re.S)]
    assert [part for part in GOV_UK_MODEL_PARTS if part not in headings] == []
    assert 'href="https://www.equalityadvisoryservice.com/"' in page
    source = (REPO / "content" / "accessibility.md").read_text(encoding="utf-8")
    for phrase in ("prepared on", "last reviewed on", "last tested on", "email", "call"):
        line = next(text for text in source.splitlines() if phrase in text)
        assert "[Fill in:" in line, f"the council's details are marked: {line}"


@pytest.mark.parametrize("page, href, gone", [
    ("about/index.html", "../contribute/writing/", True),
    ("index.html", "contribute/", True),
    ("research/x/index.html", "../../contribute/#how", True),
    ("about/index.html", "../contribute-news/", False),
    ("about/index.html", "https://example.org/contribute/", False),
    ("about/index.html", "#contribute", False),
    ("contribute/index.html", "../about/", False),
])
def test_links_into_a_section_that_is_off_become_text(page, href, gone):
    from evidence.read.sections import CONTRIBUTE, unlinked

    text = f'<p>See <a class="x" href="{href}">the <em>guide</em></a>.</p>'
    assert unlinked(text, page, CONTRIBUTE) == ("<p>See the <em>guide</em>.</p>" if gone else text)
