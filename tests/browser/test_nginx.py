"""The shipped nginx config (hosting/nginx.conf), run by the real nginx on loopback.

A small site is built for the sub-path the config serves (read from the
config's location block, and written into the site's site_url), then served by
/usr/sbin/nginx with a throwaway prefix: only the lines the config marks SITE
(listen, server name, the site folder) are changed. Checked: the security
headers on pages and on the 404 page, relative directory redirects, and in
Chromium that search works through nginx with no Content Security Policy
violation and that the 404 page finds its styles and its search.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, Project, summary_text

from .browser import watched_tab
from .conftest import skip_or_fail

SHIPPED = REPO / "hosting" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HEADERS = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"]


def sub_path() -> str:
    """The path the shipped config serves the site under (the location that holds the alias)."""
    found = re.search(r"location (/\S*/) \{[^}]*?\balias ", SHIPPED.read_text(encoding="utf-8"), re.S)
    assert found, "hosting/nginx.conf serves the site from a location with an alias"
    return found.group(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_block(site: Path, port: int) -> str:
    """The shipped server block with its SITE lines pointed at this test's site and port."""
    text = SHIPPED.read_text(encoding="utf-8")
    changes = [(r"^(\s*)listen [^;]*;", rf"\1listen 127.0.0.1:{port};"), (r"^(\s*)server_name [^;]*;", r"\1server_name localhost;"), (r"^(\s*)alias [^;]*;", rf"\1alias {site}/;")]
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
        assert count == 1, f"hosting/nginx.conf has no line matching {pattern}"
    return text


def main_config(prefix: Path, server: str) -> str:
    """A whole nginx.conf around the server block: everything nginx writes stays under ``prefix``."""
    temp = "\n".join(f"  {kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's private tmp dir
    return (
        f"{user}worker_processes 1;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\n"
        f"events {{ worker_connections 64; }}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  access_log off;\n{temp}\n{server}\n}}\n"
    )


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory):
    """Base URL (with the sub-path) of a site built for that sub-path and served by nginx."""
    if not Path(NGINX).is_file():
        skip_or_fail("nginx not found: install it with `apt-get install nginx` (or run .ci/run)")
    root = tmp_path_factory.mktemp("nginx")
    project = Project(root / "project")
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"^site_url: .*$", f"site_url: https://council.example{sub_path()}", text, count=1, flags=re.M), encoding="utf-8")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    port = free_port()
    prefix = root / "nginx"
    prefix.mkdir()
    conf = prefix / "nginx.conf"
    conf.write_text(main_config(prefix, server_block(project.root / "site", port)), encoding="utf-8")
    checked = subprocess.run([NGINX, "-t", "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([NGINX, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf), "-g", "daemon off;"], stderr=subprocess.DEVNULL)
    try:
        _wait_for(port, process, prefix / "error.log")
        yield f"http://127.0.0.1:{port}{sub_path().rstrip('/')}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    """Until nginx accepts connections (a start-up wait, not a timed assertion)."""
    for _ in range(200):
        if process.poll() is not None:
            pytest.fail(f"nginx stopped: {log.read_text(encoding='utf-8', errors='replace') if log.is_file() else ''}", pytrace=False)
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    pytest.fail("nginx did not start listening", pytrace=False)


def fetch(url: str) -> tuple[int, dict, str]:
    """Status, headers and body, without following redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


@pytest.mark.parametrize("path, status", [("/", 200), ("/research/talking-mats/", 200), ("/no-such-page/", 404)])
def test_security_headers_on_every_response(nginx_site, path, status):
    code, headers, _ = fetch(nginx_site + path)
    assert code == status
    assert [name for name in HEADERS if name not in headers] == []
    assert "frame-ancestors" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_missing_pages_get_our_404_page_and_directories_redirect_relatively(nginx_site):
    _, _, body = fetch(nginx_site + "/no-such-page/")
    assert f'action="{sub_path()}search/"' in body and "Page not found" in body
    code, headers, _ = fetch(nginx_site + "/research/talking-mats")
    assert code == 301 and headers["Location"] == f"{sub_path()}research/talking-mats/"


@pytest.fixture
def tab(browser):
    page = watched_tab(browser)
    page.failures = []
    page.on("response", lambda response: page.failures.append(f"{response.status} {response.url}") if response.status >= 400 and "no-such-page" not in response.url else None)
    page.on("requestfailed", lambda request: page.failures.append(f"failed {request.url}"))
    yield page
    page.context.close()


def test_search_works_through_nginx_with_no_policy_violation(tab, nginx_site):
    tab.goto(nginx_site + "/search/?q=talking+mats")
    result = tab.locator(f'.ev-result a[href*="{sub_path()}research/talking-mats/"]')
    result.first.wait_for(timeout=10000)
    assert tab.evaluate("window.__violations") == []
    assert tab.failures == []


def test_the_404_page_finds_its_styles_and_its_search(tab, nginx_site):
    response = tab.goto(nginx_site + "/no-such-page/deeper/")
    assert response.status == 404
    assert tab.evaluate("document.styleSheets.length") > 0 and tab.failures == [], tab.failures
    box = tab.get_by_role("searchbox", name="Search this site")
    box.fill("talking mats")
    box.press("Enter")
    tab.locator(f'.ev-result a[href*="{sub_path()}research/talking-mats/"]').first.wait_for(timeout=10000)
    assert tab.evaluate("window.__violations") == [] and tab.failures == [], tab.failures
