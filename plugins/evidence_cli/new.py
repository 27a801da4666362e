"""``python3 build.py new "Title"``: write a summary file ready to fill in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from evidence.model.library import load_vocabularies
from evidence.model.scaffold import scaffold, slug_for
from evidence.read.local_settings import FILE as LOCAL_FILE
from evidence.read.local_settings import FOLDER as LOCAL
from evidence.read.problems import printable
from evidence.read.schema import Schema
from evidence.read.settings import Settings

EXAMPLE = 'python3 build.py new "Communication passports for people with learning disabilities"'


def new(root: Path, title: str) -> int:
    """The file is named from the title's first words (see ``evidence.model.scaffold.slug_for`` for the limits)."""
    slug = slug_for(title)
    if not slug:
        print(f"The title {printable(title)!r} has no letters or digits to name the file after. Give the study's plain-English title in quotes, for example: {EXAMPLE}")
        return 2
    settings = Settings.from_mkdocs_yml(root / "mkdocs.yml")
    # A copy with its own settings keeps its summaries in its overlay, apart from the project's.
    folder = f"{LOCAL}/{settings.summaries_dir}" if (root / LOCAL_FILE).is_file() else settings.summaries_dir
    target = settings.path(folder) / f"{slug}.md"
    rel = target.relative_to(root).as_posix()
    if (settings.path(settings.summaries_dir) / target.name).exists() and folder != settings.summaries_dir:
        print(f"{settings.summaries_dir}/{target.name} already exists in the project; nothing was written. Choose a different title, or to replace it, copy that file to {rel}.")
        return 1
    text = scaffold(printable(title), Schema("summary"), load_vocabularies(settings), dt.date.today())
    refused = _write_new(target, text, rel, folder)
    if refused:
        print(refused)
        return 1
    print(f"Wrote {rel}. Replace every FILL IN, then run: python3 build.py check")
    return 0


def _write_new(target: Path, text: str, rel: str, folder: str) -> str | None:
    """Create the file, never overwriting one (or following a link left there); why not, if not."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"Could not write {rel} ({exc.strerror}); nothing was written. Make {folder}/ a folder you can write to."
    try:
        with open(target, "x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        return f"{rel} already exists; nothing was written. Choose a different title or edit that file."
    except OSError as exc:
        return f"Could not write {rel} ({exc.strerror}); nothing was written. Make {folder}/ a folder you can write to."
    return None
