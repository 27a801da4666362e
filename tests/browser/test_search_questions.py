"""Practitioners' questions, held out from ranking: asked through the real search page of the built site.

The questions (tests/data/search_questions.yml) are written from what the
summaries say, not their titles, each naming the summary that must be in the
first three results. Only the questions whose summary this copy has are asked,
and the test holds the share that succeed to a threshold rather than each
question to a place, so adding a summary never fails it. `python3 build.py
bench` prints the same figures (top-1 and top-3) for the record.
"""

from __future__ import annotations

import pytest

from evidence_cli.search_relevance import TOP, answerable, ask, load_questions, score

# At least this share of the questions must find their summary in the first three results.
THRESHOLD = 0.8


def test_held_out_questions_find_their_summary_in_the_top_three(page, site_server, site_path, bundled_library):
    questions = answerable(load_questions(), {summary.slug for summary in bundled_library.summaries})
    if not questions:
        pytest.skip("none of the held-out questions is about a summary this copy has")
    page.set_viewport_size({"width": 1280, "height": 800})
    result = score(questions, ask(page, site_server, questions), site_path)
    misses = "\n".join(result.misses)
    assert result.share(result.top) >= THRESHOLD, f"{result.line()}; at least {THRESHOLD:.0%} should be in the top {TOP}. Missed:\n{misses}"
