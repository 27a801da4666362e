"""The words search suggests from: what goes into the list, and the file a built site carries.

Pure tests from inline strings, then a fixture site built in tmp_path, then the
bundled site (expectations derived from its content).
"""

from __future__ import annotations

import json
import re

from conftest import summary_text

from evidence.read import routes
from evidence.outputs.spelling import SHORTEST, site_texts, word_list, words


def test_words_are_lower_case_distinct_and_most_used_first():
    assert words(["Social isolation and loneliness", "Loneliness in later life", "loneliness"]) == [
        "loneliness", "isolation", "later", "life", "social",
    ]


def test_short_words_and_numbers_are_left_out_but_joined_words_kept():
    found = words(["A PBS plan for 2024: people's well-being, self-directed support"])
    assert "pbs" not in found and "2024" not in found and "for" not in found
    assert {"people's", "well-being", "self-directed", "plan", "support"} <= set(found)
    assert all(len(word) >= SHORTEST for word in found)


def test_welsh_letters_stay_in_a_word():
    assert words(["Gofal cymdeithasol ŵyr ac wyrion"]) == ["cymdeithasol", "gofal", "wyrion"]


def test_the_list_holds_titles_summaries_and_the_labels_and_synonyms_of_terms_in_use(project):
    project.add("mats.md", summary_text(title="Talking mats in care homes", summary="Picture boards helped residents."))
    library = project.library()
    texts = site_texts(library)
    assert {"talking", "mats", "picture", "boards", "residents"} <= set(words(texts))
    faceted = {facet.spec.vocabulary for facet in library.facets if facet.spec.vocabulary}
    used = {(facet.spec.vocabulary, term.id) for facet in library.facets for term in facet.used_terms}
    for name in faceted:
        for term in library.vocabularies[name]:
            if (name, term.id) in used:
                assert {term.label, *term.synonyms} <= set(texts), term.id
            else:
                assert term.label not in texts, f"{term.id} is used by no summary: a suggestion of it would find nothing"


def test_the_file_is_named_by_the_language_code_and_nothing_else_of_the_setting():
    assert routes.search_words("cy") == "search/words.cy.json"
    assert routes.search_words("pt-BR") == "search/words.pt-BR.json"
    assert routes.search_words("../../etc/x") == "search/words.etcx.json"
    assert routes.search_words("") == "search/words.und.json"


def test_the_file_names_its_language(project):
    project.add("mats.md", summary_text())
    data = json.loads(word_list(project.library(), "cy"))
    assert data["language"] == "cy" and data["words"] and data["words"] == words(site_texts(project.library()))


def test_a_built_site_carries_its_list_beside_the_search_page_and_every_page_points_to_it(project):
    project.add("mats.md", summary_text())
    assert project.build() == 0
    language = "en"
    path = project.root / "site" / routes.search_words(language)
    assert json.loads(path.read_text(encoding="utf-8"))["words"]
    for url in ["search/", "research/mats/", ""]:
        page = project.root / "site" / url / "index.html"
        found = set(re.findall(r'data-words="([^"]+)"', page.read_text(encoding="utf-8")))
        assert found and all((page.parent / relative).resolve() == path.resolve() for relative in found), (url, found)


def test_the_bundled_site_s_list_holds_every_summary_title_word(bundled_site, bundled_library):
    """Derived from the content: whatever summaries the site has, their titles' words can be suggested."""
    files = list((bundled_site / "search").glob("words.*.json"))
    assert len(files) == 1
    listed = set(json.loads(files[0].read_text(encoding="utf-8"))["words"])
    wanted = set(words(summary.title for summary in bundled_library.summaries))
    assert wanted <= listed, wanted - listed


def test_each_language_has_its_own_list_its_own_words_first(project):
    """A Welsh reader is offered the Welsh title's words before the English ones its pages also show."""
    (project.root / "local").mkdir()
    (project.root / "local" / "settings.yml").write_text("evidence:\n  languages: [en, cy]\n", encoding="utf-8")
    project.add("talking-mats.md", summary_text())
    project.add("talking-mats.cy.md", summary_text(title="Matiau siarad mewn cartrefi gofal", summary="Byrddau lluniau mewn cartrefi gofal."))
    assert project.build() == 0
    site = project.root / "site"
    english = json.loads((site / routes.search_words("en")).read_text(encoding="utf-8"))["words"]
    welsh = json.loads((site / routes.search_words("cy")).read_text(encoding="utf-8"))["words"]
    assert "matiau" not in english and "talking" in english
    assert welsh[:2] == ["cartrefi", "gofal"] and {"matiau", "siarad", "byrddau", "talking"} <= set(welsh)
    for url, code in [("search/", "en"), ("cy/search/", "cy"), ("cy/research/talking-mats/", "cy")]:
        page = site / url / "index.html"
        found = set(re.findall(r'data-words="([^"]+)"', page.read_text(encoding="utf-8")))
        assert {(page.parent / relative).resolve() for relative in found} == {(site / routes.search_words(code)).resolve()}, url
