"""A value YAML cannot hold, or would silently change, is a located error with the fix.

Tags that cannot construct their value, numbers Python refuses, dates Python
cannot hold and YAML 1.1's surprises (``yes``, ``0x7E4``, ``33:40``, ``2020.0``)
each give one ``path:line: message`` saying what was read and what to write.
"""

from __future__ import annotations

import pytest

from conftest import summary_text

NAME = "research_summaries/study.md"


def only_error(project, text):
    project.add("study.md", text)
    errors = [str(p) for p in project.library().problems.sorted() if p.is_error]
    assert len(errors) == 1, errors
    return errors[0]


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("year: !!int abc", "'!!int abc' cannot be read: the !!int tag needs a whole number; delete '!!int' and write the value plainly"),
        ("year: !!float x", "'!!float x' cannot be read: the !!float tag needs a number; delete '!!float' and write the value plainly"),
        ("year: !!bool maybe", "'!!bool maybe' cannot be read: the !!bool tag needs true or false; delete '!!bool' and write the value plainly"),
        ("year: !!timestamp nope", "'!!timestamp' values are not allowed; delete the tag and write plain text, a number, true or false"),
        ("year: !!binary aGVsbG8=", "'!!binary' values are not allowed; delete the tag and write plain text, a number, true or false"),
        ("year: !!python/object:os.system x", "'!!python/object:os.system' values are not allowed; delete the tag and write plain text, a number, true or false"),
        ("year: " + "9" * 5000, "this number has 5000 digits, more than any field takes (60 at most): shorten it, or put it in quotes if it is text"),
    ],
    ids=["int", "float", "bool", "timestamp", "binary", "python", "huge-number"],
)
def test_a_value_yaml_cannot_construct_is_a_located_error(project, written, message):
    text = summary_text().replace("year: 2021", written)
    assert only_error(project, text) == f"{NAME}:{line_of(text, 'year:')}: {message}"


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("2020.0", "'year' must be a whole number: YAML reads 2020.0 as a decimal number; write 2020"),
        ("0x7E4", "'year' must be a whole number, not \"0x7E4\": '0x7E4' is read as text here (some YAML tools read it as 2020); write 2020"),
        ("2_020", "'year' must be a whole number, not \"2_020\": '2_020' is read as text here (some YAML tools read it as 2020); write 2020"),
        ("33:40", "'year' must be a whole number, not \"33:40\": '33:40' is read as text here (some YAML tools read it as 2020); write 2020"),
        ("0o17", "'year' must be a whole number, not \"0o17\""),
        ("1e3", "'year' must be a whole number, not \"1e3\""),
    ],
)
def test_yaml_1_1_numbers_are_never_silently_a_year(project, written, fix):
    text = summary_text().replace("year: 2021", f"year: {written}")
    assert only_error(project, text) == f"{NAME}:{line_of(text, 'year:')}: {fix}"


def test_a_decimal_year_makes_no_second_browse_page(project):
    """2020.0 was once a valid year that became /browse/year/2020-0/ beside /browse/year/2020/."""
    project.add("other.md", summary_text(year=2020))
    text = summary_text(title="Another study of talking mats").replace("year: 2021", "year: 2020.0")
    project.add("study.md", text)
    library = project.library()
    assert [str(p) for p in library.problems.errors] == [f"{NAME}:{line_of(text, 'year:')}: 'year' must be a whole number: YAML reads 2020.0 as a decimal number; write 2020"]
    assert [t.id for t in library.facet_for_field("year").used_terms] == ["2020"]


@pytest.mark.parametrize(
    ("field", "written", "fix"),
    [
        ("  open_access: true", "  open_access: yes", "'source.open_access' must be true or false, not \"yes\": 'yes' is read as text here; write true"),
        ("  open_access: true", "  open_access: off", "'source.open_access' must be true or false, not \"off\": 'off' is read as text here; write false"),
    ],
)
def test_yes_and_off_are_text_and_the_message_says_what_to_write(project, field, written, fix):
    text = summary_text().replace(field, written)
    assert only_error(project, text) == f"{NAME}:{line_of(text, written)}: {fix}"


def test_yes_where_text_is_wanted_stays_the_word_the_editor_wrote(project):
    project.add("study.md", summary_text(authors=["Placeholder"]).replace("- Placeholder", "- no"))
    library = project.library()
    assert not library.problems.errors
    assert library.summaries[0].get("authors") == ["no"]


def test_a_number_where_text_is_wanted_says_to_quote_it(project):
    text = summary_text().replace("title: Talking mats in care homes", "title: 2021.5")
    assert only_error(project, text) == f"{NAME}:2: 'title' must be text, not 2021.5: YAML reads an unquoted 2021.5 as a number; put it in quotes, for example \"2021.5\""


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("02/12/2026", "'published' must be a date written YYYY-MM-DD: write \"02/12/2026\" as 2026-12-02"),
        ("2/12/2026", "'published' must be a date written YYYY-MM-DD: write \"2/12/2026\" as 2026-12-02"),
        ("2 December 2026", "'published' must be a date written YYYY-MM-DD: write \"2 December 2026\" as 2026-12-02"),
        ("December 2, 2026", "'published' must be a date written YYYY-MM-DD: write \"December 2, 2026\" as 2026-12-02"),
        ("2026/12/2", "'published' must be a date written YYYY-MM-DD: write \"2026/12/2\" as 2026-12-02"),
        ("12/25/2026", "'published' must be a real date written YYYY-MM-DD; \"12/25/2026\" is not a date on the calendar"),
        ("0000-01-01", "'published' must be a real date written YYYY-MM-DD; \"0000-01-01\" is not a date on the calendar"),
        ("99999-01-01", "'published' must be a real date written YYYY-MM-DD; \"99999-01-01\" is not a date on the calendar"),
    ],
    ids=["uk", "uk-short", "words", "us-words", "year-first", "month-first", "year-0", "year-99999"],
)
def test_dates_in_other_forms_get_the_iso_form_to_write(project, written, message):
    text = summary_text().replace("published: '2026-01-15'", f"published: {written}")
    assert only_error(project, text) == f"{NAME}:{line_of(text, 'published:')}: {message}"


@pytest.mark.parametrize("kind", ["framework", "vocabulary", "cpd", "reading path"])
@pytest.mark.parametrize("written", ["!!int abc", "9" * 5000, "!!python/name:os.system"])
def test_every_yaml_file_answers_an_impossible_value_at_its_line(project, kind, written):
    """The same reader serves every file: data files and reading paths answer as summaries do."""
    from test_one_fault_one_message import PATH

    from conftest import WALES

    cpd = project.library().settings.cpd_file.relative_to(project.root).as_posix()
    rel, valid, field = {
        "framework": ("data/frameworks/wales.yml", WALES, "version:"),
        "vocabulary": ("data/vocabularies/topics.yml", (project.root / "data/vocabularies/topics.yml").read_text(encoding="utf-8"), "label:"),
        "cpd": (cpd, (project.root / cpd).read_text(encoding="utf-8"), "regulator:"),
        "reading path": ("reading_paths/a-path.md", PATH, "time:"),
    }[kind]
    lines = valid.splitlines()
    at = next(n for n, line in enumerate(lines) if line.strip().startswith(field))
    lines[at] = lines[at].split(":")[0] + ": " + written
    path = project.root / rel
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = [str(p) for p in project.library().problems.sorted() if p.is_error]
    assert len(errors) == 1 and errors[0].startswith(f"{rel}:{at + 1}: "), errors
    assert "delete" in errors[0] or "shorten it" in errors[0], errors
