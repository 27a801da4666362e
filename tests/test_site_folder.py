"""The output folder: which ones are refused, and how the site is swapped in without ever being lost.

A kill can come between any two steps of the swap; these tests take the steps
one at a time, stop where a kill would, and check what an editor would find:
a complete site, and leftovers the next build clears or names.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import summary_text
from test_site_build import tree_digest


def snapshot(root: Path) -> dict[str, str]:
    """Every file's content and every folder's existence: what 'nothing was touched' means."""
    folders = {p.relative_to(root).as_posix(): "folder" for p in root.rglob("*") if p.is_dir()}
    return folders | tree_digest(root)


def build(project, site_dir, capsys) -> tuple[int, str]:
    from evidence_cli.site_build import build as site_build

    code = site_build(project.root, site_dir)
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("site_dir", "says"),
    [
        (".", "is the project folder itself"),
        ("..", "contains the whole project"),
        ("content", "is the pages folder 'content' (docs_dir)"),
        ("content/built", "is inside the pages folder 'content' (docs_dir)"),
        ("research_summaries", "is the summaries folder 'research_summaries' (summaries_dir)"),
        ("data/frameworks", "is the frameworks folder 'data/frameworks' (frameworks_dir)"),
        ("overrides", "is the templates folder 'overrides' (custom_dir)"),
        (".git", "is the project's '.git' folder"),
        (".venv/site", "is inside the project's '.venv' folder"),
    ],
)
def test_an_output_folder_that_holds_sources_is_refused_before_anything_is_touched(project, capsys, site_dir, says):
    (project.root / ".git").mkdir()
    project.add("talking-mats.md", summary_text())
    before = snapshot(project.root)
    code, err = build(project, project.root / site_dir, capsys)
    assert code == 2
    assert f"Not built: --site-dir {project.root / site_dir} {says}, and building replaces the whole folder." in err
    assert "Choose a new folder of its own, such as site/ (nothing was changed)." in err
    assert snapshot(project.root) == before


def test_an_output_folder_that_contains_a_moved_source_folder_is_refused(project, capsys):
    """A fork keeps its data under src/: building into src/ would replace it."""
    shutil.move(project.root / "data", project.root / "src" / "data")
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text())
    next(p for p in config["plugins"] if isinstance(p, dict) and "evidence" in p)["evidence"]["data_dir"] = "src/data"
    (project.root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    before = snapshot(project.root)
    code, err = build(project, project.root / "src", capsys)
    assert (code, snapshot(project.root)) == (2, before)
    assert "contains the data folder 'src/data' (data_dir)" in err


def test_an_output_folder_reached_through_a_link_is_judged_where_it_leads(project, capsys):
    (project.root / "public").symlink_to(project.root / "content")
    before = snapshot(project.root)
    code, err = build(project, project.root / "public", capsys)
    assert (code, snapshot(project.root)) == (2, before)
    assert "is the pages folder 'content' (docs_dir)" in err


def test_an_output_path_that_is_a_file_is_refused(project, capsys):
    before = snapshot(project.root)
    code, err = build(project, project.root / "mkdocs.yml", capsys)
    assert (code, snapshot(project.root)) == (2, before)
    assert f"Not built: --site-dir {project.root / 'mkdocs.yml'} is a file, not a folder; give a folder name such as site/" in err


def test_an_output_folder_beside_the_project_or_new_inside_it_is_accepted(project):
    from evidence.read.output_folder import refusal
    from evidence.read.settings import Settings

    settings = Settings.from_mkdocs_yml(project.root / "mkdocs.yml")
    for accepted in (project.root / "site", project.root / "public" / "www", project.root.parent / "elsewhere"):
        assert refusal(accepted, settings) is None


# The swap, one step at a time. A folder named with the id of a process that has
# ended is what a build killed with kill -9 leaves behind.


def _finished_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def a_site(folder: Path, words: str) -> Path:
    (folder / "research" / "one").mkdir(parents=True)
    (folder / "index.html").write_text(f"<h1>{words}</h1>")
    (folder / "research" / "one" / "index.html").write_text(f"<p>{words}</p>")
    return folder


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site."))


def test_a_kill_during_the_build_leaves_the_site_and_the_next_build_clears_the_half_built_folder(tmp_path):
    from evidence_cli.site_folder import sweep_leftovers

    site = a_site(tmp_path / "site", "previous")
    before = tree_digest(site)
    half = tmp_path / f".site.building-{_finished_pid()}"
    half.mkdir()
    (half / "index.html").write_text("half a page")
    assert sweep_leftovers(site) == []
    assert tree_digest(site) == before and leftovers(tmp_path) == []


def test_after_the_atomic_exchange_the_new_site_is_in_place_whatever_happens_next(tmp_path):
    from evidence_cli.exchange import exchange
    from evidence_cli.site_folder import sweep_leftovers

    site = a_site(tmp_path / "site", "previous")
    new = a_site(tmp_path / f".site.building-{_finished_pid()}", "new")
    expected = tree_digest(new)
    if not exchange(new, site):
        pytest.skip("this file system cannot exchange two names atomically; the two-rename tests cover it")
    assert tree_digest(site) == expected  # killed here: the previous site is a leftover, the new one is live
    assert sweep_leftovers(site) == []
    assert tree_digest(site) == expected and leftovers(tmp_path) == []


def test_a_kill_between_the_two_fallback_renames_is_repaired_by_the_next_build(tmp_path):
    """The fallback's first rename has parked the site; the kill comes before the second."""
    from evidence_cli.site_folder import sweep_leftovers

    site = a_site(tmp_path / "site", "previous")
    before = tree_digest(site)
    dead = _finished_pid()
    a_site(tmp_path / f".site.building-{dead}", "new, maybe complete, maybe not")
    site.rename(tmp_path / f".site.old-{dead}")
    assert not site.exists()
    assert sweep_leftovers(site) == []
    assert tree_digest(site) == before  # the only complete copy went back, it was not deleted
    assert leftovers(tmp_path) == []


