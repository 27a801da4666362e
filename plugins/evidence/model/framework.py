"""Professional frameworks (regulator standards, PCF, KSS) as data, and the ids that point into them.

Each framework is one YAML file in ``data/frameworks/``; the file name is the
prefix editors write in ``standards:`` (``swe.yml`` -> ``swe:4.2``). A council's
fork adds Wales, Scotland or Northern Ireland by adding a file: no code knows
which frameworks exist. Labels are our own short words, so every framework
keeps its official source and marks labels nobody has yet checked against it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..read.front_matter import field_label, line_of
from ..read.problems import Problems
from ..read.project_files import FRAMEWORKS, source_files
from ..read.schema import Issue, Schema

# Framework ids become addresses under /cpd/; these addresses are taken by other pages.
RESERVED_IDS = frozenset({"coverage"})
_FRAMEWORK_ID = re.compile(r"^[a-z][a-z0-9-]*$")
# How a standard is written in content (swe:4.2). Checked here, not by a schema
# pattern, so a near miss such as 'SWE 4.2' gets a suggestion instead of a rule.
STANDARD_ID = re.compile(r"^[a-z][a-z0-9-]*:[0-9A-Za-z][0-9A-Za-z.-]*$")


@dataclass(eq=False)
class Standard:
    """One node of a framework: a standard, domain or statement, possibly with sub-standards."""

    framework: "Framework" = field(repr=False)
    id: str
    label: str
    confirmed: bool = True
    note: str = ""
    parent: "Standard | None" = field(default=None, repr=False)
    children: list["Standard"] = field(default_factory=list, repr=False)

    @property
    def qualified(self) -> str:
        """The id editors write, such as ``swe:4.2``."""
        return f"{self.framework.id}:{self.id}"

    @property
    def title(self) -> str:
        """What readers see before the label, such as ``SWE 4.2``."""
        return f"{self.framework.short_title} {self.id}"

    @property
    def shown_label(self) -> str:
        """The label readers see: ours once checked against the official text. Until then
        none (an unchecked paraphrase or a placeholder would read as fact): pages show
        the number and link to the official wording."""
        return self.label if self.confirmed else ""

    @property
    def name(self) -> str:
        """Number and label, such as ``SWE 4.2: Keeping my practice up to date``, or the number alone."""
        return f"{self.title}: {self.shown_label}" if self.shown_label else self.title

    def walk(self) -> Iterator["Standard"]:
        """This standard, then its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self) -> list["Standard"]:
        """Parents from the top of the framework down, for breadcrumbs and roll-ups."""
        chain, node = [], self.parent
        while node:
            chain.insert(0, node)
            node = node.parent
        return chain


@dataclass(eq=False)
class Framework:
    """A loaded framework file: its facts, its source and its tree of standards."""

    id: str
    title: str
    short_title: str
    nations: list[str]
    path: str
    version: str = ""  # "" while not recorded: the pages say so rather than guess
    date: str = ""
    owner: str = ""
    source_url: str = ""
    in_force: str = ""
    description: str = ""
    notes: list[str] = field(default_factory=list)
    order: int = 100
    standards: list[Standard] = field(default_factory=list)
    _by_id: dict[str, Standard] = field(default_factory=dict, repr=False)

    def walk(self) -> Iterator[Standard]:
        for standard in self.standards:
            yield from standard.walk()

    def standard(self, standard_id: str) -> Standard | None:
        return self._by_id.get(standard_id)

    @property
    def unconfirmed(self) -> int:
        return sum(1 for s in self.walk() if not s.confirmed)

    @property
    def date_label(self) -> str:
        return readable_date(self.date) if self.date else ""

    @property
    def in_force_label(self) -> str:
        return readable_date(self.in_force) if self.in_force else ""


