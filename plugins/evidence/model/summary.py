"""A research summary: one Markdown file with front matter, read and checked.

A ``Summary`` is what the rest of the site works with: validated data plus the
Markdown body. ``read_summary`` reports every problem in one file; checks that
need every file (duplicates, links between summaries) live in ``library``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..check.plain_english import length_warnings
from ..check.safety import unsafe_markup
from ..read.front_matter import Document, FrontMatterError, decode, field_label, parse_document
from ..read.link_scan import LinkScanner, default_scanner
from ..read.markdown_source import MarkdownSource
from ..read.problems import Problems
from ..read.schema import Schema, sound_value
from .scaffold import PLACEHOLDER
from .vocabulary import Vocabularies

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Summary:
    """A research summary as read; only valid ones reach the library and the site."""

    slug: str
    path: str
    data: dict[str, Any]
    body: str
    body_line: int
    lines: dict = field(default_factory=dict, repr=False)
    links: list = field(default_factory=list, repr=False)  # (line, url) found while validating
    images: list = field(default_factory=list, repr=False)  # (line, src) of images, found while validating
    valid: bool = True  # False: it has errors, so it is not published, but checks across files still read it
    flawed: tuple = field(default=(), repr=False)  # paths of the fields that failed validation

    def sound(self, path: tuple) -> Any:
        """A field's value if it passed validation, else None: checks across files read only sound fields."""
        return sound_value(self.data, self.flawed, path)

    def get(self, dotted: str) -> Any:
        """A field by dotted name, such as ``strength.level``; None if absent."""
        value: Any = self.data
        for key in dotted.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def values(self, dotted: str) -> list[str]:
        """A field as a list of strings, whether it holds one value or many."""
        value = self.get(dotted)
        if value is None:
            return []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def one_liner(self) -> str:
        return self.data["summary"]

    @property
    def year(self) -> int | None:
        return self.data.get("year")

    @property
    def published(self) -> dt.date:
        return dt.date.fromisoformat(self.data["published"])

    @property
    def reviewed(self) -> dt.date | None:
        value = self.data.get("reviewed")
        return dt.date.fromisoformat(value) if value else None

    @property
    def source(self) -> dict[str, Any]:
        return self.data["source"]

    @property
    def standards(self) -> list[str]:
        return list(self.data.get("standards", []))

    @property
    def reflection_questions(self) -> list[str]:
        return list(self.data.get("reflection_questions", []))

    @property
    def last_checked(self) -> dt.date:
        """When an editor last vouched for this summary: its review, else its publication."""
        return self.reviewed or self.published

    def review_due(self, years: int, today: dt.date) -> bool:
        return (today - self.last_checked).days > years * 365

    @property
    def sort_key(self) -> tuple:
        """Newest first, then by title, so listings are stable between builds."""
        return (-self.published.toordinal(), self.title.lower(), self.slug)


def read_summary(
    file: Path, rel: str, schema: Schema, vocabularies: Vocabularies, problems: Problems, scanner: LinkScanner | None = None,
    slug: str | None = None, raw: bytes | None = None,
) -> Summary | None:
    """Read and check one file (``raw``: its bytes, if the caller has read them); every problem goes into ``problems``.

    A file with errors still comes back, marked not valid, so later checks can
    run on its sound fields; None only when its front matter cannot be read.
    """
    slug = slug or file.stem  # a translation (x.cy.md) is the summary x in another language
    before = len(problems.errors)
    if not SLUG.match(slug):
        problems.error(rel, 1, f"file name '{file.name}' must be lowercase words joined by hyphens, for example {_suggest_slug(slug)}.md")
    try:
        document = parse_document(decode(file.read_bytes() if raw is None else raw))
    except FrontMatterError as exc:
        problems.error(rel, exc.line, exc.message)
        return None
    unfilled = _check_placeholders(document, rel, schema, problems)
    issues = schema.validate(document.data)
    for issue in issues:
        if not any(issue.path[: len(path)] == path for path in unfilled):
            problems.error(rel, issue.line_in(document.lines), issue.message)
    _check_vocabularies(document, rel, schema, vocabularies, problems, unfilled)
    links, images = _check_body(document, rel, schema, problems, scanner or default_scanner(), headings=slug == file.stem)
    flawed = tuple(unfilled) + tuple(issue.path for issue in issues)
    valid = len(problems.errors) == before
    return Summary(slug, rel, document.data, document.body, document.body_line, document.lines, links, images, valid, flawed)


