"""The words of the site's own interface, one file per language: ``data/ui/<code>.yml``.

Templates read them as ``ui.<key>``; the search script gets the ``script_*``
ones as JSON on pages in a language other than English (it knows the English).
Every language has the keys of ``en.yml``: a key missing from another
language's file is a warning naming it, and the English words stand in, so a
page is never left with a blank where a word should be.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from .languages import IN_ENGLISH, MAIN, Languages
from .problems import Problems
from .schema import Schema

FOLDER = "ui"
SCRIPT = "script_"


class Words(dict):
    """One language's words by key; ``script`` is what the search script needs, as JSON."""

    code: str = MAIN

    @property
    def script(self) -> str:
        return json.dumps({k[len(SCRIPT):]: v for k, v in self.items() if k.startswith(SCRIPT)}, ensure_ascii=False)

    def with_link(self, key: str, link_key: str, href: str) -> str:
        """A sentence with a link in it, as HTML: the words around the link differ by language ("You can also {link}.")."""
        link = f'<a href="{html.escape(href)}">{html.escape(self.get(link_key, ""))}</a>'
        return html.escape(self.get(key, "{link}"), quote=False).replace("{link}", link)


def load_words(folder: Path, root: Path, languages: Languages, problems: Problems, local: Path | None = None) -> dict[str, Words]:
    """Each published language's words (English always: the templates use them on every page)."""
    english = _read(MAIN, folder, root, problems, local)
    found = {MAIN: english}
    for code in languages.others:
        own = _read(code, folder, root, problems, local)
        missing = [key for key in english if key not in own]
        if missing:
            rel = _file(code, folder, local).relative_to(root).as_posix()
            problems.warning(rel, 1, f"no {IN_ENGLISH[code]} words for {', '.join(missing)}: the English ones stand in; add a line for each, as in {FOLDER}/{MAIN}.yml")
        found[code] = _words(code, {**english, **own})
    return found


def _file(code: str, folder: Path, local: Path | None) -> Path:
    """A copy's own words (local/data/ui/<code>.yml) replace the project's."""
    mine = local / f"{code}.yml" if local else None
    return mine if mine and mine.is_file() else folder / f"{code}.yml"


def _read(code: str, folder: Path, root: Path, problems: Problems, local: Path | None) -> Words:
    path = _file(code, folder, local)
    rel = path.relative_to(root).as_posix()
    if not path.is_file():
        problems.error(rel, 1, f"there is no file of {IN_ENGLISH[code]} interface words; copy {FOLDER}/{MAIN}.yml to {rel} and translate each line")
        return _words(code, {})
    found = Schema("ui_strings").read_file(path, rel, problems)
    return _words(code, found[0] if found and isinstance(found[0], dict) else {})


def _words(code: str, data: dict) -> Words:
    words = Words(data)
    words.code = code
    return words