def readable_date(value: str) -> str:
    """``2019-07`` -> ``July 2019``; frameworks are often dated by month or year only."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    return (f"{day.day} " if len(parts) > 2 else "") + day.strftime("%B %Y")


class Frameworks(dict):
    """All frameworks by id (the file name without ``.yml``), in file-name order.

    ``broken`` names the files that exist but failed their own checks: an id that
    points into one is not blamed as well (one fault, one message).
    """

    broken: frozenset[str] = frozenset()

    @classmethod
    def load(cls, directory: Path, root: Path, problems: Problems, files: list[Path] | None = None) -> "Frameworks":
        """Every framework file in ``directory``, or exactly ``files`` (the project's and a copy's, see ``overlay``)."""
        schema = Schema("framework")
        loaded, broken = [], set()
        for path in files if files is not None else source_files(directory, root, FRAMEWORKS, problems):
            framework = _load_one(path, path.relative_to(root).as_posix(), schema, problems)
            if framework:
                loaded.append(framework)
            else:
                broken.add(path.stem)
        frameworks = cls((f.id, f) for f in sorted(loaded, key=lambda f: (f.order, f.id)))
        frameworks.broken = frozenset(broken)
        return frameworks

    def resolve(self, qualified: str) -> Standard | None:
        """``swe:4.2`` -> the standard, or None if either part is unknown."""
        prefix, _, local = str(qualified).partition(":")
        framework = self.get(prefix)
        return framework.standard(local) if framework else None

    def standards(self) -> Iterator[Standard]:
        for framework in self.values():
            yield from framework.walk()

    def suggest(self, value: str) -> str | None:
        """The id an editor most likely meant: ``SWE 4.2`` -> ``swe:4.2``, ``swe:4.9`` -> a close id."""
        normal = _normal_id(value)
        if self.resolve(normal) or (not self and STANDARD_ID.match(normal)):
            return normal
        prefix = normal.partition(":")[0]
        pool = [s.qualified for s in (self[prefix].walk() if prefix in self else self.standards())]
        close = difflib.get_close_matches(normal, pool, n=1, cutoff=0.6)
        return close[0] if close else None

    def problem(self, value: str) -> str | None:
        """Why ``value`` is not a known standard, with a fix; None when it is known.

        With no framework files only the way it is written can be checked.
        """
        if STANDARD_ID.match(value) and (self.resolve(value) or not self or value.partition(":")[0] in self.broken):
            return None
        guess = self.suggest(value)
        hint = f"did you mean '{guess}'?" if guess else "write framework:id, for example swe:4.2"
        prefix = value.partition(":")[0]
        if not STANDARD_ID.match(value):
            return f"'{value}' is not written as framework:id; {hint}"
        if prefix not in self:
            known = ", ".join(sorted(self)) or "none yet"
            return f"'{value}' names no framework '{prefix}'; {hint} (frameworks are the files in data/frameworks/: {known})"
        return f"'{value}' is not a standard in {self[prefix].title}; {hint} (every id is listed in {self[prefix].path})"


def standard_problems(frameworks: Frameworks, value: Any, path: tuple) -> list[tuple[tuple, str]]:
    """Each id in a standards list (or a single id field) that names no standard, as (field path, message).

    Summaries, reading paths and the CPD focus standard all call this, so an id
    is checked, suggested and worded the same wherever an editor writes it.
    """
    items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    found = []
    for index, item in items:
        where = path if index is None else path + (index,)
        message = frameworks.problem(item) if isinstance(item, str) else None
        if message:
            found.append((where, f"{field_label(where)}: {message}"))
    return found


def _normal_id(value: str) -> str:
    text = " ".join(str(value).lower().replace("standard", " ").split()).rstrip(".")
    if ":" not in text and " " in text:
        text = text.replace(" ", ":", 1)
    return text.replace(" ", "")


def _load_one(path: Path, rel: str, schema: Schema, problems: Problems) -> Framework | None:
    if not _FRAMEWORK_ID.match(path.stem) or path.stem in RESERVED_IDS:
        problems.error(rel, 1, f"'{path.name}': the file name is the framework's id and part of its web address; use lowercase letters, digits and hyphens, not {', '.join(sorted(RESERVED_IDS))}")
        return None
    found = schema.read_file(path, rel, problems, word=_worded)
    if found is None:
        return None
    data, lines = found
    if not _dates_are_real(data, lines, rel, problems):
        return None
    return _build(path.stem, rel, data, lines, problems)


def _dates_are_real(data: dict, lines: dict, rel: str, problems: Problems) -> bool:
    """The schema's pattern lets 2019-02-30 through; the calendar does not, and pages showing it would crash."""
    real = True
    for key in ("date", "in_force"):
        value = data.get(key)
        if value and not _on_the_calendar(value):
            problems.error(rel, line_of(lines, (key,)), f"'{key}': {value} is not a date on the calendar; write YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-07 or 2019-12-02")
            real = False
    return real


def _on_the_calendar(value: str) -> bool:
    try:
        readable_date(value)
    except ValueError:
        return False
    return True


def _worded(issue: Issue, data: Any) -> str:
    """YAML reads ``id: 4.10`` as the number 4.1: say so, since the schema's words cannot."""
    if issue.path and issue.path[-1] == "id" and isinstance(_at(data, issue.path), (int, float)):
        return f"{issue.message}: write the id in quotes, for example id: \"4.2\" (without quotes YAML reads 4.10 as 4.1)"
    return issue.message


def _at(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


def _build(framework_id: str, rel: str, data: dict, lines: dict, problems: Problems) -> Framework:
    framework = Framework(
        framework_id, data["title"], data["short_title"], data["nations"], rel, data.get("version", ""), data.get("date", ""),
        owner=data.get("owner", ""), source_url=data.get("source_url", ""), in_force=data.get("in_force", ""),
        description=data.get("description", ""), notes=list(data.get("notes", [])), order=data.get("order", 100),
    )
    framework.standards = _nodes(framework, None, data["standards"], ("standards",), lines, problems)
    return framework


def _nodes(framework: Framework, parent: Standard | None, items: list, path: tuple, lines: dict, problems: Problems) -> list[Standard]:
    nodes = []
    for index, item in enumerate(items):
        where = path + (index,)
        node = Standard(framework, item["id"], item["label"], item.get("confirmed", True), item.get("note", ""), parent)
        if node.id in framework._by_id or node.id == "index":
            problems.error(framework.path, line_of(lines, where + ("id",)), f"standard id '{node.id}' is used twice (or is the reserved word 'index'); each id must be unique in the file")
            continue
        framework._by_id[node.id] = node
        node.children = _nodes(framework, node, item.get("children", []), where + ("children",), lines, problems)
        nodes.append(node)
    return nodes
