"""``python3 build.py test`` sets up the browser gates' needs and says which gates ran."""

from __future__ import annotations

import json
from pathlib import Path

from evidence_cli import node_packages
from evidence_cli.test import gates_line


def _lock(root: Path, **versions: str) -> None:
    packages = {"": {"name": "x"}, **{f"node_modules/{name}": {"version": v, "dev": True} for name, v in versions.items()}}
    (root / "package-lock.json").write_text(json.dumps({"packages": packages}), encoding="utf-8")


def _install(root: Path, name: str, version: str) -> None:
    folder = root / "node_modules" / name
    folder.mkdir(parents=True)
    (folder / "package.json").write_text(json.dumps({"name": name, "version": version}), encoding="utf-8")


def test_missing_or_other_versions_of_pinned_node_packages_are_stale(tmp_path: Path):
    _lock(tmp_path, **{"axe-core": "4.14.1", "vnu-jar": "26.9.27", "html_codesniffer": "2.5.1"})
    _install(tmp_path, "axe-core", "4.14.1")
    _install(tmp_path, "vnu-jar", "25.1.1")
    assert node_packages.stale_packages(tmp_path) == ["vnu-jar", "html_codesniffer"]


def test_without_npm_the_reason_names_the_install_command(tmp_path: Path, monkeypatch):
    _lock(tmp_path, **{"axe-core": "4.14.1"})
    monkeypatch.setattr(node_packages.shutil, "which", lambda name: None)
    problem = node_packages.ensure_node_packages(tmp_path)
    assert "axe-core" in problem and "npm ci" in problem and not (tmp_path / "node_modules").exists()


def test_installed_packages_need_nothing(tmp_path: Path):
    _lock(tmp_path, **{"axe-core": "4.14.1"})
    _install(tmp_path, "axe-core", "4.14.1")
    assert node_packages.ensure_node_packages(tmp_path) is None


def test_the_closing_line_says_what_ran_and_how_to_run_what_was_skipped():
    everything = gates_line("/usr/bin/chromium", None, "/usr/bin/java")
    assert "browser gates" in everything and "Nu HTML checker" in everything and "None skipped" in everything
    nothing = gates_line(None, None, None)
    assert nothing.count("\n") == 0
    assert "Skipped: browser gates" in nothing and "apt-get install chromium" in nothing and "CHROMIUM_PATH" in nothing
    assert "java not found" in nothing and "apt-get install" in nothing.split("java not found")[1]
    no_node = gates_line("/usr/bin/chromium", "npm not found: install Node.js", "/usr/bin/java")
    assert "Skipped: browser gates" in no_node and "npm not found" in no_node
