"""What the library derives from summaries: related studies, facets and their order."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from conftest import summary_text
from evidence.model.related import FACETS, _spread, rank_related
from evidence.model.summary import Summary


def test_related_summaries_share_the_most_topics_then_the_closest_year(project):
    project.add("target.md", summary_text(topics=["communication", "wellbeing", "discrimination"], year=2015))
    project.add("two-shared.md", summary_text(title="Shares two topics", topics=["communication", "wellbeing"], year=2001))
    project.add("one-far.md", summary_text(title="Shares one topic, far in time", topics=["wellbeing"], year=2025, published="2026-06-01"))
    project.add("one-near.md", summary_text(title="Shares one topic, near in time", topics=["discrimination"], year=2014, published="2020-01-01"))
    project.add("none.md", summary_text(title="Shares nothing at all", topics=["quality-of-care"], year=2015))
    library = project.library()
    related = [s.slug for s in library.related(library.summary("target"))]
    assert related == ["two-shared", "one-near", "one-far"]


def test_related_lists_do_not_all_point_at_the_newest_summaries(project):
    """Among equals, the pick is spread over the library: no summary is in every list because it is new."""
    for number in range(12):
        project.add(f"study-{number:02d}.md", summary_text(title=f"A study numbered {number:02d}", published=f"2025-01-{number + 1:02d}"))
    library = project.library()
    lists = {s.slug: [r.slug for r in library.related(s)] for s in library.summaries}
    counts = {slug: sum(slug in picked for picked in lists.values()) for slug in lists}
    assert all(len(picked) == library.settings.related_count and s not in picked for s, picked in lists.items())
    assert max(counts.values()) < len(lists) - 1
    assert sum(1 for c in counts.values() if c) > library.settings.related_count + 1


def test_among_equal_topics_who_a_study_is_about_and_its_practice_area_come_before_the_year(project):
    project.add("target.md", summary_text(topics=["communication"], populations=["families-and-carers"], practice_area="children-and-families", year=2015))
    project.add("alike.md", summary_text(title="About the same people, long before", topics=["communication"], populations=["families-and-carers"], practice_area="children-and-families", year=1990))
    project.add("near.md", summary_text(title="About other people, the same year", topics=["communication"], year=2015))
    project.add("other.md", summary_text(title="A study on another topic altogether", topics=["quality-of-care"], populations=["families-and-carers"], practice_area="children-and-families", year=2015))
    library = project.library()
    assert [s.slug for s in library.related(library.summary("target"))] == ["alike", "near"]


def test_in_a_large_topic_no_summary_is_in_more_than_a_few_related_lists(project):
    """Each summary weighs only its neighbours in a fixed order of its topics, so a topic larger than
    that neighbourhood still gives every summary a full list, and no summary is in many of them."""
    for number in range(150):
        project.add(f"study-{number:03d}.md", summary_text(title=f"A study numbered {number:03d}", published=f"2025-{number % 12 + 1:02d}-01"))
    library = project.library()
    count = library.settings.related_count
    lists = {s.slug: [r.slug for r in library.related(s)] for s in library.summaries}
    assert all(len(picked) == count and slug not in picked for slug, picked in lists.items())
    listed = Counter(slug for picked in lists.values() for slug in picked)
    assert max(listed.values()) <= 2 * count, listed.most_common(3)
    assert lists == {s.slug: [r.slug for r in library.related(s)] for s in project.library().summaries}, "the same on every load"


def _plainly_ranked(summaries: list[Summary], count: int, window: int) -> dict[str, list[str]]:
    """The ranking as ``evidence.model.related`` describes it, written the plain way: every pair compared by its fields."""
    rings = {}
    for s in summaries:
        for topic in dict.fromkeys(s.values("topics")):
            rings.setdefault(topic, []).append(s)
    rings = {topic: sorted(ring, key=lambda s: _spread(s.slug)) for topic, ring in rings.items()}
    ranked = {}
    for s in summaries:
        shared, nearest = Counter(), {}
        for topic in dict.fromkeys(s.values("topics")):
            ring, place = rings[topic], rings[topic].index(s)
            size = len(ring)
            offsets = range(size) if size <= window + 1 else range(-(window // 2), window - window // 2 + 1)
            for offset in offsets:
                other, distance = ring[(place + offset) % size], min(offset % size, -offset % size)
                if other is not s:
                    shared[other.slug] += 1
                    nearest[other.slug] = min(distance, nearest.get(other.slug, distance))
        by_slug = {o.slug: o for o in summaries}
        alike = {o.slug: {(name, v) for name in FACETS for v in o.values(name)} for o in summaries}

        def key(slug, s=s, shared=shared, nearest=nearest):
            mine, theirs = s.year, by_slug[slug].year
            years = abs(theirs - mine) if isinstance(mine, int) and isinstance(theirs, int) else 10_000
            return (-shared[slug], -len(alike[s.slug] & alike[slug]), years, nearest[slug], slug)

        ranked[s.slug] = sorted(shared, key=key)[:count]
    return ranked


_FIELDS = st.fixed_dictionaries({
    "topics": st.lists(st.sampled_from("abcd"), max_size=3),
    "year": st.one_of(st.none(), st.integers(1990, 2000)),
    "populations": st.lists(st.sampled_from("xy"), max_size=2),
    "practice_area": st.sampled_from(["p", "q"]),
})


@given(st.lists(_FIELDS, max_size=14), st.integers(0, 5), st.integers(0, 6))
def test_related_lists_are_the_ranking_written_plainly(fields, count, window):
    """However topics, years and facets fall, and whether a topic is read whole or around a summary's place."""
    summaries = [Summary(f"s{n}", f"s{n}.md", {k: v for k, v in data.items() if v is not None}, "", 1) for n, data in enumerate(fields)]
    found = {slug: [s.slug for s in picked] for slug, picked in rank_related(summaries, count, window).items()}
    assert found == _plainly_ranked(summaries, count, window)


def test_facet_terms_list_summaries_newest_first_and_keep_vocabulary_order(project):
    project.add("older.md", summary_text(title="The older study here", published="2024-05-01"))
    project.add("newer.md", summary_text(title="The newer study here", published="2025-05-01"))
    library = project.library()
    topic = library.facet("topic")
    assert [t.id for t in topic.terms] == [t.id for t in library.vocabularies["topics"]], "the vocabulary's order"
    assert [s.slug for s in topic.term("communication").summaries] == ["newer", "older"]
    assert [t.id for t in library.facet("year").terms] == ["2021"]


def test_a_reload_reports_the_same_problems_as_a_fresh_load(project):
    """Unchanged files are not read again (evidence/model/read_cache.py), but their problems are still reported."""
    project.add("old.md", summary_text(title="An old study of talking mats", published="2019-01-01"))
    project.add("edited.md", summary_text(title="A study edited between loads"))
    first = [str(p) for p in project.library().problems.sorted()]
    assert any(p.startswith("research_summaries/old.md:") for p in first), "the old summary is due for review"
    project.add("edited.md", summary_text(title="A study edited between loads", year="last year"))
    again = [str(p) for p in project.library().problems.sorted()]
    assert [p for p in again if p.startswith("research_summaries/old.md:")] == [p for p in first if p.startswith("research_summaries/old.md:")]
    assert any(p.startswith("research_summaries/edited.md:") and "year" in p for p in again), again
    (project.root / "data/vocabularies/topics.yml").write_text("label: Topic\nterms: []\n", encoding="utf-8")
    changed = [str(p) for p in project.library().problems.sorted()]
    assert any("communication" in p and p.startswith("research_summaries/old.md:") for p in changed), "a vocabulary change re-reads every summary"
