"""The theme's shell and our repeated fragments, rendered once (evidence_mkdocs/shell.py), give the pages
Material and our templates render page by page: sites are built both ways and every page compared."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import REPO, Project, summary_text
from reading_path_text import reading_path_text
from evidence_cli.site_build import build
from evidence_mkdocs import parallel_pages, shell

SHELL_PARTS = {"styles", "header-start", "header-end", "footer", "config", "scripts"}


def test_the_theme_is_the_version_the_cached_shell_was_checked_against():
    """main.html and partials/header.html copy or wrap Material's blocks: an upgrade must be checked, not trusted."""
    installed = version("mkdocs-material")
    assert installed == shell.MATERIAL_VERSION, (
        f"mkdocs-material is {installed}, but overrides/main.html's site_nav block, overrides/partials/header.html, toc.html "
        f"(with toc-item.html inlined), top.html and javascripts/*.html were copied from {shell.MATERIAL_VERSION}, and the parts of the shell rendered once per folder were checked "
        "against it: compare them with the new base.html, run tests/test_shell.py, then update MATERIAL_VERSION"
    )


def _both_ways(root: Path, out: Path) -> tuple[Path, Path]:
    assert build(root, out / "cached") == 0
    shell.ENABLED = False
    try:
        assert build(root, out / "full") == 0
    finally:
        shell.ENABLED = True
    return out / "cached", out / "full"


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> tuple[Path, Path]:
    return _both_ways(REPO, tmp_path_factory.mktemp("shell"))


def _kind(key) -> str:
    """Which part a cache key stores: a shell part or a card (named first), or a term's link (named second)."""
    return key[1] if key[1] == "term" else key[0]


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory) -> tuple[Path, Path, set[str]]:
    """A site in English and Welsh, every page kind, built serially (so the parent renders every page)
    while noting which kinds of part a later page reused."""
    project = Project(tmp_path_factory.mktemp("shell-cy") / "project")
    (project.root / "local").mkdir(exist_ok=True)
    (project.root / "local" / "settings.yml").write_text("evidence:\n  languages: [en, cy]\n", encoding="utf-8")
    for number in range(1, 5):
        project.add(f"study-{number}.md", summary_text(title=f"Study number {number} of talking mats", published=f"2026-01-0{number}", standards=["swe:4.2"]))
    project.add("study-1.cy.md", summary_text(title="Astudiaeth un", summary="Roedd staff yn deall dymuniadau preswylwyr yn well.", published="2026-01-01", standards=["swe:4.2"]))
    project.add_reading_path("first-steps.md", reading_path_text(summary="study-1"))
    # Beside the Welsh search page, in the same folder: the header's search link reads differently on each.
    (project.root / "content" / "about.cy.md").write_text("# Amdanom ni\n\nMae'r wefan hon yn crynhoi ymchwil.\n", encoding="utf-8")
    reused: set[str] = set()
    part, found = shell.NavCache.part, shell.NavCache.found

    def noting(cache, key, render):
        if key is not None and key in cache.parts:
            reused.add(_kind(key))
        return part(cache, key, render)

    def noting_found(cache, key):
        if found(cache, key) is not None:
            reused.add(_kind(key))
        return found(cache, key)

    mp = pytest.MonkeyPatch()
    mp.setattr(shell.NavCache, "part", noting)
    mp.setattr(shell.NavCache, "found", noting_found)
    mp.setattr(parallel_pages, "ENABLED", False)
    try:
        cached, full = _both_ways(project.root, project.root.parent)
    finally:
        mp.undo()
    return cached, full, reused


def _normalised(path: Path) -> str:
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8")).replace("> <", "><").strip()


def _differences(cached: Path, full: Path) -> list[str]:
    pages = sorted(p.relative_to(full) for p in full.rglob("*.html"))
    assert pages == sorted(p.relative_to(cached) for p in cached.rglob("*.html"))
    return [str(page) for page in pages if _normalised(cached / page) != _normalised(full / page)]


def _kinds(site: Path) -> set[str]:
    """The first folder of every page below the top level: research, browse, cpd, reading-paths, cy..."""
    return {page.relative_to(site).parts[0] for page in site.rglob("*.html") if len(page.relative_to(site).parts) > 2}


def test_every_page_is_the_same_with_the_shell_rendered_once_per_folder(bundled):
    cached, full = bundled
    assert {"research", "browse", "cpd", "reading-paths"} <= _kinds(full), "every page kind is compared"
    different = _differences(cached, full)
    assert not different, f"{len(different)} page(s) differ, e.g. {different[:5]}"


def test_every_page_in_either_language_is_the_same_with_the_shell_rendered_once(two_languages):
    cached, full, _ = two_languages
    assert {"research", "browse", "cpd", "reading-paths", "cy"} <= _kinds(full), "every page kind is compared"
    different = _differences(cached, full)
    assert not different, f"{len(different)} page(s) differ, e.g. {different[:5]}"


def test_each_shared_part_was_really_reused(two_languages):
    """The comparison means something only if the cached build took parts from the cache."""
    assert SHELL_PARTS | {"card", "term"} <= two_languages[2]
