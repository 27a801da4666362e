"""``python3 build.py report``: what editors should look at next.

Summaries due for review, and sources readers may not be able to open: about
half of social work journal articles have no free full text, so a summary
without an open-access link is worth a second look.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from evidence.model.library import load_library
from evidence.outputs.analytics import from_settings, report_lines
from evidence.read.settings import Settings

from .output import plural


def report(root: Path) -> int:
    library = load_library(Settings.from_mkdocs_yml(root / "mkdocs.yml"))
    years = library.settings.review_after_years
    today = dt.date.today()
    due = sorted((s for s in library.summaries if s.review_due(years, today)), key=lambda s: s.last_checked)
    closed = [s for s in library.summaries if s.source.get("open_access") is not True]
    print(f"Due for review (not checked for over {years} years): {len(due)}")
    for summary in due:
        print(f"  {summary.path}  last checked {summary.last_checked.isoformat()}")
    print(f"Sources without a confirmed open-access link: {len(closed)}")
    for summary in closed:
        state = "paywalled" if summary.source.get("open_access") is False else "not stated"
        print(f"  {summary.path}  ({state}) {summary.source['url']}")
    print(f"{plural(len(library.summaries), 'summary', 'summaries')} in all.")
    print("\n".join(report_lines(from_settings(library.settings))))
    return 0
