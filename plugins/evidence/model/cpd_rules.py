"""The regulator's CPD rules and record fields, read from ``data/cpd/<nation>.yml``.

Rules change (Social Work England has consulted on reform) and differ between
the UK nations: England counts pieces of CPD each registration year, Northern
Ireland hours in a 3-year registration, Wales and Scotland count nothing and ask
for a declaration. So what counts as done, the registration year and the fields
of a record are data. The browser gets them as data in one shared script (see
:func:`browser_script`); the scripts contain no rule of their own.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..read.front_matter import line_of
from ..read.problems import Problems
from ..read.project_files import refused_file
from ..read.schema import Schema
from .framework import Frameworks, Standard, standard_problems


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


@dataclass(frozen=True)
class Requirement:
    """What counts as done: pieces per registration year, hours per registration period, or a declaration."""

    measure: str
    pieces: int = 0
    with_peer_reflection: int = 0
    hours: float = 0
    period_years: int = 0
    learning_plan: bool = False
    declaration: str = ""  # "renewal" or "yearly"
    mandatory: tuple[CpdType, ...] = ()

    def browser_data(self) -> dict[str, Any]:
        """Only what the chosen measure uses, so the scripts never see a rule that does not apply."""
        data: dict[str, Any] = {"measure": self.measure}
        if self.measure == "pieces":
            data.update(pieces=self.pieces, with_peer_reflection=self.with_peer_reflection)
        if self.measure == "hours":
            data.update(hours=self.hours, period_years=self.period_years)
        if self.mandatory:
            data["mandatory_learning"] = {t.id: t.label for t in self.mandatory}
        return data


@dataclass
class CpdRules:
    regulator: str
    requirement: Requirement
    storage_key: str
    fields: list[CpdField]
    types: list[CpdType]
    path: str
    year: tuple[str, str] | None = None  # MM-DD start and end of the registration year
    renewal: tuple[str, str] | None = None
    focus: Standard | None = None
    notes: list[str] = field(default_factory=list)
    types_note: str = ""
    source_url: str = ""
    source_note: str = ""

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

    @property
    def pieces(self) -> int:
        return self.requirement.pieces

    @property
    def with_peer_reflection(self) -> int:
        return self.requirement.with_peer_reflection

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
        return f"{month_day(self.year[0])} to {month_day(self.year[1])}" if self.year else ""

    @property
    def asks(self) -> str:
        """What the regulator asks for, in one or two sentences (the CPD pages show it)."""
        need, who = self.requirement, self.regulator
        if need.measure == "pieces":
            text = f"{who} asks for at least {need.pieces} pieces of CPD in each registration year ({self.year_label})"
            text += f", with a peer reflection in at least {need.with_peer_reflection} of them." if need.with_peer_reflection else "."
        elif need.measure == "hours":
            text = f"{who} asks for {need.hours:g} hours of learning in each {need.period_years}-year registration period"
            text += ", following a learning plan agreed with your employer." if need.learning_plan else "."
        else:
            when = "when you renew your registration" if need.declaration == "renewal" else "each year"
            text = f"{who} does not count hours or pieces of CPD: {when} you confirm that you have kept up your learning."
        if need.mandatory:
            text += f" It also makes learning on {_listed([t.label for t in need.mandatory])} mandatory."
        return text

    @property
    def tracks(self) -> str:
        """How My CPD follows the rules, so readers know what its progress line means."""
        need = self.requirement
        if need.measure == "pieces":
            return "My CPD counts the entries dated in this registration year."
        if need.measure == "hours":
            return "Give the hours of each piece of learning, and the date your current registration period started: My CPD adds up the hours in that period."
        moment = "renew" if need.declaration == "renewal" else "make your yearly declaration"
        covered = ", and shows which mandatory subjects your entries cover" if need.mandatory else ""
        return f"Keep a record here to draw on when you {moment}: My CPD counts your entries{covered}."

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

    def record_choices(self, frameworks: Frameworks, ids: list[str]) -> tuple[str, str]:
        """The record's checkboxes as the panel's data attributes (qualified ids, space-separated): every
        option, and those the page maps to, ticked in advance. Here, not in Jinja filters: every summary has a panel."""
        options = [s.qualified for s in self.standard_options(frameworks, ids)]
        return " ".join(options), " ".join(q for q in options if q in ids)

    def browser_data(self, frameworks: Frameworks) -> dict[str, Any]:
        """Everything the scripts need to count entries and to build the record's form, once for the
        whole site (see :func:`browser_script`): each page then carries only its own standards."""
        return {
            "regulator": self.regulator,
            "storage_key": self.storage_key,
            "registration_year": {"start": self.year[0], "end": self.year[1]} if self.year else None,
            "requirements": self.requirement.browser_data(),
            "fields": [_field_data(f) for f in self.fields],
            "types": {t.id: t.label for t in self.types},
            "type_order": [t.id for t in self.types],  # JSON objects promise no order
            "types_note": self.types_note,
            "mandatory_order": [t.id for t in self.requirement.mandatory],
            "focus": [s.qualified for s in self.focus_options()],
            "standards": {s.qualified: [s.title, s.shown_label] for s in frameworks.standards()},
        }


def browser_script(rules: CpdRules, frameworks: Frameworks) -> str:
    """The rules as a script file every page shares (``window.evidenceCpdRules``): a file, so the
    Content Security Policy needs nothing inline and the browser caches it, and loaded only when a
    reader reaches a CPD panel, so the rules and form cost a page nothing until then."""
    data = json.dumps(rules.browser_data(frameworks), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.evidenceCpdRules = {data};\n"


def _field_data(f: CpdField) -> dict[str, Any]:
    return {"id": f.id, "label": f.label, "input": f.input, "help": f.help, "required": f.required,
            "peer_reflection": f.peer_reflection, "lines": f.lines, "prefill": f.prefill}


def _listed(items: list[str]) -> str:
    """``a, b and c``."""
    return " and ".join(filter(None, [", ".join(items[:-1]), items[-1]])) if items else ""


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
    if requirements["measure"] == "pieces" and requirements["with_peer_reflection"] > requirements["pieces"]:
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
    need = data["requirements"]
    peers = sum(1 for f in fields if f.get("peer_reflection"))
    if peers > 1 or (peers == 0 and need.get("with_peer_reflection", 0) > 0 and need["measure"] == "pieces"):
        problems.error(rel, line_of(lines, ("fields",)), "'fields' needs exactly one field with 'peer_reflection: true' while 'requirements.with_peer_reflection' is above 0")
    _check_counted(fields, "hours", need["measure"] == "hours", "'requirements.measure' is hours", rel, lines, problems)
    _check_counted(fields, "checklist", bool(need.get("mandatory_learning")), "'requirements.mandatory_learning' lists subjects", rel, lines, problems)


def _check_counted(fields: list, kind: str, wanted: bool, reason: str, rel: str, lines: dict, problems: Problems) -> None:
    """One field of ``kind`` exactly when the requirement uses it: none would count nothing, two would count twice."""
    found = sum(1 for f in fields if f["input"] == kind)
    if wanted and found != 1:
        problems.error(rel, line_of(lines, ("fields",)), f"'fields' needs exactly one field with 'input: {kind}' while {reason}")
    if not wanted and found:
        problems.error(rel, line_of(lines, ("fields",)), f"'fields' has a field with 'input: {kind}', but nothing uses it: remove it, or set {reason.split(' ')[0]}")


def _real_day(value: str) -> bool:
    try:
        dt.date(2000, *(int(p) for p in value.split("-")))  # 2000 is a leap year: 02-29 is allowed
    except ValueError:
        return False
    return True


def _build(data: dict, rel: str, frameworks: Frameworks) -> CpdRules:
    fields = [CpdField(f["id"], f["label"], f["input"], f.get("help", ""), f.get("required", False), f.get("peer_reflection", False), f.get("lines", 1), f.get("prefill", "")) for f in data["fields"]]
    types = [CpdType(t["id"], t["label"], tuple(t.get("default_for", ()))) for t in data["types"]]
    return CpdRules(
        data["regulator"], _requirement(data["requirements"]), data["storage_key"], fields, types, rel,
        year=_period(data.get("registration_year")), renewal=_period(data.get("renewal_window")),
        focus=frameworks.resolve(data["focus_standard"]) if data.get("focus_standard") else None,
        notes=list(data.get("notes", [])), types_note=data.get("types_note", ""),
        source_url=data.get("source_url", ""), source_note=data.get("source_note", ""),
    )


def _period(value: dict | None) -> tuple[str, str] | None:
    return (value["start"], value["end"]) if value else None


def _requirement(need: dict) -> Requirement:
    mandatory = tuple(CpdType(t["id"], t["label"]) for t in need.get("mandatory_learning", ()))
    return Requirement(
        need["measure"], need.get("pieces", 0), need.get("with_peer_reflection", 0), need.get("hours", 0),
        need.get("period_years", 0), need.get("learning_plan", False), need.get("declaration", ""), mandatory,
    )
