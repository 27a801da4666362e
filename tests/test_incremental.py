"""The preview's rebuild after an edit writes the same site a full build of the edited files writes.

``build.py serve`` re-renders only the pages whose inputs changed
(evidence_mkdocs/incremental.py). Here a fixture site is built as the preview
builds it, one summary is edited, the preview rebuilds, and every file it
serves is compared with a fresh full build of the same files.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import summary_text
from evidence_cli.serve import _DirtyBuildsAreOurs

SERVE_URL = "http://127.0.0.1:8000/"
EDITS = {
    "title": {"title": "Talking mats, edited"},
    "facet value": {"topics": ["discrimination"], "year": 2019},
    "standard": {"standards": ["pcf:7"]},
}


@pytest.fixture
def previewing(project):
    """``serve`` lets dirty builds pass a strict build; so does this test. MkDocs keeps plugins from one
    build to the next in a process, so afterwards they are told, as ``mkdocs build`` tells them, that this is a build."""
    logger, allowed = logging.getLogger("mkdocs.commands.build"), _DirtyBuildsAreOurs()
    logger.addFilter(allowed)
    yield
    logger.removeFilter(allowed)
    config = load_config(config_file=str(project.root / "mkdocs.yml"))
    config.plugins.on_shutdown()
    config.plugins.on_startup(command="build", dirty=False)


def _build(project, site: Path, *, command: str, dirty: bool, startup: bool):
    """One build as ``serve`` runs it (a config read afresh, the plugins kept from the last build)."""
    config = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(site))
    if startup:
        config.plugins.on_startup(command=command, dirty=dirty)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL, dirty=dirty)
    return config


def _served(site: Path) -> dict[str, bytes]:
    """Every file the preview serves, except the search index (built in the background, after the reload)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file() and "pagefind" not in p.relative_to(site).parts}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_a_rebuild_after_an_edit_equals_a_full_build(project, tmp_path, previewing, edit):
    base = {"topics": ["communication"], "standards": ["swe:4.2"]}
    project.add("talking-mats.md", summary_text(**base))
    project.add("second.md", summary_text(title="A second study of communication", year=2020, **base))
    project.add("unrelated.md", summary_text(title="A study sharing nothing", topics=["discrimination"], populations=["disabled-people"],
                                             design="survey", year=2019, standards=["pcf:7"]))
    preview = tmp_path / "preview"
    _build(project, preview, command="serve", dirty=True, startup=True)
    project.add("talking-mats.md", summary_text(**{**base, **edit}))
    _build(project, preview, command="serve", dirty=True, startup=False)
    full = _build(project, tmp_path / "full", command="serve", dirty=False, startup=True)

    rebuilt, expected = _served(preview), _served(tmp_path / "full")
    assert sorted(rebuilt) == sorted(expected), "the preview serves exactly the files a full build writes"
    differing = [name for name in expected if rebuilt[name] != expected[name]]
    assert not differing, f"pages the rebuild left stale: {differing[:10]}"
    assert full.plugins["evidence"].incremental is None, "the comparison is a full build"


def test_a_rebuild_lists_the_templates_folder_afresh(project, tmp_path, previewing):
    """The installed theme's files are listed once per preview (evidence_mkdocs/theme_listing.py);
    the site's own templates folder is listed again, so an asset saved there while previewing is served."""
    project.add("talking-mats.md", summary_text())
    preview = tmp_path / "preview"
    _build(project, preview, command="serve", dirty=True, startup=True)
    asset = project.root / "overrides" / "assets" / "added-while-previewing.css"
    asset.parent.mkdir(parents=True, exist_ok=True)
    asset.write_text("p { margin: 0 }\n", encoding="utf-8")
    _build(project, preview, command="serve", dirty=True, startup=False)
    full = tmp_path / "full"
    _build(project, full, command="serve", dirty=False, startup=True)
    assert (preview / "assets" / "added-while-previewing.css").read_bytes() == (full / "assets" / "added-while-previewing.css").read_bytes()
    assert sorted(_served(preview)) == sorted(_served(full)), "the theme's own files are served as a full build serves them"
