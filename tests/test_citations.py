"""Citing and saving a study: what Zotero, EndNote, a LaTeX user and a search engine read from a summary page."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import bibtexparser
import pytest
import rispy
from pyld import jsonld

from conftest import Project, summary_text
from head_tags import json_ld, meta

ARTICLE = {
    "title": "Talking mats in care homes: a mixed-methods study",
    "url": "https://example.org/articles/talking-mats",
    "doi": "10.1000/example.42",
    "open_access": False,
    "citation": "Example Journal of Care, 12(3)",
    "journal": "Example Journal of Care",
    "volume": "12",
    "issue": "3",
    "pages": "101-118",
}
AUTHORS = ["Ann Example", "van der Berg, Piet"]
SCHEMA_ORG = json.loads((Path(__file__).parent / "data" / "schema-org-context.jsonld").read_text())


def offline_loader(url, options=None):
    """schema.org's context from a bundled stand-in: tests never touch the network."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), f"JSON-LD asked for {url}"
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": SCHEMA_ORG}


@pytest.fixture(scope="module")
def article_site(tmp_path_factory):
    """Built once: every test here only reads the built site."""
    project = Project(tmp_path_factory.mktemp("citations") / "project")
    project.add("talking-mats.md", summary_text(source=ARTICLE, authors=AUTHORS, year=2021, funder="Example Trust"))
    project.add("a-report.md", summary_text(title="A report & its <b>findings</b>", source={"citation": "Example Council, Report 7", "url": "https://example.org/r7.pdf", "open_access": True}, year=None))
    assert project.build() == 0
    return project


def test_highwire_tags_name_the_study_for_zotero(article_site):
    tags = meta(article_site.page("research/talking-mats"))
    assert tags["citation_title"] == [ARTICLE["title"]]
    assert tags["citation_author"] == ["Example, Ann", "van der Berg, Piet"]
    assert tags["citation_publication_date"] == ["2021"]
    assert tags["citation_journal_title"] == [ARTICLE["journal"]]
    assert (tags["citation_volume"], tags["citation_issue"]) == (["12"], ["3"])
    assert (tags["citation_firstpage"], tags["citation_lastpage"]) == (["101"], ["118"])
    assert tags["citation_doi"] == [ARTICLE["doi"]]
    assert "citation_pdf_url" not in tags, "a paywalled study offers no PDF"


def test_an_open_access_pdf_is_offered_and_a_report_without_a_title_is_named_by_its_citation(article_site):
    tags = meta(article_site.page("research/a-report"))
    assert tags["citation_title"] == ["Example Council, Report 7"]
    assert tags["citation_pdf_url"] == ["https://example.org/r7.pdf"]
    assert "citation_author" not in tags and "citation_publication_date" not in tags, "nothing is invented"


def test_ris_download_reads_back_to_the_same_fields(article_site):
    text = (article_site.root / "site" / "research" / "talking-mats" / "citation.ris").read_text(encoding="utf-8")
    [entry] = rispy.loads(text)
    assert entry["type_of_reference"] == "JOUR"
    assert entry["title"] == ARTICLE["title"]
    assert entry["authors"] == ["Example, Ann", "van der Berg, Piet"]
    assert (entry["year"], entry["journal_name"], entry["volume"], entry["number"]) == ("2021", ARTICLE["journal"], "12", "3")
    assert (entry["start_page"], entry["end_page"], entry["doi"], entry["urls"]) == ("101", "118", ARTICLE["doi"], [ARTICLE["url"]])


def test_bibtex_download_reads_back_to_the_same_fields(article_site):
    text = (article_site.root / "site" / "research" / "talking-mats" / "citation.bib").read_text(encoding="utf-8")
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    [entry] = library.entries
    fields = {f.key: f.value for f in entry.fields}
    assert (entry.entry_type, entry.key) == ("article", "talking-mats")
    assert fields["title"] == ARTICLE["title"] and fields["journal"] == ARTICLE["journal"]
    assert fields["author"] == "Example, Ann and van der Berg, Piet"
    assert (fields["year"], fields["volume"], fields["number"], fields["pages"]) == ("2021", "12", "3", "101--118")
    assert fields["doi"] == ARTICLE["doi"]


