"""Security checks for the GitHub Actions set-up in .github/.

The workflows hold the keys to the published site, so a careless edit (an
unpinned action, a broad token, a pull_request_target trigger) could let a
stranger's pull request publish to it. These tests catch that before review.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB_DIR = ROOT / ".github"
WORKFLOWS = sorted((GITHUB_DIR / "workflows").glob("*.y*ml"))
FULL_SHA = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")


def load(path):
    """Parse a workflow. PyYAML reads the key `on:` as True, so map it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def find_zizmor():
    """zizmor is installed into the same virtual environment as the tests, so
    look beside this Python first, then on PATH."""
    scripts = Path(sys.executable).parent
    for name in ("zizmor", "zizmor.exe"):
        if (scripts / name).is_file():
            return str(scripts / name)
    return shutil.which("zizmor")


def all_uses(node):
    """Every `uses:` value anywhere in a workflow (job- or step-level)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uses" and isinstance(value, str):
                yield value
            else:
                yield from all_uses(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_uses(item)


def test_workflows_exist():
    """Guards the other tests against passing vacuously on an empty folder."""
    names = {path.name for path in WORKFLOWS}
    assert {"check.yml", "publish.yml", "links.yml"} <= names


def test_zizmor_reports_nothing():
    """zizmor knows many more ways a workflow can leak secrets or run an
    attacker's code than the checks below; any finding fails the build."""
    zizmor = find_zizmor()
    if zizmor is None:
        reason = "zizmor is not installed (pip install zizmor) so the workflow audit did not run"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", "--color", "never", "--format", "plain", str(GITHUB_DIR)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode == 0, f"zizmor found problems:\n{result.stdout}\n{result.stderr}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_pull_request_target(path):
    """pull_request_target runs with write access and secrets on code from
    forks; these workflows must never use it."""
    assert "pull_request_target" not in load(path)["on"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_pinned_to_full_sha(path):
    """A tag like @v4 can be moved to malicious code after review; a full
    commit SHA cannot. Local actions (./...) are part of this repository."""
    unpinned = [uses for uses in all_uses(load(path))
                if not uses.startswith("./") and not FULL_SHA.match(uses)]
    assert not unpinned, f"{path.name}: pin these to a 40-character commit SHA: {unpinned}"


def test_check_workflow_is_read_only():
    """The pull-request workflow runs contributors' code, so its token must
    not be able to change anything."""
    workflow = load(GITHUB_DIR / "workflows" / "check.yml")
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        assert job.get("permissions", {"contents": "read"}) in ({}, {"contents": "read"}), name


def test_deploy_job_has_only_pages_permissions():
    """Only the deploy job may publish, and it needs nothing beyond Pages and
    the OIDC token that proves where the deployment came from."""
    jobs = load(GITHUB_DIR / "workflows" / "publish.yml")["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["build"]["permissions"] == {"contents": "read"}
