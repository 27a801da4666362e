"""How well search answers practitioners' questions: held-out questions, each naming the summary it must find.

The questions (``tests/data/search_questions.yml``) are written from what the
summaries say, not from their titles, and are kept apart from the summaries' own
``search_queries:`` so ranking is never tuned to them. They are asked through
the real search page in Chromium (the same JavaScript ranking a reader gets:
phrasing dropped, the all-words search, the most-words fallback), and scored as
top-1 and top-3. A copy of the project without one of the summaries skips its
questions, so adding or removing summaries changes what is asked, never breaks it.

Used by ``python3 build.py bench`` (the figures) and by
``tests/browser/test_search_questions.py`` (a threshold on the same figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from evidence.read.front_matter import FrontMatterError, parse_yaml

QUESTIONS = Path(__file__).resolve().parents[2] / "tests" / "data" / "search_questions.yml"
TOP = 3

# True once the search page shows a finished search: a count and its first cards, or "No results".
READY_JS = """() => {
  const status = document.querySelector('[data-search-page] [data-search-status]');
  const text = status ? status.textContent : '';
  if (text.startsWith('No results')) return true;
  const total = Number((text.match(/^(\\d+) results?/) || [])[1]);
  return total > 0 && document.querySelectorAll('.ev-result').length === Math.min(total, 10);
}"""


@dataclass(frozen=True)
class Question:
    text: str
    slug: str
    line: int


@dataclass(frozen=True)
class Score:
    """How many questions were asked, how many found their summary first and in the top three, and the misses."""

    asked: int
    first: int
    top: int
    misses: tuple[str, ...]

    def share(self, count: int) -> float:
        return count / self.asked if self.asked else 0.0

    def line(self) -> str:
        return f"{self.asked} questions: top-1 {self.share(self.first):.0%} ({self.first}), top-{TOP} {self.share(self.top):.0%} ({self.top})"


class QuestionsError(ValueError):
    """The questions file cannot be read; the message is ``path:line: what to fix``."""


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    """Every entry with a question and a summary; anything else is refused with its line."""
    try:
        data, lines = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionsError(f"{path}:1: cannot read the questions file ({exc})") from None
    except FrontMatterError as exc:
        raise QuestionsError(f"{path}:{exc.line}: {exc.message}") from None
    if not isinstance(data, list):
        raise QuestionsError(f"{path}:1: write the questions as a list of entries with 'question:' and 'summary:'")
    return [_question(entry, lines.get((index,), 1), path) for index, entry in enumerate(data)]


def _question(entry, line: int, path: Path) -> Question:
    fields = entry if isinstance(entry, dict) else {}
    text, slug = fields.get("question"), fields.get("summary")
    if not (isinstance(text, str) and text.strip() and isinstance(slug, str) and slug.strip()):
        raise QuestionsError(f"{path}:{line}: each entry needs 'question:' (the words a reader types) and 'summary:' (the file name of the summary it must find)")
    return Question(text.strip(), slug.strip(), line)


def answerable(questions: list[Question], slugs: set[str]) -> list[Question]:
    """The questions whose summary this copy has: the others are not asked."""
    return [q for q in questions if q.slug in slugs]


def score(questions: list[Question], ranked: dict[str, list[str]], site_path: str) -> Score:
    """``ranked``: question -> result addresses, best first, as the search page lists them."""
    first = top = 0
    misses = []
    for question in questions:
        wanted = f"{site_path}research/{question.slug}/"
        urls = ranked.get(question.text, [])
        first += urls[:1] == [wanted]
        top += wanted in urls[:TOP]
        if wanted not in urls[:TOP]:
            misses.append(f"{question.text!r} (line {question.line}) should find {wanted}; got {urls[:TOP]}")
    return Score(len(questions), first, top, tuple(misses))


def ask(tab, base_url: str, questions: list[Question]) -> dict[str, list[str]]:
    """Each question typed into the search page's address, as a reader's shared link would; results as listed."""
    ranked = {}
    for question in questions:
        tab.goto(f"{base_url}/search/?q={quote(question.text)}")
        tab.wait_for_function(READY_JS, timeout=20_000)
        ranked[question.text] = tab.eval_on_selector_all(".ev-result__title a", "links => links.map(a => a.getAttribute('href'))")
    return ranked