def _check_placeholders(document: Document, rel: str, schema: Schema, problems: Problems) -> list[tuple]:
    """Scaffolded files say FILL IN until an editor replaces it; name each one left."""
    if PLACEHOLDER not in document.text:
        return []
    unfilled = [path for path, value in _leaves(document.data, ()) if isinstance(value, str) and PLACEHOLDER in value]
    for path in unfilled:
        field = schema.field(".".join(p for p in path if isinstance(p, str)))
        hint = f" ({field.description})" if field else ""
        problems.error(rel, document.line_of(path), f"{field_label(path)} still says {PLACEHOLDER}: replace it{hint}")
    for number, line in enumerate(document.body.splitlines(), start=document.body_line):
        if PLACEHOLDER in line:
            problems.error(rel, number, f"this section still says {PLACEHOLDER}: replace the prompt with your text")
    return unfilled


def _leaves(value, path: tuple):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, path + (index,))
    else:
        yield path, value


def _check_vocabularies(document: Document, rel: str, schema: Schema, vocabularies: Vocabularies, problems: Problems, unfilled: list[tuple]) -> None:
    for spec in schema.vocabulary_fields:
        vocabulary = vocabularies.get(spec.vocabulary)
        if vocabulary is None:
            continue
        value = _lookup(document.data, spec.path)
        items = value if isinstance(value, list) else [value]
        terms = vocabulary.terms  # looked up directly: a method call per value was most of this check's time
        for index, item in enumerate(items):
            if not isinstance(item, str) or item in terms:
                continue
            where = spec.path + ((index,) if isinstance(value, list) else ())
            if where in unfilled:
                continue
            guess = vocabulary.suggest(item)
            hint = f"did you mean '{guess}'?" if guess else f"see {vocabulary.path} for the allowed values"
            problems.error(rel, document.line_of(where), f"'{spec.name}': '{item}' is not a known {vocabulary.label.lower()}; {hint} (to add a new value, add a term to {vocabulary.path})")


def _check_body(document: Document, rel: str, schema: Schema, problems: Problems, scanner: LinkScanner, headings: bool = True) -> tuple[list, list]:
    """Refuse dangerous markup, warn about missing sections and length; return the links and images for later checks.
    A translation's headings are in its own language, so only the original is held to the English ones."""
    too_long = body_too_long(document, schema)
    if too_long:
        problems.error(rel, document.body_line, too_long)
        return [], []
    source = MarkdownSource(document.body, document.body_line)
    costly = too_much_work(source, schema)
    if costly:
        problems.error(rel, *costly)
        return [], []
    links, images = scanner.scan(source)
    for line, message in unsafe_markup(source, links + images):
        problems.error(rel, line, message)
    present = {_normal(text) for text in source.heading_texts()}
    for expected in schema.spec.get("x-body-headings", []) if headings else []:
        if _normal(expected["heading"]) not in present:
            problems.warning(rel, document.body_line, f"missing section '## {expected['heading']}': {expected['prompt']}")
    for line, message in length_warnings(source):
        problems.warning(rel, line, message)
    return links, images


def too_much_work(source: MarkdownSource, schema: Schema) -> tuple[int, str] | None:
    """(line, message) when Markdown would take too long to read the body: the build renders it with the same Markdown."""
    limit = schema.spec.get("x-max-markdown-work")
    if limit is not None and source.link_work_bound() <= limit:
        return None
    total, worst = source.link_work()
    if limit is None or total <= limit:
        return None
    opened, length = worst.detail.split()
    return worst.line, (
        f"this paragraph has {int(opened):,} '[' or '<' in {int(length):,} characters; Markdown reads on from each one to find where a link ends, "
        f"which makes this text too slow to check and build (limit {limit:,} in 'x-max-markdown-work' in {schema.name}.schema.json: '[' and '<' times the length of their paragraph); "
        f"write brackets that are not links as \\[ and \\<, and split long paragraphs"
    )


def body_too_long(document: Document, schema: Schema) -> str | None:
    """The body's limit, from the schema: checks and the build stay quick whatever a file holds."""
    limit = schema.spec.get("x-max-body-characters")
    if limit is None or len(document.body) <= limit:
        return None
    return (
        f"the text below the front matter is {len(document.body):,} characters long, over the limit of {limit:,} "
        f"('x-max-body-characters' in {schema.name}.schema.json); shorten it, or link to the full text instead"
    )


def _lookup(data: Any, path: tuple) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _suggest_slug(name: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", name.lower())) or "my-study"
