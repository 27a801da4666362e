"""The navigation rendered once per folder (evidence_mkdocs/shell.py) gives byte-for-byte the
pages Material renders page by page: the bundled site is built both ways and compared."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import REPO
from evidence_cli.site_build import build
from evidence_mkdocs import shell


def test_the_theme_is_the_version_the_cached_navigation_was_checked_against():
    """main.html copies Material's site_nav block: an upgrade must be checked, not trusted."""
    installed = version("mkdocs-material")
    assert installed == shell.MATERIAL_VERSION, (
        f"mkdocs-material is {installed}, but overrides/main.html's site_nav block was copied from {shell.MATERIAL_VERSION}: "
        "compare it with the new base.html, run tests/test_shell.py, then update MATERIAL_VERSION"
    )


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("shell")
    assert build(REPO, root / "cached") == 0
    shell.ENABLED = False
    try:
        assert build(REPO, root / "full") == 0
    finally:
        shell.ENABLED = True
    return root / "cached", root / "full"


def _normalised(path: Path) -> str:
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8")).replace("> <", "><").strip()


def test_every_page_is_the_same_with_the_navigation_rendered_once_per_folder(both_ways):
    cached, full = both_ways
    pages = sorted(p.relative_to(full) for p in full.rglob("*.html"))
    assert pages == sorted(p.relative_to(cached) for p in cached.rglob("*.html"))
    kinds = {page.parts[0] for page in pages if len(page.parts) > 2}
    assert {"research", "browse", "cpd", "reading-paths"} <= kinds, "every page kind is compared"
    different = [str(page) for page in pages if _normalised(cached / page) != _normalised(full / page)]
    assert not different, f"{len(different)} page(s) differ, e.g. {different[:5]}"
