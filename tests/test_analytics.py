"""Usage counting: nothing by default; one setting switches on a council's own engine, and the
page, its policy, the privacy page and the report all follow that one setting."""

from __future__ import annotations

import re

import pytest

from conftest import Project, summary_text

ENGINE = "https://stats.council.example"


def policy(html: str) -> str:
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)


def external_scripts(html: str) -> list[str]:
    return [src for src in re.findall(r'<script[^>]*\ssrc="([^"]+)"', html) if src.startswith(("http:", "https:", "//"))]


def test_by_default_no_page_loads_a_counting_script_and_the_privacy_page_says_so(bundled_site):
    for page in bundled_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not external_scripts(html), page
        assert "analytics.js" not in html, page
    privacy = (bundled_site / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "This site does not count visits." in privacy


@pytest.mark.parametrize("engine, script", [("plausible", f"{ENGINE}/js/script.js"), ("goatcounter", f"{ENGINE}/count.js"), ("matomo", None)])
def test_one_setting_switches_on_the_engine_its_policy_and_the_privacy_text(tmp_path, engine, script):
    project = Project(tmp_path / "project")
    project.add("one.md", summary_text())
    project.set_options(analytics_engine=engine, analytics_url=ENGINE, analytics_site="7")
    assert project.build() == 0
    page = project.page("research/one")
    assert external_scripts(page) == ([script] if script else [])
    assert 'data-engine="%s"' % engine in page
    directives = dict(d.strip().split(" ", 1) for d in policy(page).split(";"))
    for name in ("script-src", "connect-src"):
        assert ENGINE in directives[name].split()
    assert ENGINE not in directives["style-src"] and ENGINE not in directives["default-src"]
    privacy = project.page("privacy")
    assert "This site counts visits with" in privacy and "who anyone is" in privacy


def test_report_explains_what_the_council_can_and_cannot_see(tmp_path, capsys):
    from evidence_cli.report import report

    project = Project(tmp_path / "project")
    project.add("one.md", summary_text())
    assert report(project.root) == 0
    assert "Usage counting: off" in capsys.readouterr().out
    project.set_options(analytics_engine="plausible", analytics_url=ENGINE)
    assert report(project.root) == 0
    out = capsys.readouterr().out
    assert f"Usage counting: on, with Plausible at {ENGINE}." in out
    assert "The council can see:" in out and "The council cannot see:" in out and "what one person read" in out
