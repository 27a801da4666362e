"""The whole life of a council's copy, with real git and the README's own commands.

An upstream repository is made from this checkout's tracked files. The
commands of README.md's "Running your own copy" section are run in order, as a
council would run them (its file blocks written where their first line says).
Between them, upstream changes mkdocs.yml, brand.css and a vocabulary and adds
a summary; the council's merge must meet no conflict, and the built site must
show both sides' content under the council's name and address.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, summary_text

FILE_COMMENT = re.compile(r"^(?:# |<!-- )(local/\S+?)( \(add these lines\))?(?: -->)?$")


def readme_steps() -> list[tuple[str, str]]:
    """(language, text) of every fenced block in the README's "Running your own copy" section."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Running your own copy\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```(\w+)\n(.*?)^```$", section, re.S | re.M)


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=GIT_ENV)
    assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def make_upstream(folder: Path) -> Path:
    """The project as a repository of its own: this checkout's tracked files (not a copy's local/)."""
    tracked = git(REPO, "ls-files", "-z").split("\0")
    for name in (n for n in tracked if n and not n.startswith("local/") and (REPO / n).is_file()):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, folder / name)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "The project")
    return folder


def change_upstream(upstream: Path) -> None:
    """An update touching the lines and files a council used to edit, plus a new summary."""
    edit(upstream / "mkdocs.yml", lambda t: re.sub(r"(?m)^site_description: .*$", "site_description: Plain-English briefings on social work research, updated.", t))
    edit(upstream / "content/assets/stylesheets/brand.css", lambda t: t.replace("--md-code-bg-color: #f5f5f5;", "--md-code-bg-color: #f4f4f4;"))
    edit(upstream / "data/vocabularies/topics.yml", lambda t: t.rstrip("\n") + "\n  - id: upstream-new-topic\n    label: A topic added upstream\n    description: Added by the project after the copy was made.\n")
    (upstream / "research_summaries/added-upstream.md").write_text(summary_text(title="A summary the project added later", topics=["upstream-new-topic"]), encoding="utf-8")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "An update")


def edit(path: Path, change) -> None:
    before = path.read_text(encoding="utf-8")
    after = change(before)
    assert after != before, f"the update should change {path.name}"
    path.write_text(after, encoding="utf-8")


def run_shell(block: str, cwd: Path, env: dict) -> Path:
    """Run one README block with bash; return the folder it ends in (a block may 'cd')."""
    script = f"set -euo pipefail\n{block}\npwd > \"$STEP_PWD\"\n"
    result = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"README block failed:\n{block}\n--- output ---\n{result.stdout}\n{result.stderr}"
    return Path(Path(env["STEP_PWD"]).read_text().strip())


def shell_env(tmp_path: Path, council: Path) -> dict:
    """The council's own machine: this environment's Python first (so build.py needs no new .venv),
    importing the council's copy of the plugins; git without the tester's own settings."""
    python_dir = str(Path(sys.executable).parent)
    return {**GIT_ENV, "PATH": f"{python_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(council / "plugins"),
            "UPSTREAM": str(tmp_path / "upstream"), "OURS": str(tmp_path / "ours.git"), "STEP_PWD": str(tmp_path / "pwd"), "CI": ""}


def write_file(path: Path, text: str, add: bool) -> None:
    """A block the README shows as a file: written whole, or its lines added to the end of the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if add:
        text = path.read_text(encoding="utf-8") + text.split("\n", 1)[1]
    path.write_text(text, encoding="utf-8")


def fill_in_new_summaries(council: Path) -> None:
    """What the editor does after `new`: replace the scaffold with the finished summary."""
    for path in (council / "local/research_summaries").glob("*.md"):
        if "FILL IN" in path.read_text(encoding="utf-8"):
            path.write_text(summary_text(title="Family group conferences in our service", topics=["family-group-conferences"]), encoding="utf-8")


def test_a_copy_made_and_updated_as_the_readme_says(tmp_path):
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and a git checkout of the project")
    upstream = make_upstream(tmp_path / "upstream")
    git(tmp_path, "init", "-q", "--bare", "-b", "main", "ours.git")
    here, council = tmp_path, tmp_path / "our-evidence"
    env = shell_env(tmp_path, council)
    steps = readme_steps()
    assert any("git merge upstream/main" in text for _, text in steps), "the README explains updating"
    for language, text in steps:
        first = text.splitlines()[0]
        target = FILE_COMMENT.match(first)
        if target:
            write_file(council / target.group(1), text, add=bool(target.group(2)))
        elif language == "sh":
            if "git fetch upstream" in text:
                change_upstream(upstream)
            text = text.replace("python3 build.py test", "python3 build.py test --collect-only -q")  # the suite itself: not inside a test
            here = run_shell(text, here, env)
            fill_in_new_summaries(council)
    assert "<<<<<<<" not in (council / "mkdocs.yml").read_text(encoding="utf-8")
    assert git(council, "status", "--porcelain") == "", "every step is committed and the merge left nothing to resolve"
    assert_both_sides_published(council / "site")


def assert_both_sides_published(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Anytown Council research for practice" in home and "council.example/evidence/" in home
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert 'content="Plain-English briefings on social work research, updated."' in not_found, "upstream's mkdocs.yml change arrived"
    assert "--md-code-bg-color:#f4f4f4" in re.sub(r"\s", "", (site / "assets/stylesheets/brand.css").read_text(encoding="utf-8"))
    assert "Family group conferences in our service" in (site / "research/family-group-conferences-in-our-service/index.html").read_text(encoding="utf-8")
    assert "A summary the project added later" in (site / "research/added-upstream/index.html").read_text(encoding="utf-8")
    assert '<html lang="cy"' in (site / "cy/research/family-group-conferences-in-our-service/index.html").read_text(encoding="utf-8")
    assert (site / "browse/topic/upstream-new-topic/index.html").is_file() and (site / "browse/topic/family-group-conferences/index.html").is_file()
    assert "The Practice Development Team chooses the research" in (site / "our-team/index.html").read_text(encoding="utf-8")
    assert not (site / "contribute").exists() or not (site / "contribute/web-editor/index.html").exists()
