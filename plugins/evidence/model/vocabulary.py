"""Controlled vocabularies: the allowed values of fields such as topics and designs.

Each vocabulary is a YAML file in ``data/vocabularies/``, so adding a topic is a
data change. A value outside its vocabulary is an error with a suggestion found
by comparing against ids, labels and synonyms.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from ..read.problems import Problems
from ..read.project_files import VOCABULARIES, source_files
from ..read.schema import Schema


@dataclass(frozen=True)
class Term:
    """One allowed value: its id (used in front matter and URLs) and what readers see."""

    id: str
    label: str
    description: str
    synonyms: tuple[str, ...] = ()


@dataclass
class Vocabulary:
    name: str
    label: str
    description: str
    terms: dict[str, Term] = field(default_factory=dict)
    path: str = ""
    plural: str = ""

    def __contains__(self, term_id: object) -> bool:
        return term_id in self.terms

    def __iter__(self):
        return iter(self.terms.values())

    def term(self, term_id: str) -> Term | None:
        return self.terms.get(term_id)

    def suggest(self, value: str) -> str | None:
        """The id an editor most likely meant, matching synonyms and labels too."""
        names = {_normal(t.id): t.id for t in self}
        names.update({_normal(t.label): t.id for t in self})
        names.update({_normal(s): t.id for t in self for s in t.synonyms})
        wanted = _normal(value)
        if wanted in names:
            return names[wanted]
        close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6)
        return names[close[0]] if close else None


def _normal(text: str) -> str:
    return " ".join(str(text).lower().replace("-", " ").replace("_", " ").split())


class Vocabularies(dict):
    """All vocabularies by name (the file name without .yml); ``broken``: files that could not be read at all."""

    broken: frozenset[str] = frozenset()

    @classmethod
    def load(cls, directory: Path, root: Path, problems: Problems, local: list[Path] = ()) -> "Vocabularies":
        """The project's vocabularies, then a copy's ``local`` files: terms added to a vocabulary of the
        same name (a term with an existing id replaces it, with a warning), or a vocabulary of its own."""
        schema = Schema("vocabulary")
        vocabularies, broken = cls(), set()
        for path in source_files(directory, root, VOCABULARIES, problems):
            vocabulary = _load_one(path, path.relative_to(root).as_posix(), schema, problems)
            if vocabulary:
                vocabularies[vocabulary.name] = vocabulary
            else:
                broken.add(path.stem)
        for path in local:
            vocabulary = _load_one(path, path.relative_to(root).as_posix(), schema, problems)
            if vocabulary:
                vocabularies._add(vocabulary, problems)
            else:
                broken.add(path.stem)
        vocabularies.broken = frozenset(broken)
        return vocabularies

    def _add(self, mine: Vocabulary, problems: Problems) -> None:
        theirs = self.get(mine.name)
        if theirs is None:
            self[mine.name] = mine
            return
        for term in mine:
            if term.id in theirs.terms:
                problems.warning(mine.path, 1, f"term '{term.id}' replaces the project's term of that id in {theirs.path}")
            theirs.terms[term.id] = term


def _load_one(path: Path, rel: str, schema: Schema, problems: Problems) -> Vocabulary | None:
    found = schema.read_file_partly(path, rel, problems)
    if found is None:
        return None
    data, lines, issues = found
    if issues:
        return _known_ids(path.stem, data, rel)
    vocabulary = Vocabulary(path.stem, data["label"], data["description"], path=rel, plural=data.get("plural", ""))
    for index, item in enumerate(data["terms"]):
        if item["id"] in vocabulary.terms:
            problems.error(rel, lines.get(("terms", index), 1), f"term id '{item['id']}' is listed twice; ids must be unique")
            continue
        vocabulary.terms[item["id"]] = Term(item["id"], item["label"], item["description"], tuple(item.get("synonyms", ())))
    return vocabulary


def _known_ids(name: str, data: object, rel: str) -> Vocabulary | None:
    """A vocabulary with errors still knows its ids: summaries are checked against them and not
    blamed for the file's own mistake (its errors fail the run anyway)."""
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, list):
        return None
    vocabulary = Vocabulary(name, str(data.get("label") or name), "", path=rel)
    for item in terms:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            vocabulary.terms.setdefault(item["id"], Term(item["id"], str(item.get("label") or item["id"]), ""))
    return vocabulary

