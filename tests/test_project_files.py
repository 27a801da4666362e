"""Only the project's own files are read and published; anything else in a content folder is named.

A symbolic link can dress any file on the machine as a page, a summary or a data
file. These tests plant such links in every folder the site is made from and
check that the outside text reaches neither the site nor a message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import summary_text
from test_cli import cli
from test_site_build import tree_digest

SECRET = "OUTSIDE-THE-PROJECT-5f1c"
OUTSIDE = "symbolic link to a file outside the project is not published; copy the file into the project instead"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "secret.md"
    path.parent.mkdir()
    path.write_text(f"---\ntitle: {SECRET}\n---\n{SECRET}\n")
    return path


# Where a link may be planted: (path in the project, what would read it).
PLANTED = [
    "content/passwd.txt",
    "content/leak.md",
    "research_summaries/leak.md",
    "research_summaries/nested/leak.md",
    "reading_paths/leak.md",
    "data/vocabularies/leak.yml",
    "data/frameworks/leak.yml",
    "overrides/partials/leak.html",
]


@pytest.mark.parametrize("planted", PLANTED)
def test_a_link_to_a_file_outside_the_project_is_refused_by_check_and_build(project, capsys, secret, planted):
    project.add("talking-mats.md", summary_text())
    link = project.root / planted
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(secret)
    assert cli(project, "check") == 1
    out = capsys.readouterr().out
    assert f"{planted}:1: {OUTSIDE}" in out.splitlines()
    assert SECRET not in out
    assert project.build() == 1
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err
    assert not (project.root / "site").exists()


def test_a_linked_cpd_rules_file_outside_the_project_is_refused(project, capsys, secret):
    cpd = project.root / "data" / "cpd" / "england.yml"
    cpd.unlink()
    cpd.symlink_to(secret)
    assert cli(project, "check") == 1
    out = capsys.readouterr().out
    assert f"data/cpd/england.yml:1: {OUTSIDE}" in out.splitlines() and SECRET not in out


def test_a_linked_folder_outside_the_project_is_refused(project, capsys, secret):
    (project.root / "content" / "mirror").symlink_to(secret.parent)
    assert cli(project, "check") == 1
    out = capsys.readouterr().out
    assert "content/mirror:1: symbolic link to a folder outside the project is not published; copy the folder into the project instead" in out
    assert SECRET not in out


def test_links_that_stay_inside_the_project_keep_working(project, capsys):
    drafts = project.root / "drafts"
    drafts.mkdir()
    (drafts / "talking-mats.md").write_text(summary_text())
    (project.summaries / "talking-mats.md").symlink_to(Path("..") / "drafts" / "talking-mats.md")
    (project.root / "content" / "about-copy.md").symlink_to(project.root / "content" / "about.md")
    assert cli(project, "check") == 0, capsys.readouterr().out


def test_a_page_linked_from_outside_is_left_out_even_by_mkdocs_with_the_plugin_off(project, capsys, secret):
    """``mkdocs build`` with the evidence plugin switched off: no content check runs, the file filter still does."""
    from evidence_cli.site_build import run_mkdocs

    project.set_options(enabled=False)
    (project.root / "content" / "passwd.txt").symlink_to(secret)
    site = project.root / "built"
    run_mkdocs(project.root, site)
    assert f"content/passwd.txt:1: warning: {OUTSIDE}" in capsys.readouterr().out
    assert not (site / "passwd.txt").exists()
    assert all(SECRET not in path.read_text(errors="replace") for path in site.rglob("*") if path.is_file())


def test_the_outside_check_is_a_pure_decision_about_real_paths(tmp_path):
    from evidence.read.project_files import leaves_project

    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "content" / "page.md").write_text("# Page")
    (root / "inside").symlink_to(root / "content" / "page.md")
    (root / "outside").symlink_to(tmp_path)
    (root / "loop").symlink_to(root / "loop")
    assert not leaves_project(root / "inside", root)
    assert leaves_project(root / "outside", root)
    assert leaves_project(root / "loop", root)
    assert leaves_project(root / "content" / ".." / ".." / "x", root)


# Files a content folder would otherwise skip without a word.


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("talking-mats.txt", "only .md files are summaries, so this file is not read; rename it to talking-mats.md, or move it out of research_summaries/"),
        ("talking-mats.MD", "only .md files are summaries, so this file is not read; rename it to talking-mats.md, or move it out of research_summaries/"),
        ("talking-mats.markdown", "only .md files are summaries, so this file is not read; rename it to talking-mats.md, or move it out of research_summaries/"),
    ],
)
def test_a_summary_with_another_extension_is_named_with_the_fix(project, capsys, name, message):
    project.add(name, summary_text())
    assert cli(project, "check") == 1
    assert f"research_summaries/{name}:1: {message}" in capsys.readouterr().out.splitlines()


def test_a_folder_named_like_a_summary_is_named_not_read_as_one(project, capsys):
    (project.summaries / "talking-mats.md").mkdir()
    assert cli(project, "check") == 1
    assert (
        "research_summaries/talking-mats.md:1: 'talking-mats.md' is a folder, but only files can be summaries; "
        "rename the folder so it does not end in .md"
    ) in capsys.readouterr().out.splitlines()


def test_a_vocabulary_with_the_yaml_extension_is_named_with_the_fix(project, capsys):
    folder = project.root / "data" / "vocabularies"
    first = sorted(folder.glob("*.yml"))[0]
    first.rename(first.with_suffix(".yaml"))
    assert cli(project, "check") == 1
    out = capsys.readouterr().out.splitlines()
    assert f"data/vocabularies/{first.stem}.yaml:1: only .yml files are vocabularies, so this file is not read; rename it to {first.name}, or move it out of data/vocabularies/" in out


def test_a_broken_link_is_named(project, capsys):
    (project.summaries / "gone.md").symlink_to(project.root / "nowhere.md")
    assert cli(project, "check") == 1
    assert "research_summaries/gone.md:1: symbolic link to a file that does not exist (or to itself); fix the link or delete it" in capsys.readouterr().out.splitlines()


def test_hidden_files_and_editor_backups_are_not_content(project, capsys):
    project.add("talking-mats.md", summary_text())
    project.add(".gitkeep", "")
    project.add("talking-mats.md~", "old text")
    assert cli(project, "check") == 0, capsys.readouterr().out


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes only on POSIX")
def test_a_file_name_that_is_not_utf8_is_named_not_a_crash(project, capsys):
    project.add("talking-mats.md", summary_text())
    (project.summaries / os.fsdecode(b"caf\xe9.md")).write_text(summary_text())
    assert cli(project, "check") == 1
    assert (
        "research_summaries/caf\ufffd.md:1: the file name is not valid UTF-8, so it cannot be a web address; "
        "rename it using letters, digits and hyphens"
    ) in capsys.readouterr().out.splitlines()


def test_a_failed_build_for_a_planted_link_leaves_the_previous_site_byte_for_byte(project, capsys, secret):
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    before = tree_digest(project.root / "site")
    (project.root / "content" / "passwd.txt").symlink_to(secret)
    assert project.build() == 1
    assert f"content/passwd.txt:1: {OUTSIDE}" in capsys.readouterr().out
    assert tree_digest(project.root / "site") == before


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes only on POSIX")
def test_a_page_or_image_whose_name_is_not_utf8_is_named_before_mkdocs_fails_on_it(project, capsys):
    (project.root / "content" / os.fsdecode(b"caf\xe9.png")).write_bytes(b"not really a picture")
    assert cli(project, "check") == 1
    assert (
        "content/caf\ufffd.png:1: the file name is not valid UTF-8, so it cannot be a web address; rename it using letters, digits and hyphens"
    ) in capsys.readouterr().out.splitlines()


def test_a_link_to_itself_among_the_pages_is_named(project, capsys):
    (project.root / "content" / "loop").symlink_to("loop")
    assert cli(project, "check") == 1
    assert "content/loop:1: symbolic link to a file that does not exist (or to itself); fix the link or delete it" in capsys.readouterr().out.splitlines()


def test_a_link_into_the_projects_hidden_folders_is_refused_like_one_outside(project, capsys):
    """A CI checkout keeps its token in .git/config: a page linked to it must not publish it."""
    (project.root / ".git").mkdir()
    (project.root / ".git" / "config").write_text("extraheader = AUTHORIZATION: basic secret-token")
    (project.root / "content" / "config.txt").symlink_to(project.root / ".git" / "config")
    assert cli(project, "check") == 1
    out = capsys.readouterr().out
    assert f"content/config.txt:1: {OUTSIDE}" in out.splitlines() and "secret-token" not in out


def test_hidden_files_of_the_pages_folder_itself_are_its_own(tmp_path):
    """``content/.well-known/security.txt`` is a real file of the project, not a link: it may be published."""
    from evidence.read.project_files import leaves_project

    root = tmp_path / "project"
    (root / "content" / ".well-known").mkdir(parents=True)
    (root / "content" / ".well-known" / "security.txt").write_text("Contact: mailto:x@example.org")
    assert not leaves_project(root / "content" / ".well-known" / "security.txt", root)
