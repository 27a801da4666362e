"""A copy's own settings in local/settings.yml: read by check and the build alike, colours checked for contrast."""

from __future__ import annotations

import textwrap

import pytest

from evidence.read import palette

SETTINGS = """\
site_name: Anytown Council research for practice
site_url: https://council.example/evidence
copyright: Anytown Council
logo: images/logo.svg
colours:
  header: "#1d3557"
  header_text: "#ffffff"
  link: "#1d3557"
contact:
  name: Practice Development Team
  email: evidence@council.example
footer_links:
  - text: Anytown Council home page
    url: https://council.example/
evidence:
  review_after_years: 1
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'


def write_local(project, text: str = SETTINGS, logo: bool = True) -> None:
    folder = project.root / "local"
    (folder / "content" / "images").mkdir(parents=True, exist_ok=True)
    (folder / "settings.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    if logo:
        (folder / "content" / "images" / "logo.svg").write_text(LOGO, encoding="utf-8")


@pytest.mark.parametrize("first, second, ratio", [("#ffffff", "#000000", 21.0), ("#ffffff", "#ffffff", 1.0), ("#767676", "#ffffff", 4.54), ("#777777", "#ffffff", 4.48)])
def test_contrast_is_computed_as_wcag_defines_it(first, second, ratio):
    assert round(palette.contrast(first, second), 2) == ratio


def test_a_palette_that_fails_aa_is_a_located_error_naming_the_pair_and_ratio(project, capsys):
    from test_cli import cli

    write_local(project, SETTINGS.replace('link: "#1d3557"', 'link: "#777777"').replace('header_text: "#ffffff"', 'header_text: "#2b3a55"'))
    project.add("talking-mats.md", __import__("conftest").summary_text())
    assert cli(project, "check") == 1
    out = capsys.readouterr().out
    lines = SETTINGS.splitlines()
    at = {key: next(n for n, text in enumerate(lines, 1) if text.strip().startswith(f"{key}:")) for key in ("link", "header_text")}
    assert f"local/settings.yml:{at['link']}: 'colours.link': links on the page (#777777 on #ffffff) has a contrast ratio of 4.47:1; WCAG 2.2 AA needs at least 4.5:1 for text" in out
    assert f"local/settings.yml:{at['header_text']}: 'colours.header_text': header text on the header (#2b3a55 on #1d3557) has a contrast ratio of 1." in out
    assert project.build() == 1, "the build refuses the same palette"


def test_local_settings_brand_the_built_site(project):
    write_local(project)
    project.add("talking-mats.md", __import__("conftest").summary_text(published="2024-01-01"))
    library = project.library()
    assert library.settings.site_path == "/evidence/" and library.settings.review_after_years == 1
    assert any("not reviewed since 2024-01-01 (over 1 years)" in str(p) for p in library.problems.warnings), "plugin options come from local settings"
    assert project.build() == 0
    home = project.page("")
    assert "Anytown Council research for practice</title>" in home
    assert '<link rel="canonical" href="https://council.example/evidence/">' in home
    assert '<img src="images/logo.svg" alt="logo">' in home
    assert '<a href="mailto:evidence@council.example">evidence@council.example</a>' in home
    assert '<li><a href="https://council.example/">Anytown Council home page</a></li>' in home
    assert 'href="assets/stylesheets/local-colours.css"' in home
    css = "".join((project.root / "site" / "assets" / "stylesheets" / "local-colours.css").read_text(encoding="utf-8").split())
    assert "--md-primary-fg-color:#1d3557;" in css and "--md-typeset-a-color:#1d3557;" in css
    assert (project.root / "site" / "images" / "logo.svg").is_file()


def test_a_placeholder_address_in_local_settings_is_a_warning_there(project, capsys):
    write_local(project)
    project.add("talking-mats.md", __import__("conftest").summary_text())
    assert project.build() == 0
    line = next(n for n, t in enumerate(SETTINGS.splitlines(), 1) if t.startswith("site_url:"))
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"local/settings.yml:{line}: warning: site_url is https://council.example/evidence/, a placeholder")


@pytest.mark.parametrize("change, message", [
    (("site_url: https://council.example/evidence", "site_url: council.example/evidence"), "'site_url' must be a web address starting with https://"),
    (('header: "#1d3557"', 'header: teal'), "'colours.header' must be a colour written as # and six hexadecimal digits"),
    (("logo: images/logo.svg", "logo: images/crest.svg"), "'logo': there is no file local/content/images/crest.svg; put the image there or fix the path"),
    (("copyright: Anytown Council", "copyrite: Anytown Council"), "unknown field 'copyrite'; did you mean 'copyright'?"),
    (("  review_after_years: 1", "  review_after_years: soon"), "'review_after_years' must be"),
])
def test_every_mistake_in_local_settings_is_located_with_the_fix(project, change, message):
    text = SETTINGS.replace(*change)
    write_local(project, text)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if change[1] in t)
    errors = [str(p) for p in project.library().problems.errors]
    assert any(e.startswith(f"local/settings.yml:{line}: {message}") for e in errors), errors
