"""The held-out questions file and its scoring, from inline text: what the browser test and the bench rely on."""

from __future__ import annotations

import pytest

from evidence_cli.search_relevance import QUESTIONS, Question, QuestionsError, answerable, load_questions, score


def write(tmp_path, text: str):
    path = tmp_path / "questions.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_entry_becomes_a_question_with_its_line(tmp_path):
    path = write(tmp_path, "# comment\n- question: how do I help lonely people\n  summary: loneliness\n\n- question: '  spaced  '\n  summary: other\n")
    assert load_questions(path) == [Question("how do I help lonely people", "loneliness", 2), Question("spaced", "other", 5)]


@pytest.mark.parametrize("text, line", [
    ("- question: no summary here\n", 1),
    ("- question: fine\n  summary: a\n- summary: b\n", 3),
    ("- question: ''\n  summary: a\n", 1),
    ("- question: [not, text]\n  summary: a\n", 1),
    ("- just a string\n", 1),
])
def test_an_incomplete_entry_is_refused_at_its_line(tmp_path, text, line):
    path = write(tmp_path, text)
    with pytest.raises(QuestionsError, match=rf"^{path}:{line}: each entry needs 'question:'.*and 'summary:'"):
        load_questions(path)


@pytest.mark.parametrize("text, message", [
    ("question: not a list\n", "write the questions as a list"),
    ("- question: [unclosed\n", ""),
    ("", "write the questions as a list"),
])
def test_a_file_that_is_not_a_list_of_entries_is_refused_with_a_line(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(QuestionsError, match=rf"^{path}:\d+: .*{message}"):
        load_questions(path)


def test_a_missing_file_is_a_message_not_a_traceback(tmp_path):
    with pytest.raises(QuestionsError, match=r"questions.yml:1: cannot read the questions file"):
        load_questions(tmp_path / "questions.yml")


def test_questions_about_summaries_this_copy_lacks_are_not_asked():
    questions = [Question("a", "kept", 1), Question("b", "gone", 2)]
    assert answerable(questions, {"kept", "other"}) == [questions[0]]


def test_score_counts_first_place_and_the_top_three_under_the_site_path():
    questions = [Question("first", "a", 1), Question("third", "b", 2), Question("fourth", "c", 3), Question("absent", "d", 4)]
    ranked = {
        "first": ["/council/research/a/", "/council/research/x/"],
        "third": ["/council/research/x/", "/council/about/", "/council/research/b/"],
        "fourth": ["/council/research/x/", "/council/research/y/", "/council/research/z/", "/council/research/c/"],
    }
    result = score(questions, ranked, "/council/")
    assert (result.asked, result.first, result.top) == (4, 1, 2)
    assert result.share(result.top) == 0.5 and result.line() == "4 questions: top-1 25% (1), top-3 50% (2)"
    assert [miss.split(" (line")[0] for miss in result.misses] == ["'fourth'", "'absent'"]
    assert "should find /council/research/c/" in result.misses[0]


def test_no_questions_scores_zero_rather_than_dividing_by_it():
    assert score([], {}, "/").share(0) == 0.0


def test_the_shipped_questions_file_reads_and_names_each_summary_by_its_file_name():
    questions = load_questions(QUESTIONS)
    assert questions and all(q.slug == q.slug.lower() and " " not in q.slug for q in questions)
    assert len({q.text for q in questions}) == len(questions), "a question is listed twice"