def test_the_fallback_swaps_and_leaves_nothing_behind(tmp_path):
    from evidence_cli.site_folder import remove, two_renames

    site = a_site(tmp_path / "site", "previous")
    new = a_site(tmp_path / ".site.building-1", "new")
    expected = tree_digest(new)
    assert remove(two_renames(new, site)) == []
    assert tree_digest(site) == expected and leftovers(tmp_path) == []


def _read_only(folder: Path) -> None:
    for path, _, files in os.walk(folder, topdown=False):
        for name in files:
            os.chmod(Path(path) / name, 0o444)
        os.chmod(path, 0o555)


def test_a_read_only_previous_site_is_replaced_and_removed(tmp_path):
    from evidence_cli.site_folder import swap_into_place

    site = a_site(tmp_path / "site", "previous")
    _read_only(site)
    new = a_site(tmp_path / ".site.building-1", "new")
    expected = tree_digest(new)
    assert swap_into_place(new, site) == []
    assert tree_digest(site) == expected and leftovers(tmp_path) == []


@pytest.fixture
def undeletable(tmp_path):
    """A folder whose entries cannot be removed, even by root: the immutable attribute (Linux, ext4)."""

    def pin(folder: Path) -> None:
        if os.geteuid() != 0 or not shutil.which("chattr"):
            pytest.skip("needs root and chattr to make a folder nobody can empty")
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("this file system has no immutable attribute")

    yield pin
    if shutil.which("chattr"):  # the folder may have moved (it was swapped out): release the whole tree
        subprocess.run(["chattr", "-R", "-i", str(tmp_path)], capture_output=True, check=False)


def test_a_leftover_that_cannot_be_removed_is_named_in_a_warning(tmp_path, undeletable):
    from evidence_cli.site_folder import sweep_leftovers

    site = a_site(tmp_path / "site", "current")
    stuck = a_site(tmp_path / f".site.old-{_finished_pid()}", "previous")
    undeletable(stuck / "research")
    assert sweep_leftovers(site) == [
        f"warning: could not remove {stuck} (Operation not permitted); the site is complete, delete that folder by hand"
    ]


def test_a_build_whose_previous_site_cannot_be_removed_says_so_and_succeeds(project, capsys, undeletable):
    project.add("talking-mats.md", summary_text())
    site = project.root / "site"
    a_site(site, "previous")
    undeletable(site / "research" / "one")
    from evidence_cli.site_build import build as site_build

    assert site_build(project.root, site) == 0
    err = capsys.readouterr().err
    assert "warning: could not remove " in err and ".site.building-" in err and "delete that folder by hand" in err
    assert "Talking mats" in (site / "research/talking-mats/index.html").read_text()


def test_an_output_folder_of_other_files_is_refused_not_emptied(project, capsys, tmp_path):
    """Only a site is replaced: ``--site-dir ~/Documents`` must not delete someone's documents."""
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "notes.txt").write_text("my notes")
    code, err = build(project, documents, capsys)
    assert code == 2
    assert f"Not built: --site-dir {documents} holds files but no site (it has no index.html), and building replaces the whole folder." in err
    assert (documents / "notes.txt").read_text() == "my notes"


def test_an_output_folder_under_a_file_is_refused(project, capsys):
    code, err = build(project, project.root / "mkdocs.yml" / "site", capsys)
    assert code == 2
    assert f"Not built: --site-dir {project.root / 'mkdocs.yml' / 'site'} lies under mkdocs.yml, which is a file; choose a folder such as site/" in err


def test_an_output_folder_where_nothing_can_be_written_is_refused(project, capsys, tmp_path, undeletable):
    locked = tmp_path / "locked"
    locked.mkdir()
    undeletable(locked)
    code, err = build(project, locked / "site", capsys)
    assert code == 2
    assert f"Not built: cannot write to {locked} to create --site-dir {locked / 'site'}; choose a folder you can write to (nothing was changed)." in err
    assert list(locked.iterdir()) == []


def test_mkdocs_run_directly_refuses_a_source_folder_as_site_dir_before_emptying_it(project, caplog):
    """``mkdocs build -d research_summaries`` would empty the folder first: the plugin refuses it in on_config."""
    from mkdocs.exceptions import Abort

    from evidence_cli.site_build import run_mkdocs

    project.add("talking-mats.md", summary_text())
    before = snapshot(project.root)
    with pytest.raises(Abort):
        run_mkdocs(project.root, project.root / "research_summaries")
    assert f"Not built: site_dir {project.summaries} is the summaries folder 'research_summaries' (summaries_dir)" in caplog.text
    assert snapshot(project.root) == before
