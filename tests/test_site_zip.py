"""``build.py zip``: the built site as one zip for an intranet web server."""

from __future__ import annotations

import zipfile

from conftest import summary_text
from evidence_cli.site_zip import site_zip


def test_zip_holds_the_built_site_under_one_folder_in_a_stable_order(project, capsys):
    project.add("talking-mats.md", summary_text())
    assert site_zip(project.root) == 0
    target = project.root / "site.zip"
    site = project.root / "site"
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
        assert archive.read("site/index.html") == (site / "index.html").read_bytes()
    assert sorted(names) == sorted(f"site/{p.relative_to(site).as_posix()}" for p in site.rglob("*") if p.is_file())
    assert "site/404.html" in names and "site/research/talking-mats/index.html" in names
    assert "intranet web server" in capsys.readouterr().out
    with zipfile.ZipFile(target) as archive:
        first = {entry.date_time for entry in archive.infolist()}
    assert site_zip(project.root) == 0
    with zipfile.ZipFile(target) as archive:
        again = {entry.date_time for entry in archive.infolist()}
        assert [e.filename for e in archive.infolist()] == sorted(e.filename for e in archive.infolist())
    assert len(first) == 1 and again == first, "every file dated with the content's date, not the clock's"


def test_a_zip_inside_the_site_or_in_a_missing_folder_is_refused_before_building(project, capsys):
    project.add("talking-mats.md", summary_text())
    assert site_zip(project.root, zip_file=project.root / "site" / "site.zip") == 2
    assert site_zip(project.root, zip_file=project.root / "nowhere" / "site.zip") == 2
    err = capsys.readouterr().err
    assert "cannot go inside the site folder" in err and "does not exist" in err
    assert not (project.root / "site").exists() and not (project.root / "nowhere").exists()
