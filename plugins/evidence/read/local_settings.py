"""A council's own settings, ``local/settings.yml``, layered over the project's ``mkdocs.yml``.

The project never ships or edits anything under ``local/``, so a council's
identity (name, address, logo, colours, contact, footer links), its choices
(what to hide, plugin options) and its own content never conflict with an
update pulled from upstream. ``check`` and the build read the file through
here, so both report the same located problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import palette
from .front_matter import line_of
from .options import sound_options
from .problems import Problems
from .schema import Schema

FOLDER = "local"
FILE = f"{FOLDER}/settings.yml"
IDENTITY = ("site_name", "site_url", "site_description", "copyright")


@dataclass
class LocalSettings:
    """What a copy sets for itself; empty when it sets nothing."""

    data: dict[str, Any] = field(default_factory=dict)
    lines: dict = field(default_factory=dict, repr=False)
    problems: Problems = field(default_factory=Problems, repr=False)

    @classmethod
    def load(cls, root: Path) -> "LocalSettings":
        """The file's settings if it is sound; otherwise none of them, with every problem located."""
        file = root / FILE
        problems = Problems()
        if not file.is_file():
            return cls(problems=problems)
        found = Schema("local_settings").read_file(file, FILE, problems)
        if found is None:
            return cls(problems=problems)
        data, lines = found
        local = cls(data or {}, lines, problems)
        local._check_options()
        local._check_colours()
        local._check_logo(root)
        return local

    def _check_options(self) -> None:
        """The plugin's options, checked by the one options schema; only sound ones are kept."""
        if "evidence" in self.data:
            lines = {path[1:]: line for path, line in self.lines.items() if path[:1] == ("evidence",)}
            self.data["evidence"] = sound_options(self.data["evidence"], lines, FILE, self.problems, self.line("evidence"))

    def _check_colours(self) -> None:
        for failure in palette.failures(self.colours):
            self.problems.error(FILE, line_of(self.lines, ("colours", failure.setting), line_of(self.lines, ("colours",))), failure.message)

    def _check_logo(self, root: Path) -> None:
        logo = self.data.get("logo")
        if logo and not (root / FOLDER / "content" / logo).is_file():
            self.problems.error(FILE, line_of(self.lines, ("logo",)), f"'logo': there is no file {FOLDER}/content/{logo}; put the image there or fix the path")

    @property
    def identity(self) -> dict[str, str]:
        """The MkDocs settings this copy replaces (site_url always ends with a slash, as MkDocs writes it)."""
        chosen = {key: self.data[key] for key in IDENTITY if key in self.data}
        if "site_url" in chosen and not chosen["site_url"].endswith("/"):
            chosen["site_url"] += "/"
        return chosen

    @property
    def colours(self) -> dict[str, str]:
        return dict(self.data.get("colours") or {})

    @property
    def plugin_options(self) -> dict[str, Any]:
        return dict(self.data.get("evidence") or {})

    @property
    def hidden(self) -> dict[str, list[str]]:
        return {key: list(values) for key, values in (self.data.get("hide") or {}).items()}

    def line(self, *path: Any) -> int:
        return line_of(self.lines, tuple(path))

    def footer(self) -> dict[str, Any]:
        """What the footer shows beside the copyright line."""
        return {"contact": self.data.get("contact") or {}, "links": self.data.get("footer_links") or []}
