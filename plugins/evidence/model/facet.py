"""Facets: front-matter fields that readers browse by, declared as data.

Like Hugo's taxonomies, any field can become a facet through configuration: a
``FacetSpec`` names the field, the word used in the URL and, optionally, the
vocabulary that gives its terms labels and descriptions. No code changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..read.problems import Problems
from ..read.schema import Schema
from ..read.settings import FacetSpec
from .summary import Summary
from .vocabulary import Vocabularies

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class FacetTerm:
    """One value of a facet and the summaries that carry it, newest first."""

    id: str
    label: str
    description: str
    summaries: list[Summary] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.summaries)


@dataclass
class Facet:
    spec: FacetSpec
    label: str
    description: str
    terms: list[FacetTerm]
    plural: str = ""  # "strands": the label for more than one

    def counted(self, count: int) -> str:
        """For example 4 strands or one strand: GOV.UK style writes numbers as numerals, except one."""
        many = self.plural or f"{self.label.lower()}s"
        return f"one {self.label.lower()}" if count == 1 else f"{count} {many}"

    @property
    def name(self) -> str:
        return self.spec.name

    def term(self, term_id: str) -> FacetTerm | None:
        return next((t for t in self.terms if t.id == term_id), None)

    @property
    def used_terms(self) -> list[FacetTerm]:
        return [t for t in self.terms if t.summaries]


def check_specs(specs: list[FacetSpec], schema: Schema, vocabularies: Vocabularies, config_path: str, problems: Problems) -> list[FacetSpec]:
    """Keep the specs that make sense; report the others against the config file."""
    good, names = [], set()
    for spec in specs:
        message = _spec_problem(spec, schema, vocabularies, names)
        if message:
            problems.error(config_path, spec.line, f"facet '{spec.name}': {message}")
            continue
        names.add(spec.name)
        good.append(spec)
    return good


def _spec_problem(spec: FacetSpec, schema: Schema, vocabularies: Vocabularies, names: set) -> str | None:
    if not _NAME.match(spec.name):
        return "the name must be lowercase words joined by hyphens (it becomes part of the URL)"
    if spec.name in names:
        return "the name is used by two facets; give each its own"
    if schema.field(spec.field) is None:
        return f"'{spec.field}' is not a front-matter field; use one of: {', '.join(f.name for f in schema.fields)}"
    if spec.vocabulary and spec.vocabulary not in vocabularies and spec.vocabulary not in vocabularies.broken:
        return f"vocabulary '{spec.vocabulary}' has no file data/vocabularies/{spec.vocabulary}.yml"
    return None


def build_facets(specs: list[FacetSpec], summaries: list[Summary], schema: Schema, vocabularies: Vocabularies) -> list[Facet]:
    """Group the (already sorted) summaries under each facet's terms."""
    return [_build(spec, summaries, schema, vocabularies) for spec in specs]


def _build(spec: FacetSpec, summaries: list[Summary], schema: Schema, vocabularies: Vocabularies) -> Facet:
    vocabulary = vocabularies.get(spec.vocabulary) if spec.vocabulary else None
    terms: dict[str, FacetTerm] = {}
    if vocabulary:
        terms = {t.id: FacetTerm(t.id, t.label, t.description) for t in vocabulary}
    for summary in summaries:
        for value in summary.values(spec.field):
            term_id = value if vocabulary else _slug(value)  # free text must never reach a URL as-is
            term = terms.get(term_id)
            if term is None:  # a new term only once, not a throw-away one for every summary
                term = terms[term_id] = FacetTerm(term_id, value, "")
            term.summaries.append(summary)
    ordered = list(terms.values()) if vocabulary else sorted(terms.values(), key=lambda t: t.id, reverse=True)
    field_spec = schema.field(spec.field)
    label = spec.label or (vocabulary.label if vocabulary else spec.field.split(".")[-1].replace("_", " ").capitalize())
    description = vocabulary.description if vocabulary else (field_spec.description if field_spec else "")
    return Facet(spec, label, description, ordered, vocabulary.plural if vocabulary and not spec.label else "")


def _slug(value: str) -> str:
    """A URL-safe id for a value from a field without a vocabulary (for example a year)."""
    return "-".join(re.findall(r"[a-z0-9]+", value.lower())) or "other"
