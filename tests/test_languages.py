"""A site in English and Welsh: translations beside summaries, their own addresses, alternates, the switcher.

Fixture sites built in tmp_path with ``languages: [en, cy]`` set in local/settings.yml, as a council would.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO, Project, summary_text

WELSH = summary_text(
    title="Matiau siarad mewn cartrefi gofal",
    summary="Roedd staff a ddefnyddiodd fyrddau lluniau yn deall dymuniadau preswylwyr yn well.",
    body="## Pam mae'n bwysig\n\nMae geiriau'n anodd i rai pobl.\n",
)
OTHER = summary_text(title="Life story books", source={"citation": "Example findings 2", "url": "https://example.org/findings-2.pdf"})


def bilingual(project: Project, languages: str = "[en, cy]") -> Project:
    (project.root / "local").mkdir(exist_ok=True)
    (project.root / "local" / "settings.yml").write_text(f"evidence:\n  languages: {languages}\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Project:
    project = bilingual(Project(tmp_path_factory.mktemp("bilingual") / "project"))
    project.add("talking-mats.md", summary_text())
    project.add("talking-mats.cy.md", WELSH)
    project.add("life-story-books.md", OTHER)
    assert project.build() == 0
    return project


def alternates(site: Project, url: str) -> dict[str, str]:
    """The hreflang alternates sitemap.xml gives for a page (hreflang -> address)."""
    sitemap = (site.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    for entry in re.findall(r"<url>(.*?)</url>", sitemap, re.S):
        if re.search(rf"<loc>[^<]*://[^/<]+{re.escape(url)}</loc>", entry):
            return dict(re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry))
    raise AssertionError(f"{url} is not in sitemap.xml")


def test_a_translation_has_its_own_address_in_its_language(site):
    page = site.page("/cy/research/talking-mats/")
    assert '<html lang="cy"' in page
    assert "Matiau siarad mewn cartrefi gofal" in page and "Mae geiriau&#39;n anodd" not in page.replace("Mae geiriau'n", "")
    words = yaml.safe_load((REPO / "data" / "ui" / "cy.yml").read_text(encoding="utf-8"))
    assert words["research_summary"] in page and words["reflection"] in page


def test_the_english_address_is_unchanged_and_english(site):
    page = site.page("/research/talking-mats/")
    assert '<html lang="en"' in page and "Talking mats in care homes" in page


def test_alternates_pair_both_ways_with_a_default(site):
    english, welsh = alternates(site, "/research/talking-mats/"), alternates(site, "/cy/research/talking-mats/")
    assert english == welsh
    assert english["en"].endswith("/research/talking-mats/") and not english["en"].endswith("/cy/research/talking-mats/")
    assert english["cy"].endswith("/cy/research/talking-mats/")
    assert english["x-default"] == english["en"]


def switcher(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="ev-languages"(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'href="([^"]+)" hreflang="([^"]+)"', nav)


def test_the_switcher_links_each_page_to_its_twin(site):
    assert switcher(site.page("/research/talking-mats/")) == [("../../cy/research/talking-mats/", "cy")]
    assert switcher(site.page("/cy/research/talking-mats/")) == [("../../../research/talking-mats/", "en")]
    assert switcher(site.page("/search/")) == [("../cy/search/", "cy")]


def test_an_untranslated_summary_is_shown_in_english_with_a_notice_in_welsh(site):
    page = site.page("/cy/research/life-story-books/")
    notice = yaml.safe_load((REPO / "data" / "ui" / "cy.yml").read_text(encoding="utf-8"))["untranslated"]
    assert '<html lang="cy"' in page
    assert notice.replace("'", "&#39;") in page
    assert '<article class="ev-summary" lang="en">' in page  # the text is marked as English...
    assert "data-pagefind-body" not in page  # ...and left to the English index
    assert '<meta name="robots" content="noindex">' in page
    assert not alternates(site, "/cy/research/life-story-books/") and not alternates(site, "/research/life-story-books/")


def test_pagefind_writes_an_index_per_language(site):
    entry = (site.root / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    languages = yaml.safe_load(entry)["languages"]
    assert set(languages) == {"en", "cy"}
    assert languages["cy"]["page_count"] == 1  # the one translation: untranslated Welsh addresses stay out


def test_the_welsh_search_page_searches_in_welsh(site):
    page = site.page("/cy/search/")
    assert '<html lang="cy"' in page and "data-search-strings" in page
    assert 'action="../../cy/search/"' in page or 'action="./"' in page or 'action="."' in page


def build_pages(project: Project) -> dict[str, str]:
    assert project.build() == 0
    site = project.root / "site"
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_english_only_is_the_default_and_adds_nothing(tmp_path):
    plain, explicit = Project(tmp_path / "plain"), bilingual(Project(tmp_path / "explicit"), "[en]")
    for project in (plain, explicit):
        project.add("talking-mats.md", summary_text())
        project.add("talking-mats.cy.md", WELSH)
    first, second = build_pages(plain), build_pages(explicit)
    assert first == second
    assert not any(name.startswith("cy/") for name in first)
    assert not any("hreflang" in html or "ev-languages" in html for html in first.values())
    assert "hreflang" not in (plain.root / "site" / "sitemap.xml").read_text(encoding="utf-8")


def problems(project: Project) -> list[str]:
    return [str(p) for p in project.library().problems.sorted()]


def test_a_translation_without_its_summary_is_a_located_error_with_the_fix(project):
    bilingual(project).add("talking-mat.cy.md", WELSH)
    found = problems(project)
    assert any(p.startswith("research_summaries/talking-mat.cy.md:1: this is a Welsh translation") and "no summary talking-mat.md" in p for p in found)


def test_a_translation_is_checked_with_the_summary_schema(project):
    bilingual(project).add("talking-mats.md", summary_text())
    project.add("talking-mats.cy.md", summary_text(title="Matiau siarad", design="not-a-design"))
    assert any(p.startswith("research_summaries/talking-mats.cy.md:") and "'design'" in p for p in problems(project))


def test_a_translation_describes_the_same_study(project):
    bilingual(project).add("talking-mats.md", summary_text())
    project.add("talking-mats.cy.md", OTHER)
    assert any("talking-mats.cy.md:" in p and "'source' differs" in p for p in problems(project))


def test_a_translation_the_site_does_not_publish_is_a_warning_naming_the_setting(project):
    project.add("talking-mats.md", summary_text())
    project.add("talking-mats.cy.md", WELSH)
    found = problems(project)
    assert any("talking-mats.cy.md:1: warning:" in p and "languages" in p for p in found)
    assert project.build() == 0


def test_a_language_the_site_cannot_publish_is_refused_with_its_line(project):
    bilingual(project, "[en, fr]")
    found = problems(project)
    assert any(p.startswith("local/settings.yml:") and "languages" in p and "en, cy" in p for p in found)


def test_english_must_come_first(project):
    bilingual(project, "[cy, en]")
    assert any(p.startswith("local/settings.yml:") and "item 1" in p and "en" in p for p in problems(project))


def test_every_language_file_has_the_english_keys():
    folder = REPO / "data" / "ui"
    english = yaml.safe_load((folder / "en.yml").read_text(encoding="utf-8"))
    for path in folder.glob("*.yml"):
        assert set(yaml.safe_load(path.read_text(encoding="utf-8"))) == set(english), path.name


def test_missing_welsh_words_are_a_warning_and_english_stands_in(project):
    bilingual(project).add("talking-mats.md", summary_text())
    words = project.root / "data" / "ui" / "cy.yml"
    words.write_text("search: Chwilio\n", encoding="utf-8")
    assert any(p.startswith("data/ui/cy.yml:1: warning:") and "skip_link" in p for p in problems(project))
    assert project.build() == 0
    assert "Research summary" in project.page("/cy/research/talking-mats/")


def test_a_reading_path_translation_is_kept_with_a_warning_not_an_error(project):
    bilingual(project).add("talking-mats.md", summary_text())
    project.add_reading_path("first-steps.cy.md", "---\ntitle: Camau cyntaf\n---\n")
    found = problems(project)
    assert any(p.startswith("reading_paths/first-steps.cy.md:1: warning:") and "main language only" in p for p in found)
    assert not project.library().problems.errors


def test_english_parts_of_a_welsh_page_are_marked_and_related_links_stay_in_welsh(site):
    page = site.page("/cy/research/talking-mats/")
    card = re.search(r'<li class="ev-card"([^>]*)>\s*<h3><a href="([^"]+)">', page)
    assert card.group(1) == ' lang="en"' and card.group(2) == "../life-story-books/"  # untranslated: English text, Welsh address
    assert '<div class="md-copyright" lang="en">' in page
    assert 'class="md-copyright">' in site.page("/research/talking-mats/")


def test_a_hand_written_page_with_a_translation_gets_a_welsh_address(tmp_path):
    project = bilingual(Project(tmp_path / "project"))
    project.add("talking-mats.md", summary_text())
    (project.root / "content" / "about.cy.md").write_text("# Amdanom ni\n\nMae'r wefan hon yn crynhoi ymchwil. [Chwilio](search.md)\n", encoding="utf-8")
    assert project.build() == 0
    welsh = project.page("/cy/about/")
    assert '<html lang="cy"' in welsh and "Amdanom ni" in welsh
    assert 'href="../../search/"' in welsh  # its links resolve from the original's folder, as check reads them
    assert switcher(project.page("/about/")) == [("../cy/about/", "cy")]
    assert switcher(welsh) == [("../../about/", "en")]
    assert alternates(project, "/about/")["cy"].endswith("/cy/about/")
    assert not (project.root / "site" / "about.cy").exists()


def test_a_page_translation_without_its_page_is_an_error_and_one_not_published_is_left_out(tmp_path):
    welsh_on, welsh_off = bilingual(Project(tmp_path / "on")), Project(tmp_path / "off")
    for project in (welsh_on, welsh_off):
        project.add("talking-mats.md", summary_text())
        (project.root / "content" / "abuot.cy.md").write_text("# Amdanom ni\n", encoding="utf-8")
    assert any(p.startswith("content/abuot.cy.md:1: this is a Welsh translation of abuot.md") for p in problems(welsh_on))
    assert any(p.startswith("content/abuot.cy.md:1: warning: this Welsh page is not published") for p in problems(welsh_off))
    assert welsh_off.build() == 0
    assert not (welsh_off.root / "site" / "abuot.cy").exists()


def test_the_editors_guide_is_its_own_search_type_in_every_language():
    from evidence.outputs.search_index import CONTENT_TYPES, page_type

    assert page_type("cy/contribute/writing/") == page_type("contribute/writing/") == CONTENT_TYPES["guide"]
    assert page_type("cy/about/") == page_type("about/") == CONTENT_TYPES["page"]


def test_a_copy_corrects_the_welsh_words_in_its_own_folder(project):
    bilingual(project).add("talking-mats.md", summary_text())
    english = yaml.safe_load((REPO / "data" / "ui" / "en.yml").read_text(encoding="utf-8"))
    words = yaml.safe_load((REPO / "data" / "ui" / "cy.yml").read_text(encoding="utf-8"))
    words["related"] = "Crynodebau eraill"  # a council's own choice of words
    mine = project.root / "local" / "data" / "ui" / "cy.yml"
    mine.parent.mkdir(parents=True)
    mine.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    library = project.library()
    assert library.words["cy"]["related"] == "Crynodebau eraill" and library.words["en"]["related"] == english["related"]
    assert not library.problems.errors
