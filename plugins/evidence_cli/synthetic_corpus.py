"""A clearly synthetic corpus for benchmarks: valid summaries with made-up text.

Written to a temporary folder only; never content. Titles say "Synthetic study"
so nobody could mistake one for a real briefing.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from evidence.model.framework import Frameworks
from evidence.model.vocabulary import Vocabularies
from evidence.read.problems import Problems

WORDS = (
    "support staff family carers home visit assessment review plan risk safeguarding communication "
    "relationship trust choice control wellbeing isolation network community practice supervision "
    "reflection evidence outcome service provider council team training coaching advocacy housing "
    "money health school transition discharge respite loneliness confidence independence"
).split()
SKELETON = ["mkdocs.yml", "overrides", "data", "content"]


def make_project(repo: Path, target: Path, count: int, seed: int = 7) -> Path:
    """Copy the site skeleton to ``target`` and write ``count`` synthetic summaries."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SKELETON:
        source = repo / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    vocabularies = Vocabularies.load(repo / "data/vocabularies", repo, Problems())
    standards = sorted(s.qualified for s in Frameworks.load(repo / "data/frameworks", repo, Problems()).standards())
    folder = target / "research_summaries"
    folder.mkdir(exist_ok=True)
    rng = random.Random(seed)
    for number in range(1, count + 1):
        text = _summary(number, rng, vocabularies, standards)
        (folder / f"synthetic-study-{number:05d}.md").write_text(text, encoding="utf-8")
    return target


def _pick(rng: random.Random, vocabularies: Vocabularies, name: str, k: int = 1) -> list[str]:
    return rng.sample(sorted(vocabularies[name].terms), k)


def _sentence(rng: random.Random, words: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _summary(number: int, rng: random.Random, vocabularies: Vocabularies, standards: list[str]) -> str:
    """Like a real briefing: terms from the real vocabularies, two or three standards from the real frameworks."""
    data = {
        "title": f"Synthetic study {number:05d} on {rng.choice(WORDS)} and {rng.choice(WORDS)}",
        "summary": _sentence(rng, 18),
        "year": rng.randint(2005, 2025),
        "published": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "source": {"citation": f"Synthetic source {number}", "url": f"https://example.org/synthetic/{number}", "open_access": rng.random() < 0.5},
        "design": _pick(rng, vocabularies, "designs")[0],
        "strand": _pick(rng, vocabularies, "strands")[0],
        "practice_area": _pick(rng, vocabularies, "practice_areas")[0],
        "populations": _pick(rng, vocabularies, "populations", 2),
        "topics": _pick(rng, vocabularies, "topics", 3),
        "strength": {"scheme": "grade", "level": _pick(rng, vocabularies, "strength_levels")[0], "reason": _sentence(rng, 12)},
        "reflection_questions": [_sentence(rng, 10)[:-1] + "?"],
    }
    if standards:
        data["standards"] = rng.sample(standards, min(len(standards), rng.randint(2, 3)))
    sections = ["Why it matters", "What the study did", "What it found", "What it means for practice"]
    body = "\n".join(f"## {s}\n\n{' '.join(_sentence(rng) for _ in range(5))}\n" for s in sections)
    return f"---\n{yaml.safe_dump(data, sort_keys=False)}---\n\n{body}"


def make_plain_material(project: Path, target: Path) -> Path:
    """The same Markdown as a plain Material site (no plugins of ours), for comparison."""
    docs = target / "docs"
    (docs / "research").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    for summary in (project / "research_summaries").glob("*.md"):
        shutil.copy(summary, docs / "research" / summary.name)
    config = {
        "site_name": "Plain Material", "theme": {"name": "material", "font": False},
        "plugins": [], "nav": ["index.md"], "not_in_nav": "research/*",
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return target
