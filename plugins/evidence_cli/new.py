"""``python3 build.py new "Title"``: write a summary file ready to fill in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from evidence.problems import Problems
from evidence.scaffold import scaffold, slug_for
from evidence.schema import Schema
from evidence.settings import Settings
from evidence.vocabulary import Vocabularies


def new(root: Path, title: str) -> int:
    if not any(ch.isalnum() for ch in title):
        print('Give the study\'s plain-English title in quotes, for example: python3 build.py new "Communication passports for people with learning disabilities"')
        return 2
    settings = Settings.from_mkdocs_yml(root / "mkdocs.yml")
    target = settings.path(settings.summaries_dir) / f"{slug_for(title)}.md"
    if target.exists():
        print(f"{target.relative_to(root)} already exists; nothing was written. Choose a different title or edit that file.")
        return 1
    problems = Problems()
    vocabularies = Vocabularies.load(settings.path(settings.data_dir) / "vocabularies", root, problems)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(scaffold(title, Schema("summary"), vocabularies, dt.date.today()), encoding="utf-8")
    rel = target.relative_to(root).as_posix()
    print(f"Wrote {rel}. Replace every FILL IN, then run: python3 build.py check")
    return 0
