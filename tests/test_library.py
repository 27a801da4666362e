"""What the library derives from summaries: related studies, facets and their order."""

from __future__ import annotations

from conftest import summary_text


def test_related_summaries_share_the_most_topics_newest_first(project):
    project.add("target.md", summary_text(topics=["communication", "wellbeing", "discrimination"]))
    project.add("two-shared.md", summary_text(title="Shares two topics", topics=["communication", "wellbeing"], published="2020-01-01"))
    project.add("one-old.md", summary_text(title="Shares one topic, older", topics=["wellbeing"], published="2021-01-01"))
    project.add("one-new.md", summary_text(title="Shares one topic, newer", topics=["discrimination"], published="2025-01-01"))
    project.add("none.md", summary_text(title="Shares nothing at all", topics=["quality-of-care"], published="2026-01-01"))
    library = project.library()
    related = [s.slug for s in library.related(library.summary("target"))]
    assert related == ["two-shared", "one-new", "one-old"]


def test_facet_terms_list_summaries_newest_first_and_keep_vocabulary_order(project):
    project.add("older.md", summary_text(title="The older study here", published="2024-05-01"))
    project.add("newer.md", summary_text(title="The newer study here", published="2025-05-01"))
    library = project.library()
    topic = library.facet("topic")
    assert [t.id for t in topic.terms] == [t.id for t in library.vocabularies["topics"]], "the vocabulary's order"
    assert [s.slug for s in topic.term("communication").summaries] == ["newer", "older"]
    assert [t.id for t in library.facet("year").terms] == ["2021"]
