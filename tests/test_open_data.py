"""Open data: the catalogue files, read with standard parsers and checked against the site's own summaries."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from conftest import REPO, Project, summary_text
from evidence.model.library import Library
from evidence.read.settings import Settings


def read_csv(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def validate(site) -> dict:
    """catalogue.json against the schema the site publishes beside it."""
    data = json.loads((site / "catalogue.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "catalogue.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    return data


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.load(Settings.from_mkdocs_yml(REPO / "mkdocs.yml"))


def test_catalogue_json_is_valid_and_matches_the_summaries(bundled_site, library):
    data = validate(bundled_site)
    records = {r["slug"]: r for r in data["summaries"]}
    assert sorted(records) == sorted(s.slug for s in library.summaries) and data["count"] == len(records)
    for summary in library.summaries:
        item = records[summary.slug]
        assert (item["title"], item["summary"], item["source"]) == (summary.title, summary.one_liner, summary.source)
        assert item["url"].endswith(f"/research/{summary.slug}/")
        assert (bundled_site / "research" / summary.slug / "index.html").is_file()
    assert data["$schema"].endswith("/catalogue.schema.json")
    assert library.settings.data_licence_name in data["licence"]["statement"]


def test_catalogue_csv_has_a_row_per_summary_with_the_same_values(bundled_site, library):
    rows = {row["slug"]: row for row in read_csv(bundled_site / "catalogue.csv")}
    assert sorted(rows) == sorted(s.slug for s in library.summaries)
    for summary in library.summaries:
        row = rows[summary.slug]
        assert (row["title"], row["summary"], row["source.url"]) == (summary.title, summary.one_liner, summary.source["url"])
        assert row["topics"].split("; ") == summary.values("topics")
        assert row["strength.level"] == summary.get("strength.level")


def test_open_data_page_links_the_files_and_states_the_licence(bundled_site, library):
    page = (bundled_site / "open-data" / "index.html").read_text(encoding="utf-8")
    for name in ("catalogue.csv", "catalogue.json", "catalogue.schema.json"):
        assert f'href="../{name}"' in page
    assert library.settings.data_licence_name in page


def test_without_a_licence_or_site_url_the_catalogue_says_so_and_spreadsheets_stay_safe(tmp_path):
    project = Project(tmp_path / "project")
    config = project.root / "mkdocs.yml"
    lines = [l for l in config.read_text().splitlines() if not l.startswith("site_url:") and "data_licence" not in l]
    config.write_text("\n".join(lines) + "\n")
    project.add("formula.md", summary_text(title="=HYPERLINK(\"https://example.org\") a sum", authors=["Ann Example", "Bo Example"]))
    assert project.build() == 0
    site = project.root / "site"
    data = validate(site)
    assert "not yet chosen a licence" in data["licence"]["statement"]
    assert data["summaries"][0]["url"] == "/research/formula/"
    [row] = read_csv(site / "catalogue.csv")
    assert row["title"] == "'=HYPERLINK(\"https://example.org\") a sum", "a spreadsheet must not run editors' text as a formula"
    assert row["authors"] == "Ann Example; Bo Example"
    assert "not yet chosen a licence" in project.page("open-data")


@pytest.mark.parametrize("summaries", [True, False], ids=["summaries", "none"])
def test_catalogue_json_written_record_by_record_is_the_whole_catalogue_dumped_at_once(tmp_path, library, summaries):
    """catalogue.json is put together from each record's kept text (a preview reload encodes only the
    edited summary's): it must be exactly the indented dump of the whole catalogue."""
    from evidence.outputs.catalogue import Licence, as_json, catalogue, catalogue_json
    from evidence.read.site_identity import SiteIdentity

    if not summaries:
        library = Library.load(Settings.from_mkdocs_yml(Project(tmp_path / "empty").root / "mkdocs.yml"))
    site, licence = SiteIdentity("A site", "https://example.org/sub/", "en"), Licence.from_settings(library.settings)
    assert catalogue_json(library, site, licence) == as_json(catalogue(library, site, licence))
    assert json.loads(catalogue_json(library, site, licence))["count"] == len(library.summaries)
