"""Which languages a copy publishes, and where each language's pages live.

One setting, ``languages`` (an option of the evidence plugin, so it can be set in
``local/settings.yml`` too), lists them; the first is the site's main language.
Main-language pages keep the addresses they have always had; every other
language's pages live under a folder named by its code (``/cy/research/<slug>/``),
so adding a language never moves a page anyone has bookmarked or cited.

A page's translation sits beside it with the language code before ``.md``
(``communication-passports.cy.md`` beside ``communication-passports.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Each language by its code (BCP 47, as in <html lang>), named in itself: a switcher says
# "Cymraeg" to a Welsh reader on an English page. The options schema lists the same codes.
NAMES = {"en": "English", "cy": "Cymraeg"}
IN_ENGLISH = {"en": "English", "cy": "Welsh"}  # for messages to editors, which are in English
MAIN = "en"  # the language of the project's own templates and content


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...] = (MAIN,)

    @property
    def main(self) -> str:
        return self.codes[0]

    @property
    def others(self) -> tuple[str, ...]:
        return self.codes[1:]

    @property
    def bilingual(self) -> bool:
        """More than one language: only then are there translated pages, switchers and alternates."""
        return len(self.codes) > 1

    def prefix(self, code: str) -> str:
        """The folder a language's pages live in: none for the main language, ``cy/`` for Welsh."""
        return "" if code == self.main else f"{code}/"

    def source(self, src: str, code: str) -> str:
        """A page's source path in one language: ``research/x.md`` -> ``cy/research/x.md``."""
        return self.prefix(code) + src


def translation_of(path: Path) -> tuple[str, str] | None:
    """``(name, code)`` for a translation's file (``x.cy.md`` -> ``("x", "cy")``), None for any other file."""
    stem, dot, code = path.stem.rpartition(".")
    return (stem, code) if dot and code in NAMES else None
