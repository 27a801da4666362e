"""``build.py serve`` when an edit breaks the content: the browser gets the problems, then the site back.

A real preview server in a child process, fetched over HTTP as a browser would.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import REPO, summary_text

WAIT = 180  # seconds: the first build of a fixture site on a busy machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _wait_for(url: str, wanted) -> tuple[int, str]:
    deadline = time.monotonic() + WAIT
    status, text = _fetch(url)
    while not wanted(status, text) and time.monotonic() < deadline:
        time.sleep(0.5)
        status, text = _fetch(url)
    return status, text


@pytest.fixture
def preview(project):
    project.add("talking-mats.md", summary_text())
    port = _free_port()
    code = "import sys; from pathlib import Path; from evidence_cli.serve import serve; serve(Path(sys.argv[1]), sys.argv[2])"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "plugins"), os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen([sys.executable, "-c", code, str(project.root), f"127.0.0.1:{port}"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        yield project, f"http://127.0.0.1:{port}", child
    finally:
        if child.poll() is None:
            child.terminate()
            child.communicate(timeout=60)


def test_a_broken_edit_shows_its_problems_in_the_browser_and_the_next_good_save_recovers(preview):
    project, server, child = preview
    page = f"{server}/research/talking-mats/"
    status, text = _wait_for(page, lambda s, t: s == 200)
    assert status == 200 and "Talking mats in care homes" in text, "the preview serves the summary"

    project.add("talking-mats.md", summary_text(year="last year"))
    status, text = _wait_for(page, lambda s, t: "Preview not rebuilt" in t)
    assert "Preview not rebuilt: 1 problem" in text, f"the browser should show the problem, got {status}: {text[:300]}"
    assert "research_summaries/talking-mats.md:" in text and "year" in text
    assert "location.reload" in text, "the problems page reloads itself when the site is back"

    project.add("talking-mats.md", summary_text(title="Talking mats in care homes, revised"))
    status, text = _wait_for(page, lambda s, t: s == 200)
    assert status == 200 and "Talking mats in care homes, revised" in text, "the next good save brings the site back"

    child.terminate()
    terminal = child.communicate(timeout=60)[0]
    assert "research_summaries/talking-mats.md:" in terminal and "Preview not rebuilt" in terminal, terminal[-2000:]


def test_an_edit_shows_on_every_page_that_shows_the_summary_and_search_catches_up(preview):
    """The preview re-renders only pages whose inputs changed: those showing the summary must not be missed."""
    project, server, child = preview
    page = f"{server}/research/talking-mats/"
    assert _wait_for(page, lambda s, t: s == 200)[0] == 200
    assert _wait_for(f"{server}/pagefind/pagefind-entry.json", lambda s, t: s == 200)[0] == 200, "search is built in the preview"

    project.add("talking-mats.md", summary_text(title="Talking mats, edited", standards=["swe:4.2"]))
    _wait_for(page, lambda s, t: "Talking mats, edited" in t)
    for shows_it in [page, f"{server}/browse/topic/communication/", f"{server}/browse/year/2021/", f"{server}/cpd/swe/4.2/", f"{server}/"]:
        status, text = _fetch(shows_it)
        assert status == 200 and "Talking mats, edited" in text, f"{shows_it} should show the edit"
    assert _wait_for(f"{server}/pagefind/pagefind-entry.json", lambda s, t: s == 200)[0] == 200, "search is rebuilt after the reload"
