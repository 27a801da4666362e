"""Fixtures for the browser gates: one site build, one server, one Chromium per session.

Locally, missing tools (Chromium, node_modules) skip these tests with a hint.
With CI=true they fail instead, so CI can never pass by silently skipping.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .browser import (
    AXE_JS,
    HTMLCS_JS,
    REPO_ROOT,
    VNU_JAR,
    discover_pages,
    find_chromium,
    java_available,
    launch,
    serve_site,
)

IN_CI = os.environ.get("CI") == "true"
SETUP_HINT = "set up with `apt-get install chromium` and `npm ci` (or run .ci/run)"


def skip_or_fail(reason: str) -> None:
    """Skip on a developer machine, fail in CI (where skipping would hide a broken gate)."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: browser gates must not be skipped)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    """The bundled site, built once per session (shared with the non-browser tests).

    Set EVIDENCE_SITE_DIR=/path/to/site to test an existing build instead
    (handy when debugging a template: build once, rerun the tests many times).
    """
    override = os.environ.get("EVIDENCE_SITE_DIR")
    if override:
        site = Path(override).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"EVIDENCE_SITE_DIR={override} has no index.html", pytrace=False)
        return site
    return request.getfixturevalue("bundled_site")


@pytest.fixture(scope="session")
def site_pages(built_site) -> dict:
    """One representative HTML file per page kind (None where the kind is absent)."""
    return discover_pages(built_site)


@pytest.fixture(scope="session")
def site_path() -> str:
    """The path the bundled site is published under ('/' or, for a council, say '/evidence/'), from its settings."""
    from evidence.read.settings import Settings

    return Settings.from_mkdocs_yml(REPO_ROOT / "mkdocs.yml").site_path


@pytest.fixture(scope="session")
def site_server(built_site, site_path):
    """Base URL of a local HTTP server for the built site, under its published path (no trailing slash)."""
    with serve_site(built_site, site_path) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (start-up is the slow part)."""
    if not find_chromium():
        skip_or_fail(f"Chromium not found (or set CHROMIUM_PATH): {SETUP_HINT}")
    if not AXE_JS.is_file():
        skip_or_fail(f"node_modules/axe-core is missing: {SETUP_HINT}")
    if not HTMLCS_JS.is_file():
        skip_or_fail(f"node_modules/html_codesniffer is missing: {SETUP_HINT}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("Python playwright is not installed: run `python3 build.py` to set up .venv")
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def page(browser):
    """One reused tab. Tests set their own viewport and navigate first.

    Reduced motion makes drawer and skip-link transitions instant, so what the
    tests measure does not depend on timing.
    """
    context = browser.new_context(reduced_motion="reduce")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def nu_checker():
    """Make sure the Nu HTML Checker can run (Java + node_modules/vnu-jar)."""
    if not java_available():
        skip_or_fail("java not found: install a Java 17 runtime (`apt-get install openjdk-17-jre-headless`)")
    if not VNU_JAR.is_file():
        skip_or_fail(f"node_modules/vnu-jar is missing: {SETUP_HINT}")
