"""One fault, one message: a broken file is reported once, and what depends on it is not blamed.

Each test breaks one file of a small project and asserts the whole list of
errors an editor sees: the broken file's own message, and nothing else.
"""

from __future__ import annotations

from conftest import summary_text

PATH = """\
---
title: A path about talking mats
summary: A path on finding out what people really understand and want, for practitioners.
audience:
  - practitioners
time: 50
standards:
  - swe:1.2
steps:
  - summary: talking-mats
    why: Almost half of people with learning disabilities find communication very hard.
    questions:
      - How do you check what someone has really understood?
  - title: An outside page
    url: https://example.org/page
    kind: Web page
    why: Almost half of people with learning disabilities find communication very hard.
    questions:
      - How do you check what someone has really understood?
facilitator_notes:
  - Start with the first step and talk about it for ten minutes.
---

Why this path exists.
"""


def errors(project) -> list[str]:
    return [str(p) for p in project.library().problems.sorted() if p.is_error]


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(start))


def a_project_using_a_framework(project) -> str:
    """A summary and a reading path that both cite the same framework; returns its id."""
    framework = sorted((project.root / "data" / "frameworks").glob("*.yml"))[0].stem
    standard = project.library().frameworks[framework].standards[0].qualified
    project.add("talking-mats.md", summary_text(standards=[standard]))
    project.add_reading_path("a-path.md", PATH.replace("swe:1.2", standard))
    assert errors(project) == []
    return framework


def test_a_broken_framework_file_is_the_only_error(project):
    framework = a_project_using_a_framework(project)
    path = project.root / "data" / "frameworks" / f"{framework}.yml"
    text = path.read_text(encoding="utf-8").replace("short_title:", "short_titel:", 1)
    path.write_text(text, encoding="utf-8")
    assert errors(project) == [f"data/frameworks/{framework}.yml:{line_of(text, 'short_titel:')}: unknown field 'short_titel'; did you mean 'short_title'?"]


def test_a_framework_that_cannot_be_parsed_is_the_only_error(project):
    framework = a_project_using_a_framework(project)
    path = project.root / "data" / "frameworks" / f"{framework}.yml"
    path.write_text("title: [unclosed\n", encoding="utf-8")
    shown = errors(project)
    assert len(shown) == 1 and shown[0].startswith(f"data/frameworks/{framework}.yml:"), shown


def test_a_broken_vocabulary_blames_no_facet_and_still_checks_summaries(project):
    topics = project.root / "data" / "vocabularies" / "topics.yml"
    text = topics.read_text(encoding="utf-8").replace("description:", "descripton:", 1)
    topics.write_text(text, encoding="utf-8")
    study = summary_text(topics=["communication", "comunication-skills-and-things"])
    project.add("talking-mats.md", study)
    shown = errors(project)
    assert not any("has no file" in line for line in shown), shown
    assert shown[0] == f"data/vocabularies/topics.yml:{line_of(text, 'descripton:')}: unknown field 'descripton'; did you mean 'description'?"
    assert len(shown) == 2 and shown[1].startswith(f"research_summaries/talking-mats.md:{line_of(study, '- comunication-skills')}: 'topics': 'comunication-skills-and-things' is not a known"), shown


def test_an_unreadable_summary_is_not_called_a_wrong_name_by_reading_paths(project):
    project.add("talking-mats.md", summary_text().replace("title: Talking", "title: [Talking", 1))
    project.add_reading_path("a-path.md", PATH)
    shown = errors(project)
    assert shown == ["research_summaries/talking-mats.md:2: a '[' opened on this line is never closed: add ']' after the last item, or put the whole value in quotes"]


def test_a_missing_nested_field_is_reported_where_it_belongs(project):
    text = summary_text(source={"citation": "Example findings 1", "open_access": True})
    project.add("talking-mats.md", text)
    shown = errors(project)
    assert len(shown) == 1 and shown[0].startswith(f"research_summaries/talking-mats.md:{line_of(text, 'citation:') + 1}: missing required field 'url' in 'source': add 'url:'"), shown


def test_a_value_with_a_line_break_is_quoted_on_one_line(project, capsys):
    """Found by the property tests: a quoted "a\\nb" split one message over two lines."""
    from evidence_cli.check import check

    text = summary_text().replace("- communication", '- "comm\\nunication"')
    project.add("talking-mats.md", text)
    assert check(project.root) == 1
    out = capsys.readouterr().out.splitlines()
    line = line_of(text, '- "comm')
    assert out[0] == f"research_summaries/talking-mats.md:{line}: 'topics': 'comm\\nunication' is not a known topic; did you mean 'communication'? (to add a new value, add a term to data/vocabularies/topics.yml)"
    assert out[1].startswith("Checked ")
