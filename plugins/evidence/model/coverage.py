"""What is mapped to each standard, and the coverage matrix: standards by strand or topic.

Computed once in the derive phase from loaded, validated content. The matrix is
an evidence-gap map for editors and knowledge brokers: a zero cell is a place
where the site has no evidence yet. Counts roll up, so a summary mapped to
``swe:4.2`` also counts for ``swe:4``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from .facet import Facet, FacetTerm
from .framework import Framework, Frameworks, Standard
from .reading_path import ReadingPath
from .summary import Summary

# The facets (by front-matter field) the coverage page crosses standards with.
COVERAGE_FIELDS = ("strand", "topics")


@dataclass
class Mapped:
    """Everything mapped to one standard: directly, and including its sub-standards."""

    standard: Standard
    summaries: list[Summary] = field(default_factory=list)
    paths: list[ReadingPath] = field(default_factory=list)
    all_summaries: list[Summary] = field(default_factory=list)
    all_paths: list[ReadingPath] = field(default_factory=list)


class StandardIndex:
    """Mapped content per standard, keyed by qualified id such as ``swe:4.2``."""

    def __init__(self, frameworks: Frameworks, summaries: list[Summary], paths: list[ReadingPath]):
        self.frameworks = frameworks
        self._mapped = {s.qualified: Mapped(s) for s in frameworks.standards()}
        self._rolled: set[tuple[str, str, int]] = set()  # (standard, kind, id(item)): O(1) de-duplication
        for summary in summaries:
            self._add(summary.standards, summary, "summaries")
        for path in paths:
            self._add(path.standards, path, "paths")

    def _add(self, ids: list[str], item, kind: str) -> None:
        for qualified in ids:
            standard = self.frameworks.resolve(qualified)
            if standard is None:
                continue
            getattr(self._mapped[qualified], kind).append(item)
            for node in [standard, *standard.ancestors()]:
                key = (node.qualified, kind, id(item))
                if key not in self._rolled:
                    self._rolled.add(key)
                    getattr(self._mapped[node.qualified], "all_" + kind).append(item)

    def of(self, standard: Standard) -> Mapped:
        return self._mapped[standard.qualified]

    def framework_counts(self, framework: Framework) -> tuple[int, int]:
        """Distinct summaries and paths mapped anywhere in a framework."""
        summaries = {id(s) for top in framework.standards for s in self.of(top).all_summaries}
        paths = {id(p) for top in framework.standards for p in self.of(top).all_paths}
        return len(summaries), len(paths)

    def paths_for(self, summary: Summary, paths: list[ReadingPath]) -> list[ReadingPath]:
        return [p for p in paths if p.uses(summary.slug)]


@dataclass
class Row:
    standard: Standard
    depth: int
    counts: list[int]
    total: int

    @property
    def is_gap(self) -> bool:
        return self.total == 0


@dataclass
class Matrix:
    """One framework's standards (rows) by one facet's terms (columns)."""

    framework: Framework
    facet: Facet
    columns: list[FacetTerm]
    rows: list[Row]

    @property
    def gaps(self) -> list[Row]:
        return [row for row in self.rows if row.is_gap]

    @property
    def empty_columns(self) -> list[FacetTerm]:
        return [term for index, term in enumerate(self.columns) if not any(row.counts[index] for row in self.rows)]


def build_matrix(framework: Framework, facet: Facet, index: StandardIndex) -> Matrix:
    """Count, for every standard and term, the summaries carrying both (sub-standards roll up)."""
    columns = list(facet.terms)
    where: dict[int, list[int]] = {}  # summary -> the columns it counts in: one pass over the summaries, not one per cell
    for column, term in enumerate(columns):
        for summary in term.summaries:
            where.setdefault(id(summary), []).append(column)
    rows = []
    for standard in framework.walk():
        mapped = {id(s) for s in index.of(standard).all_summaries}
        counted = Counter(chain.from_iterable(where.get(key, ()) for key in mapped))  # counted in C, not cell by cell
        counts = [counted[column] for column in range(len(columns))]
        rows.append(Row(standard, len(standard.ancestors()), counts, len(mapped)))
    return Matrix(framework, facet, columns, rows)


def build_matrices(frameworks: Frameworks, facets: list[Facet], index: StandardIndex) -> list[Matrix]:
    """Every framework crossed with each coverage facet that the site configures
    (a framework with no standards recorded yet has no rows, so no table)."""
    chosen = [f for name in COVERAGE_FIELDS for f in facets if f.spec.field == name]
    return [build_matrix(framework, facet, index) for framework in frameworks.values() if framework.standards for facet in chosen]
