"""Search relevance, as data an editor owns: each summary names the searches that should find it.

The queries live in the summary's own ``search_queries:`` field, so a new summary
(bundled or a council's own) never fails a test for lacking them; ``check``
warns instead, at the summary, with the fix. The browser test
(tests/browser/test_search.py) runs every query that exists.
"""

from __future__ import annotations

from ..read.problems import Problems
from .summary import Summary

WANTED = 2


def queries(summary: Summary) -> list[str]:
    """The summary's searches that passed validation (none if the field is missing or wrong)."""
    return [q for q in summary.sound(("search_queries",)) or [] if isinstance(q, str)]


def check_search_queries(summaries: list[Summary], problems: Problems) -> None:
    """A summary with fewer than two searches is a warning: relevance for it is not being checked."""
    for summary in summaries:
        count = len(queries(summary))
        if count < WANTED:
            line = summary.lines.get(("search_queries",), 1)
            said = "no search query checks this summary" if not count else "only one search query checks this summary"
            problems.warning(summary.path, line, f"{said}; add {WANTED - count} under 'search_queries:', in the words a practitioner would type (not the title), that should find it first")
