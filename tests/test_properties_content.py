"""Property tests: whatever an editor writes, ``check`` answers with located lines, never a traceback.

Hypothesis mutates valid summaries, reading paths, vocabularies, frameworks,
the CPD rules and the evidence block of mkdocs.yml (content_strategies.py). For every
case ``check`` returns 0 or 1 and prints only ``path:line: message`` lines and
its one summary line. Then a few breaking inputs are built: the build fails and
the previous site/ is byte-for-byte as it was.

Examples are capped by the profile in conftest.py; ``HYPOTHESIS_PROFILE=long``
runs many more (see README, "Property tests").
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from conftest import REPO, WALES, Project, summary_text
from content_strategies import data_files, front_matter_files, plugin_options
from evidence.read.settings import Settings
from evidence_cli.check import check
from evidence_cli.site_build import build
from test_one_fault_one_message import PATH

LOCATED = re.compile(r"^[^\n:]+:\d+: \S")
CONFIG = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
TOPICS = (REPO / "data" / "vocabularies" / "topics.yml").read_text(encoding="utf-8")
CPD_FILE = Settings.from_mkdocs_yml(REPO / "mkdocs.yml").cpd_file.relative_to(REPO)  # the chosen nation's rules
CPD = (REPO / CPD_FILE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site_project(tmp_path_factory) -> Project:
    """One small project for every example: each example changes one file and puts it back."""
    project = Project(tmp_path_factory.mktemp("properties") / "project")
    project.add("talking-mats.md", summary_text())
    project.add_reading_path("a-path.md", PATH)
    project.add_framework("wales.yml", WALES)
    return project


@contextlib.contextmanager
def replaced(path: Path, text: str):
    """``path`` holds ``text`` for the duration; then its old contents (or absence) come back."""
    old = path.read_bytes() if path.exists() else None
    path.write_text(text, encoding="utf-8")
    try:
        yield
    finally:
        path.unlink()
        if old is not None:
            path.write_bytes(old)


def answers(root: Path, command=check) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = command(root)
    return code, out.getvalue().splitlines(), err.getvalue()


def assert_located(root: Path, text: str, where: str) -> int:
    """The promise of rule 14 for one input: 0 or 1, only located lines and the summary, nothing on stderr."""
    code, out, err = answers(root)
    assert code in (0, 1), out
    assert out and out[-1].startswith("Checked "), out
    assert all(LOCATED.match(line) for line in out[:-1]), (where, text[:2000], out)
    assert err == "", err
    assert code == 0 or any(": warning: " not in line for line in out[:-1]), out
    return code


def target(project: Project, kind: str) -> tuple[Path, str]:
    """The file a kind of input lives in, and its valid text."""
    return {
        "summary": (project.summaries / "talking-mats.md", summary_text()),
        "reading path": (project.root / "reading_paths" / "a-path.md", PATH),
        "vocabulary": (project.root / "data" / "vocabularies" / "topics.yml", TOPICS),
        "framework": (project.root / "data" / "frameworks" / "wales.yml", WALES),
        "cpd": (project.root / CPD_FILE, CPD),
        "options": (project.root / "mkdocs.yml", CONFIG),
    }[kind]


@given(data=st.data())
def test_check_answers_any_summary(site_project, data):
    path, valid = target(site_project, "summary")
    text = data.draw(front_matter_files(valid))
    with replaced(path, text):
        assert_located(site_project.root, text, "summary")


@given(data=st.data())
def test_check_answers_any_reading_path(site_project, data):
    path, valid = target(site_project, "reading path")
    text = data.draw(front_matter_files(valid))
    with replaced(path, text):
        assert_located(site_project.root, text, "reading path")


@given(data=st.data(), kind=st.sampled_from(["vocabulary", "framework", "cpd"]))
def test_check_answers_any_data_file(site_project, data, kind):
    path, valid = target(site_project, kind)
    text = data.draw(data_files(valid))
    with replaced(path, text):
        assert_located(site_project.root, text, kind)


@given(data=st.data())
def test_check_answers_any_plugin_options(site_project, data):
    path, valid = target(site_project, "options")
    text = data.draw(plugin_options(valid))
    with replaced(path, text):
        if assert_located(site_project.root, text, "options") == 0:  # check passes: MkDocs accepts the options too
            with contextlib.redirect_stderr(io.StringIO()):
                load_config(config_file=str(path))


def site_hash(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        digest.update(path.relative_to(site).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"folder")
    return digest.hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    """A tiny site, built once; breaking inputs are then built over it."""
    project = Project(tmp_path_factory.mktemp("built") / "project")
    project.add("talking-mats.md", summary_text())
    assert answers(project.root, build)[0] == 0
    return project


BREAKING = st.one_of(
    st.tuples(st.just("summary"), st.just("year: 2021"), st.sampled_from(["year: 2020.0", "year: 0x7E4", "year: !!int abc", "year: " + "9" * 5000, "year: [unclosed"])),
    st.tuples(st.just("summary"), st.just("published: '2026-01-15'"), st.sampled_from(["published: 0000-01-01", "published: 02/12/2026", "published: !!timestamp x"])),
    st.tuples(st.just("options"), st.just("      data_dir: data\n"), st.sampled_from([
        "      data_dir: data\n      browse_per_page: 0\n", "      data_dir: /etc\n", "      data_dir: data\n      facets: 3\n",
        "      data_dir: data\n      csp_sources: {img-src: x}\n", "      data_dir: data\n      related_count: -3\n",
    ])),
    st.tuples(st.just("options"), st.just("site_name: "), st.just('site_name: "')),
)


@settings(max_examples=8)
@given(change=BREAKING)
def test_a_failed_build_leaves_the_site_byte_for_byte(built, change):
    kind, old, new = change
    path, _ = target(built, kind)
    before = site_hash(built.root / "site")
    text = path.read_text(encoding="utf-8")
    with replaced(path, text.replace(old, new, 1)):
        code, out, err = answers(built.root, build)
    assert code == 1, out
    assert out[-1].startswith("Not built: ") and all(LOCATED.match(line) for line in out[:-2]), out
    assert "Traceback" not in err
    assert site_hash(built.root / "site") == before
