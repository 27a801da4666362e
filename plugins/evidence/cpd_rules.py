"""The regulator's CPD rules and record fields, read from ``data/cpd.yml``.

Rules change (Social Work England has consulted on reform) and differ between
the UK nations, so the registration year, the number of pieces, the peer
reflection requirement and the fields of a record are data. The browser gets
them as JSON in the page (see :meth:`CpdRules.browser_data`); the scripts
contain no rule of their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .framework import Frameworks, Standard, standard_problems
from .front_matter import line_of
from .problems import Problems
from .project_files import refused_file
from .schema import Schema


@dataclass(frozen=True)
class CpdField:
    """One question of a CPD record, such as 'What I learnt'."""

    id: str
    label: str
    input: str
    help: str = ""
    required: bool = False
    peer_reflection: bool = False
    lines: int = 1
    prefill: str = ""


@dataclass(frozen=True)
class CpdType:
    id: str
    label: str
    default_for: tuple[str, ...] = ()


@dataclass
class CpdRules:
    regulator: str
    year_start: str  # MM-DD
    year_end: str
    pieces: int
    with_peer_reflection: int
    storage_key: str
    fields: list[CpdField]
    types: list[CpdType]
    path: str
    renewal: tuple[str, str] | None = None
    focus: Standard | None = None
    notes: list[str] = field(default_factory=list)
    types_note: str = ""

    @classmethod
    def load(cls, file: Path, root: Path, frameworks: Frameworks, problems: Problems) -> "CpdRules | None":
        """The rules, or None (with every problem reported) if the file is missing or wrong."""
        rel = file.relative_to(root).as_posix()
        if refused_file(file, root, problems):
            return None
        if not file.is_file():
            problems.warning(rel, 1, "no CPD rules file: the 'Record as CPD' panel and My CPD page stay empty until you add one")
            return None
        found = Schema("cpd").read_file(file, rel, problems)
        if found is None:
            return None
        data, lines = found
        before = len(problems.errors)
        _check(data, lines, rel, frameworks, problems)
        return None if len(problems.errors) > before else _build(data, rel, frameworks)

    def field_for(self, input_kind: str) -> CpdField | None:
        return next((f for f in self.fields if f.input == input_kind), None)

    @property
    def peer_field(self) -> CpdField | None:
        return next((f for f in self.fields if f.peer_reflection), None)

    def default_type(self, page_kind: str) -> str:
        """The type chosen in advance on a summary or a reading path, if the data names one."""
        return next((t.id for t in self.types if page_kind in t.default_for), "")

    @property
    def year_label(self) -> str:
        return f"{month_day(self.year_start)} to {month_day(self.year_end)}"

    @property
    def renewal_label(self) -> str:
        return f"{month_day(self.renewal[0])} to {month_day(self.renewal[1])}" if self.renewal else ""

    def focus_options(self) -> list[Standard]:
        """Standards offered in every record: the focus standard's sub-standards (or itself)."""
        if not self.focus:
            return []
        return list(self.focus.children) or [self.focus]

    def standard_options(self, frameworks: Frameworks, ids: list[str]) -> list[Standard]:
        """Checkboxes for a record: the page's own standards first, then the focus sub-standards."""
        chosen = [s for s in map(frameworks.resolve, ids) if s]
        return chosen + [s for s in self.focus_options() if s not in chosen]

    def browser_data(self, frameworks: Frameworks | None = None) -> dict[str, Any]:
        """Everything the scripts need; with ``frameworks``, labels for every standard (for the export)."""
        data: dict[str, Any] = {
            "storage_key": self.storage_key,
            "registration_year": {"start": self.year_start, "end": self.year_end},
            "requirements": {"pieces": self.pieces, "with_peer_reflection": self.with_peer_reflection},
            "fields": [{"id": f.id, "label": f.label, "input": f.input, "peer_reflection": f.peer_reflection, "prefill": f.prefill} for f in self.fields],
            "types": {t.id: t.label for t in self.types},
        }
        if frameworks is not None:
            data["standards"] = {s.qualified: f"{s.title}: {s.label}" for s in frameworks.standards()}
        return data


def month_day(value: str) -> str:
    """``12-01`` -> ``1 December``."""
    day = dt.date(2000, *(int(p) for p in value.split("-")))
    return f"{day.day} {day.strftime('%B')}"


def _check(data: dict, lines: dict, rel: str, frameworks: Frameworks, problems: Problems) -> None:
    """Rules the schema cannot express, each reported at its line."""
    for key in ("registration_year", "renewal_window"):
        for end in ("start", "end"):
            value = (data.get(key) or {}).get(end)
            if value and not _real_day(value):
                problems.error(rel, line_of(lines, (key, end)), f"'{key}.{end}': {value} is not a day of the year; write MM-DD, for example 12-01")
    _check_fields(data, lines, rel, problems)
    requirements = data["requirements"]
    if requirements["with_peer_reflection"] > requirements["pieces"]:
        problems.error(rel, line_of(lines, ("requirements", "with_peer_reflection")), "'requirements.with_peer_reflection' cannot be more than 'requirements.pieces'")
    for where, message in standard_problems(frameworks, data.get("focus_standard"), ("focus_standard",)):
        problems.error(rel, line_of(lines, where), message)


def _check_fields(data: dict, lines: dict, rel: str, problems: Problems) -> None:
    fields = data["fields"]
    ids = [f["id"] for f in fields]
    for index, field_id in enumerate(ids):
        if ids.index(field_id) != index:
            problems.error(rel, line_of(lines, ("fields", index, "id")), f"field id '{field_id}' is used twice; give each field its own id")
    for kind, why in (("date", "to place each entry in a registration year"), ("standards", "to record which standards an entry shows")):
        if sum(1 for f in fields if f["input"] == kind) != 1:
            problems.error(rel, line_of(lines, ("fields",)), f"'fields' needs exactly one field with 'input: {kind}', {why}")
    peers = sum(1 for f in fields if f.get("peer_reflection"))
    if peers > 1 or (peers == 0 and data["requirements"]["with_peer_reflection"] > 0):
        problems.error(rel, line_of(lines, ("fields",)), "'fields' needs exactly one field with 'peer_reflection: true' while 'requirements.with_peer_reflection' is above 0")


def _real_day(value: str) -> bool:
    try:
        dt.date(2000, *(int(p) for p in value.split("-")))  # 2000 is a leap year: 02-29 is allowed
    except ValueError:
        return False
    return True


def _build(data: dict, rel: str, frameworks: Frameworks) -> CpdRules:
    fields = [CpdField(f["id"], f["label"], f["input"], f.get("help", ""), f.get("required", False), f.get("peer_reflection", False), f.get("lines", 1), f.get("prefill", "")) for f in data["fields"]]
    types = [CpdType(t["id"], t["label"], tuple(t.get("default_for", ()))) for t in data["types"]]
    renewal = data.get("renewal_window")
    return CpdRules(
        data["regulator"], data["registration_year"]["start"], data["registration_year"]["end"],
        data["requirements"]["pieces"], data["requirements"]["with_peer_reflection"], data["storage_key"], fields, types, rel,
        renewal=(renewal["start"], renewal["end"]) if renewal else None,
        focus=frameworks.resolve(data["focus_standard"]) if data.get("focus_standard") else None,
        notes=list(data.get("notes", [])), types_note=data.get("types_note", ""),
    )
