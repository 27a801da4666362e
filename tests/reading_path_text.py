"""A valid reading path as its file holds it, for tests that change one thing in it or build it.

One text for every test, so a change to the reading-path schema is made once
here rather than in each test file's own copy.
"""

from __future__ import annotations

TEMPLATE = """\
---
title: Hearing people who are rarely heard
summary: A short path on checking what people really understand, for practitioners and students.
audience:
  - practitioners
  - students
time: 40
standards:
  - swe:1.3
  - pcf:7
steps:
  - summary: {summary}
    time: 15
    why: A study that watched everyday conversations as well as asking people about them.
    questions:
      - How do you check what someone has understood?
  - title: A project page about the follow-on study
    url: https://example.org/projects/p1
    kind: Research project page
    why: Single studies are rarely the last word, so see what comes next.
    questions:
      - How do you keep up with research still under way?
facilitator_notes:
  - Allow 45 minutes and ask people to read step 1 beforehand.
---

{body}
"""


def reading_path_text(body: str = "This path brings two things together.", summary: str = "talking-mats") -> str:
    """The path with ``body`` below its front matter; its first step is the summary ``summary``."""
    return TEMPLATE.format(summary=summary, body=body)
