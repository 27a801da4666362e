"""Property tests over file-system layouts and output folders: every one gets an answer, nothing is lost.

Hypothesis plants files, folders and links with awkward names in every content
folder and picks ``--site-dir`` values from the dangerous to the harmless. For
each case: the command returns 0, 1 or 2 (never raises), prints only
``path:line:`` lines, a one-line refusal or its summary lines, and afterwards
every source folder and the previous site are byte-for-byte as they were.
Examples are capped by the profile in conftest.py (HYPOTHESIS_PROFILE=long for more).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import Project, summary_text
from test_cli import cli

FOLDERS = ["research_summaries", "research_summaries/nested", "reading_paths", "data/vocabularies", "data/frameworks", "content", "overrides/partials"]
STEMS = ["talking-mats", "Talking Mats", "x", "a" * 240, "café", os.fsdecode(b"caf\xe9"), "-", "con", "..."]
SUFFIXES = [".md", ".MD", ".txt", ".markdown", ".yml", ".yaml", ".html", "", ".md~"]
TEXTS = [summary_text(), "", "---\ntitle: [unclosed\n---\n", "plain words", b"\xff\xfe\x00 not text"]
KINDS = ["file", "folder", "link out", "link in", "broken link", "loop"]

entries = st.lists(
    st.tuples(st.sampled_from(FOLDERS), st.sampled_from(STEMS), st.sampled_from(SUFFIXES), st.sampled_from(KINDS), st.sampled_from(TEXTS)),
    max_size=6,
)
SITE_DIRS = [
    ".", "..", "", "content", "content/built", "research_summaries", "research_summaries/site", "data", "data/vocabularies",
    "overrides", ".git", ".venv", "node_modules", "plugins", "tests", "site", "public", "out/www", "mkdocs.yml",
    "mkdocs.yml/site", "link-to-content", "link-to-outside", "loop", "../beside", "site/../content", "a" * 300,
    os.fsdecode(b"s\xffite"),
]

LOCATED = re.compile(r"^[^\n]+:\d+: ")
SECRET = "OUTSIDE-THE-PROJECT-77ad"


def plant(project: Project, outside: Path, folder: str, stem: str, suffix: str, kind: str, text) -> None:
    """Add one entry; a name the file system itself refuses (too long) is simply not planted."""
    path = project.root / folder / f"{stem}{suffix}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "file":
            path.write_bytes(text if isinstance(text, bytes) else text.encode())
        elif kind == "folder":
            path.mkdir()
        else:
            target = {"link out": outside, "link in": project.root / "content" / "index.md", "broken link": project.root / "gone", "loop": path}[kind]
            path.symlink_to(target)
    except OSError:
        pass


def sources(root: Path) -> dict[str, str]:
    """Every entry under the project except the site and the build cache (``.cache/``, which only
    saves time): names, link targets and bytes."""
    found = {}
    for path, folders, files in os.walk(root):
        for name in folders + files:
            entry = Path(path) / name
            rel = entry.relative_to(root).as_posix()
            if rel.split("/")[0] in ("site", ".cache"):
                continue
            found[rel] = f"-> {os.readlink(entry)}" if entry.is_symlink() else "folder" if entry.is_dir() else entry.read_bytes().hex()
    return found


def run(project: Project, *argv: str) -> tuple[int, list[str], list[str]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli(project, *argv)
    return code, out.getvalue().splitlines(), err.getvalue().splitlines()


def new_project(base: Path, layout) -> tuple[Project, Path]:
    outside = base / "outside.md"
    outside.write_text(f"---\ntitle: {SECRET}\n---\n{SECRET}\n")
    project = Project(base / "project")
    (project.root / ".git").mkdir()
    (project.root / "link-to-content").symlink_to(project.root / "content")
    (project.root / "link-to-outside").symlink_to(base)
    (project.root / "loop").symlink_to(project.root / "loop")
    for entry in layout:
        plant(project, outside, *entry)
    return project, outside


@given(layout=entries)
def test_check_answers_every_layout_with_located_lines_and_reads_nothing_from_outside(layout):
    with tempfile.TemporaryDirectory() as base:
        project, _ = new_project(Path(base), layout)
        before = sources(project.root)
        code, out, err = run(project, "check")
        assert code in (0, 1)
        assert out[-1].startswith("Checked ") and all(LOCATED.match(line) for line in out[:-1]), out
        assert err == []
        assert SECRET not in "\n".join(out)
        assert sources(project.root) == before


@given(layout=entries, site_dir=st.sampled_from(SITE_DIRS))
def test_build_answers_every_output_folder_and_loses_nothing(layout, site_dir):
    """A summary with an error keeps MkDocs out of it: what is tested is everything up to the build."""
    with tempfile.TemporaryDirectory() as base:
        project, _ = new_project(Path(base), layout)
        project.add("broken.md", summary_text(design="not-a-design"))
        site = project.root / "site"
        site.mkdir()
        (site / "index.html").write_text("the previous site")
        before = sources(project.root)
        code, out, err = run(project, "--site-dir", str(project.root / site_dir), "build")
        assert code in (1, 2)
        if code == 2:
            assert out == [] and len(err) == 1 and err[0].startswith("Not built: --site-dir "), err
        else:
            assert out[-1].startswith("Not built: fix the ") and all(LOCATED.match(line) for line in out[:-1]), out
        assert SECRET not in "\n".join(out + err)
        assert sources(project.root) == before
        assert (site / "index.html").read_text() == "the previous site"
        assert not [p for p in Path(base).rglob(".*") if re.search(r"\.(building|old)-\d+$", p.name)]
