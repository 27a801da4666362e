"""Reading paths: an ordered set of summaries and outside resources, with notes and questions.

A path is a Markdown file in ``reading_paths/`` whose front matter holds the
steps and whose body is the introduction. Steps are an explicit ordered list
(like Pelican's series) handed to templates, never surgery on MkDocs' nav.
Every problem is reported as ``path:line: message`` naming the field and fix.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..check.links import SitePages
from ..check.safety import unsafe_markup
from ..read import routes
from ..read.front_matter import Document, FrontMatterError, decode, field_label, parse_document
from ..read.link_scan import LinkScanner, default_scanner
from ..read.markdown_source import MarkdownSource
from ..read.problems import Problems
from ..read.project_files import READING_PATHS, source_files
from ..read.schema import Schema, sound_value
from .framework import Frameworks, standard_problems
from .summary import SLUG, Summary, body_too_long, too_much_work


@dataclass
class Step:
    """One step: a summary on this site, or an outside resource with title, URL and kind."""

    number: int
    why: str
    questions: list[str]
    summary: Summary | None = None
    title: str = ""
    url: str = ""
    kind: str = ""
    time: int | None = None

    @property
    def heading(self) -> str:
        return self.summary.title if self.summary else self.title

    @property
    def is_external(self) -> bool:
        return self.summary is None

    @property
    def key(self) -> str:
        """What the browser remembers a tick by: stable when steps are reordered."""
        return f"summary:{self.summary.slug}" if self.summary else f"url:{self.url}"


@dataclass
class ReadingPath:
    slug: str
    path: str
    data: dict[str, Any]
    body: str
    body_line: int
    steps: list[Step] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def summary(self) -> str:
        return self.data["summary"]

    @property
    def audience(self) -> list[str]:
        return list(self.data["audience"])

    @property
    def time(self) -> int:
        return self.data["time"]

    @property
    def standards(self) -> list[str]:
        return list(self.data["standards"])

    @property
    def facilitator_notes(self) -> list[str]:
        return list(self.data["facilitator_notes"])

    def uses(self, slug: str) -> bool:
        return any(step.summary and step.summary.slug == slug for step in self.steps)


def audience_labels(schema: Schema) -> dict[str, str]:
    """Audience ids and the words readers see, from the schema (the single source)."""
    return dict(schema.spec["properties"]["audience"]["x-labels"])


def load_reading_paths(directory: Path, root: Path, summaries: dict[str, Summary], frameworks: Frameworks, problems: Problems, site: SitePages | None = None, scanner: LinkScanner | None = None, files: list[Path] | None = None) -> list[ReadingPath]:
    """Every valid path, by title; a missing folder simply means no paths yet. With ``site``, links are checked too.
    ``files`` replaces the folder's listing (the project's paths and a copy's, see ``overlay``)."""
    schema = Schema("reading_path")
    paths = []
    for file in files if files is not None else source_files(directory, root, READING_PATHS, problems):
        reader = _Reader(file.relative_to(root).as_posix(), summaries, frameworks, problems, site, scanner or default_scanner())
        path = reader.read(file, schema)
        if path:
            paths.append(path)
    return sorted(paths, key=lambda p: (p.title.lower(), p.slug))


@dataclass
class _Reader:
    """Reads one file, reporting against its path; holds what every check needs."""

    rel: str
    summaries: dict[str, Summary]
    frameworks: Frameworks
    problems: Problems
    site: SitePages | None = None
    scanner: LinkScanner | None = None

    def read(self, file: Path, schema: Schema) -> ReadingPath | None:
        before = len(self.problems.errors)
        if not SLUG.match(file.stem):
            self.error(1, f"file name '{file.name}' must be lowercase words joined by hyphens; it becomes the address /reading-paths/{file.stem}/")
        try:
            document = parse_document(decode(file.read_bytes()))
        except FrontMatterError as exc:
            self.error(exc.line, exc.message)
            return None
        issues = schema.validate(document.data)
        for issue in issues:
            self.error(issue.line_in(document.lines), issue.message)
        self.check_standards(document, [issue.path for issue in issues])
        self.check_body(document, routes.reading_path(file.stem), schema)
        if len(self.problems.errors) > before:
            return None
        steps = [self.step(document, index, item) for index, item in enumerate(document.data["steps"])]
        self.check_time(document, steps)
        if len(self.problems.errors) > before or any(step.summary is None and not step.url for step in steps):
            return None
        return ReadingPath(file.stem, self.rel, document.data, document.body, document.body_line, steps)

    def error(self, line: int, message: str) -> None:
        self.problems.error(self.rel, line, message)

    def step(self, document: Document, index: int, item: dict) -> Step:
        step = Step(index + 1, item["why"], list(item["questions"]), title=item.get("title", ""), url=item.get("url", ""), kind=item.get("kind", ""), time=item.get("time"))
        where = ("steps", index)
        name = field_label(where)
        if "summary" in item:
            if {"title", "url", "kind"} & set(item):
                self.error(document.line_of(where + ("title",) if "title" in item else where + ("url",)), f"{name} has both 'summary' and an outside resource; keep 'summary' for a summary on this site, or make it a separate step")
            step.summary = self.summaries.get(item["summary"])
            if step.summary is None and not self.has_errors_of_its_own(item["summary"]):
                self.error(document.line_of(where + ("summary",)), self.missing_summary(where + ("summary",), item["summary"]))
        elif not {"title", "url", "kind"} <= set(item):
            missing = ", ".join(f"'{key}'" for key in ("title", "url", "kind") if key not in item)
            self.error(document.line_of(where), f"{name} needs either 'summary: <file name of a summary>' or, for an outside resource, 'title', 'url' and 'kind' (missing {missing})")
        return step

    def has_errors_of_its_own(self, slug: str) -> bool:
        """The summary's file exists but failed its checks: its own errors say why, so the path adds none."""
        return self.site is not None and routes.summary(slug) in self.site.known

    def missing_summary(self, where: tuple, slug: str) -> str:
        close = difflib.get_close_matches(slug, list(self.summaries), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "use the file name of a summary in research_summaries/, without .md"
        return f"{field_label(where)}: there is no valid summary '{slug}'; {hint}"

    def check_standards(self, document: Document, flawed: list[tuple]) -> None:
        """Runs even when other fields failed, on the standards if they passed, so one run shows every problem."""
        standards = sound_value(document.data, flawed, ("standards",))
        for where, message in standard_problems(self.frameworks, standards, ("standards",)):
            self.error(document.line_of(where), message)

    def check_body(self, document: Document, page: str, schema: Schema) -> None:
        too_long = body_too_long(document, schema)
        if too_long:
            return self.error(document.body_line, too_long)
        source = MarkdownSource(document.body, document.body_line)
        costly = too_much_work(source, schema)
        if costly:
            return self.error(*costly)
        links, images = (self.scanner or default_scanner()).scan(source)
        for line, message in unsafe_markup(source, links + images):
            self.error(line, message)
        for line, message in self.site.check(page, links, images) if self.site else []:
            self.error(line, message)
        if not document.body.strip():
            self.problems.warning(self.rel, document.body_line, "the path has no introduction: below the front matter, say in a short paragraph what the path is for")

    def check_time(self, document: Document, steps: list[Step]) -> None:
        """Readers plan by the total; warn when the steps' own times disagree with it."""
        timed = [s.time for s in steps if s.time]
        total = document.data["time"]
        if len(timed) == len(steps) and sum(timed) > total:
            self.problems.warning(self.rel, document.line_of(("time",)), f"'time' is {total} minutes but the steps' times add up to {sum(timed)}; raise 'time' or shorten the steps")