def test_a_report_downloads_as_a_report(article_site):
    folder = article_site.root / "site" / "research" / "a-report"
    assert rispy.loads((folder / "citation.ris").read_text(encoding="utf-8"))[0]["type_of_reference"] == "RPRT"
    assert bibtexparser.parse_string((folder / "citation.bib").read_text(encoding="utf-8")).entries[0].entry_type == "techreport"


def test_harvard_and_apa_text_come_from_csl(article_site):
    page = article_site.page("research/talking-mats")
    study = re.search(r'id="cite-this-study".*?</dl>', page, re.S).group(0)
    styles = dict(re.findall(r"<dt>(Harvard|APA)</dt>\s*<dd>(.*?)</dd>", study))
    harvard, apa = styles["Harvard"], styles["APA"]
    assert harvard.startswith("Example, A. and van der Berg, P. (2021) “Talking mats")
    assert "<i>Example Journal of Care</i>, 12(3), pp. 101–118" in harvard
    assert apa.startswith("Example, A., &amp; van der Berg, P. (2021). Talking mats")
    assert "https://doi.org/10.1000/example.42" in apa
    assert 'href="citation.ris"' in page and 'href="citation.bib"' in page


def test_editors_text_is_escaped_once_in_citations(article_site):
    page = article_site.page("research/a-report")
    assert "<b>findings</b>" not in page
    briefing = re.search(r'id="how-to-cite".*?</dl>', page, re.S).group(0)
    assert "A report &amp; its &lt;b&gt;findings&lt;/b&gt;" in briefing
    assert "&amp;amp;" not in page


def test_json_ld_expands_to_an_article_about_a_scholarly_article(article_site):
    [data] = json_ld(article_site.page("research/talking-mats"))
    dropped = []
    [article] = jsonld.expand(data, {"documentLoader": offline_loader}, on_property_dropped=dropped.append)
    assert not dropped
    schema = "https://schema.org/"
    assert article["@type"] == [f"{schema}Article"]
    assert article[f"{schema}publisher"][0][f"{schema}name"][0]["@value"] == "Research which matters"
    assert article[f"{schema}datePublished"][0]["@value"] == "2026-01-15"
    [study] = article[f"{schema}about"]
    assert study["@type"] == [f"{schema}ScholarlyArticle"]
    assert study[f"{schema}datePublished"][0]["@value"] == "2021"
    assert study[f"{schema}isAccessibleForFree"][0]["@value"] is False
    assert study[f"{schema}identifier"][0][f"{schema}value"][0]["@value"] == ARTICLE["doi"]
    assert study[f"{schema}funder"][0][f"{schema}name"][0]["@value"] == "Example Trust"


def test_every_bundled_summary_can_be_saved_and_cited(bundled_site):
    """Derived from the bundled content: each summary's downloads and tags name its own source."""
    for folder in sorted((bundled_site / "research").iterdir()):
        tags = meta((folder / "index.html").read_text(encoding="utf-8"))
        [entry] = rispy.loads((folder / "citation.ris").read_text(encoding="utf-8"))
        [bib] = bibtexparser.parse_string((folder / "citation.bib").read_text(encoding="utf-8")).entries
        assert entry["title"] == tags["citation_title"][0] == bib.fields_dict["title"].value
        page = html.unescape((folder / "index.html").read_text(encoding="utf-8"))
        assert "Cite this study" in page and "How to cite this summary" in page
        jsonld.expand(json_ld((folder / "index.html").read_text(encoding="utf-8"))[0], {"documentLoader": offline_loader})


def test_names_split_as_reference_managers_expect():
    from evidence.outputs.citations.study_reference import Person

    assert Person.parse("Jill Bradshaw") == Person("Bradshaw", "Jill")
    assert Person.parse("van der Berg, Anna") == Person("van der Berg", "Anna")
    assert Person.parse("Plato") == Person("Plato")
    assert Person.parse("A. B. Researcher").inverted == "Researcher, A. B."
