"""Shared fixtures: small throwaway projects built from the real skeleton.

Tests build real sites with real MkDocs in tmp dirs; nothing is mocked. A
``Project`` copies this repository's config, templates, data and pages, then
lets a test add summaries as inline strings.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

# Property tests: small and reproducible by default (CI); HYPOTHESIS_PROFILE=long for a deeper search.
# Each example may build files in tmp_path, so no per-example deadline (timings belong in build.py bench).
settings.register_profile(
    "default", max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SKELETON = ["mkdocs.yml", "overrides", "data", "content"]

# A framework a council's fork might add: Social Care Wales' code, section 6 only.
WALES = """\
title: Code of Professional Practice for Social Care
short_title: Wales code
owner: Social Care Wales
version: "2017"
date: "2017"
nations: [wales]
standards:
  - id: "6"
    label: Being accountable for the quality of my work and keeping up my knowledge and skills
"""


def valid_front_matter(**changes) -> dict:
    """A complete, valid set of fields; tests change one thing at a time."""
    data = {
        "title": "Talking mats in care homes",
        "summary": "Staff who used picture boards understood residents' wishes better.",
        "year": 2021,
        "published": "2026-01-15",
        "source": {"citation": "Example findings 1", "url": "https://example.org/findings-1.pdf", "open_access": True},
        "design": "qualitative",
        "strand": "seldom-heard-voices",
        "practice_area": "adults",
        "populations": ["people-with-learning-disabilities"],
        "topics": ["communication"],
        "strength": {"scheme": "grade-cerqual", "level": "moderate", "reason": "One study, but with interviews and observation."},
        "reflection_questions": ["How do you check what someone has understood?"],
        "search_queries": ["picture boards", "understanding residents' wishes"],
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


BODY = """## Why it matters

Some people find words hard.

## What the study did

Researchers watched and listened.

## What it found

Pictures helped.

## What it means for practice

- Use pictures.
"""


def summary_text(body: str = BODY, **changes) -> str:
    fields = yaml.safe_dump(valid_front_matter(**changes), sort_keys=False, allow_unicode=True)
    return f"---\n{fields}---\n\n{body}"


class Project:
    """A copy of the site's skeleton in a tmp dir, with its own summaries."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        for name in SKELETON:
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, root / name)
            else:
                shutil.copy(source, root / name)
        self.summaries = root / "research_summaries"
        self.summaries.mkdir()

    def add(self, name: str, text: str | bytes) -> Path:
        path = self.summaries / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def add_framework(self, name: str, text: str) -> Path:
        path = self.root / "data" / "frameworks" / name
        path.write_text(text, encoding="utf-8")
        return path

    def add_reading_path(self, name: str, text: str) -> Path:
        """A reading path, so checks that need summaries and paths together run as in a real site."""
        folder = self.root / "reading_paths"
        folder.mkdir(exist_ok=True)
        path = folder / name
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def set_options(self, **options) -> None:
        """Set evidence plugin options in the copy's mkdocs.yml, as a council editing it would."""
        config_path = self.root / "mkdocs.yml"
        config = yaml.safe_load(config_path.read_text())
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "evidence" in plugin:
                plugin["evidence"].update(options)
        config_path.write_text(yaml.safe_dump(config, sort_keys=False))

    def library(self):
        from evidence.model.library import Library
        from evidence.read.settings import Settings

        return Library.load(Settings.from_mkdocs_yml(self.root / "mkdocs.yml"))

    def build(self, site: Path | None = None) -> int:
        from evidence_cli.site_build import build

        return build(self.root, site or self.root / "site")

    def page(self, url: str) -> str:
        return (self.root / "site" / url.strip("/") / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


@pytest.fixture(scope="session")
def bundled_library():
    """The repository's own content and settings, loaded as ``check`` loads them: tests derive what to expect from it."""
    from evidence.model.library import Library
    from evidence.read.settings import Settings

    return Library.load(Settings.from_mkdocs_yml(REPO / "mkdocs.yml"))


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory) -> Path:
    """The repository's own site, built once per test session with the real pipeline."""
    from evidence_cli.site_build import build

    site = tmp_path_factory.mktemp("bundled") / "site"
    assert build(REPO, site) == 0, "the bundled site does not build"
    return site
