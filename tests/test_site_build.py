"""Real MkDocs builds of small sites in tmp dirs: the pages a reader would open."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import BODY, summary_text


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def internal_links(page_html: str) -> list[str]:
    return [h for h in re.findall(r'href="([^"#]+)', page_html) if not h.startswith(("http:", "https:", "mailto:"))]


def test_summary_page_has_evidence_card_chips_and_search_marks(project):
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    page = project.page("research/talking-mats")
    assert "<h1 data-pagefind-meta=\"title\">Talking mats in care homes</h1>" in page
    assert "About this evidence" in page and "Moderate" in page and "GRADE-CERQual" in page
    assert 'data-pagefind-body' in page and 'data-pagefind-filter="topic">Communication</a>' in page
    assert 'href="../../browse/topic/communication/"' in page
    assert '<a href="https://example.org/findings-1.pdf">Example findings 1</a> <span class="ev-badge">Free to read</span>' in page
    assert "How do you check what someone has understood?" in page
    assert "How to cite this summary" in page


def test_every_internal_link_on_generated_pages_resolves(project):
    project.add("talking-mats.md", summary_text())
    project.add("pictures.md", summary_text(title="Pictures in day services", topics=["communication", "wellbeing"]))
    assert project.build() == 0
    site = project.root / "site"
    for page in site.rglob("index.html"):
        for href in internal_links(page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve()
            assert target.exists() or (target / "index.html").exists(), f"{page.relative_to(site)} links to missing {href}"


def test_browse_pages_for_every_declared_facet(project):
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    for facet in ["topic", "population", "design", "practice-area", "strand", "strength", "year"]:
        assert (project.root / "site/browse" / facet / "index.html").exists(), facet
    topic = project.page("browse/topic")
    assert "Communication</a>" in topic and "1 summary" in topic and "no summaries yet" in topic
    listing = project.page("browse/topic/communication")
    assert "Talking mats in care homes" in listing and "Design:</b> Qualitative study" in listing
    assert project.page("browse/year/2021").count('class="ev-card"') == 1


def test_a_new_facet_is_configuration_only(project):
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text())
    facets = next(p["evidence"]["facets"] for p in config["plugins"] if isinstance(p, dict) and "evidence" in p)
    project.set_options(facets=facets + [{"field": "lived_experience.involvement", "name": "involvement", "vocabulary": "involvement"}])
    project.add("talking-mats.md", summary_text(lived_experience={"involvement": "co-produced"}))
    assert project.build() == 0
    assert "Talking mats in care homes" in project.page("browse/involvement/co-produced")


def test_long_listings_are_paginated_newest_first(project):
    """Browse listings and standard pages alike: no page grows with the catalogue."""
    project.set_options(browse_per_page=2)
    for day in range(1, 6):
        project.add(f"study-{day}.md", summary_text(title=f"Study number {day} of talking mats", published=f"2026-01-0{day}", standards=["swe:4.2"]))
    assert project.build() == 0
    for listing in ["browse/topic/communication", "cpd/swe/4.2", "cpd/swe/4"]:
        first = project.page(listing)
        assert first.index("Study number 5") < first.index("Study number 4"), listing
        assert "Study number 3" not in first, listing
        assert 'href="page/2/"' in first and 'href="page/3/"' in first, listing
        last = project.page(f"{listing}/page/3")
        assert "Study number 1" in last and "Study number 2" not in last, listing
    assert "data-pagefind-body" in project.page("cpd/swe/4.2") and "data-pagefind-body" not in project.page("cpd/swe/4.2/page/2"), \
        "a standard is found once in search, by its first page"
    assert "(page 2 of 3)" in project.page("cpd/swe/4.2/page/2")


def test_front_matter_is_escaped_in_titles_meta_and_json_ld(project):
    title = 'Mats </script><script>alert("t")</script> & more'
    project.add("escaping.md", summary_text(title=title, summary='One "line" <img src=x onerror=alert(1)> summary here.'))
    assert project.build() == 0
    page = project.page("research/escaping")
    assert "<script>alert(" not in page and "<img src=x" not in page
    shown = html.escape(title, quote=False).replace('"', "&#34;")
    assert f"<title>{shown} - " in page and f">{shown}</h1>" in page
    assert 'content="One &#34;line&#34; &lt;img src=x onerror=alert(1)&gt; summary here."' in page
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert json.loads(json_ld)["headline"] == title
    listing = project.page("browse/topic/communication")
    assert "<script>alert(" not in listing and shown in listing


def test_hand_written_pages_are_sanitised_as_a_second_wall(project):
    (project.root / "content/about.md").write_text("# About\n\n<script>alert(1)</script>\n\n<p onclick=\"alert(2)\">Hi</p>\n\n[x](javascript:alert(3))\n")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    article = project.page("about").split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    assert "alert(1)" not in article and "onclick" not in article and "javascript:" not in article
    assert "Hi</p>" in article


def test_summary_page_size_does_not_grow_with_the_number_of_summaries(project, tmp_path):
    project.add("target.md", summary_text(topics=["wellbeing"]))
    assert project.build() == 0
    small = len(project.page("research/target").encode())
    for n in range(40):
        project.add(f"other-{n}.md", summary_text(title=f"Another study number {n}", topics=["communication"]))
    assert project.build() == 0
    large = len(project.page("research/target").encode())
    assert abs(large - small) < 200, (small, large)


def test_failed_validation_leaves_the_previous_site_byte_for_byte(project, capsys):
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    before = tree_digest(project.root / "site")
    project.add("broken.md", summary_text(design="trial"))
    assert project.build() == 1
    assert "research_summaries/broken.md:" in capsys.readouterr().out
    assert tree_digest(project.root / "site") == before


def test_failed_mkdocs_build_leaves_the_previous_site_and_no_temporary_folder(project, capsys):
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    before = tree_digest(project.root / "site")
    # A template MkDocs cannot render: the checks before the build do not read templates (a broken link would stop there).
    (project.root / "overrides/main.html").write_text('{% extends "base.html" %}{% block content %}{% if %}{% endblock %}\n')
    assert project.build() == 1
    assert "previous site is unchanged" in capsys.readouterr().err
    assert tree_digest(project.root / "site") == before
    assert sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site")) == []


def test_search_index_is_built_with_the_site(project):
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    entry = json.loads((project.root / "site/pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] >= 2


def test_free_text_facet_values_cannot_inject_markup_or_paths(project):
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text())
    facets = next(p["evidence"]["facets"] for p in config["plugins"] if isinstance(p, dict) and "evidence" in p)
    project.set_options(facets=facets + [{"field": "setting", "name": "setting"}])
    project.add("attack.md", summary_text(setting='x"><script>alert(1)</script>/../../escape'))
    assert project.build() == 0
    site = project.root / "site"
    assert "<script>alert(1)</script>" not in (site / "browse/index.html").read_text()
    assert not (site / "browse/escape").exists() and not (site / "escape").exists()
    assert (site / "browse/setting/x-script-alert-1-script-escape/index.html").exists()


def _interrupted_build(site_dir: Path):
    """MkDocs stopped half-way by Ctrl+C: some files written, then KeyboardInterrupt."""
    site_dir.mkdir()
    (site_dir / "index.html").write_text("half a page")
    raise KeyboardInterrupt


def leftovers(project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site"))


def test_ctrl_c_during_a_build_leaves_the_previous_site_and_no_temporary_folder(project, monkeypatch):
    from evidence_cli import site_build

    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    before = tree_digest(project.root / "site")
    monkeypatch.setattr(site_build, "run_mkdocs", lambda root, site_dir: _interrupted_build(site_dir))
    with pytest.raises(KeyboardInterrupt):
        project.build()
    assert tree_digest(project.root / "site") == before
    assert leftovers(project) == []


def _finished_pid() -> int:
    """The id of a process that has ended, as a build killed with kill -9 has."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_folders_left_by_a_killed_build_are_removed_by_the_next(project):
    project.add("talking-mats.md", summary_text())
    dead = _finished_pid()
    (project.root / f".site.building-{dead}").mkdir()
    (project.root / f".site.old-{dead}").mkdir()
    assert project.build() == 0
    assert leftovers(project) == []


def test_without_git_history_the_sitemap_dates_are_when_the_content_last_changed(project, monkeypatch):
    """A council that downloads the zip has no .git: dates come from the files, never 1970."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(project.root.parent))  # no repository above it either
    project.add("talking-mats.md", summary_text())
    old, newest = 1577836800, 1741089600  # 2020-01-01, 2025-03-04 12:00 UTC
    for path in project.root.rglob("*"):
        os.utime(path, (old, old))
    os.utime(project.summaries / "talking-mats.md", (newest, newest))
    assert project.build() == 0
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (project.root / "site/sitemap.xml").read_text()))
    assert dates == {"2025-03-04"}
    assert "SOURCE_DATE_EPOCH" not in os.environ, "the next build in this process must get its own date"


def test_a_fork_that_moves_data_dir_gets_its_frameworks_from_there(project, capsys):
    (project.root / "data").rename(project.root / "mydata")
    project.set_options(data_dir="mydata")
    project.add("talking-mats.md", summary_text())
    assert project.library().settings.frameworks_dir == "mydata/frameworks"
    assert project.build() == 0
    assert "no framework files" not in capsys.readouterr().out
    assert (project.root / "site/cpd/swe/index.html").exists()


def test_an_explicit_frameworks_dir_still_wins_over_data_dir(project):
    (project.root / "data/frameworks").rename(project.root / "standards")
    project.set_options(frameworks_dir="standards")
    project.add("talking-mats.md", summary_text())
    assert project.library().settings.frameworks_dir == "standards"
    assert project.build() == 0
    assert (project.root / "site/cpd/swe/index.html").exists()


def set_site_url(project, site_url: str | None) -> None:
    config_path = project.root / "mkdocs.yml"
    lines = [line for line in config_path.read_text().splitlines() if not line.startswith("site_url:")]
    config_path.write_text("\n".join(lines[:1] + ([f"site_url: {site_url}"] if site_url else []) + lines[1:]) + "\n")


def test_placeholder_site_url_is_a_warning_naming_mkdocs_yml_and_the_fix(project, capsys):
    project.add("talking-mats.md", summary_text())
    set_site_url(project, "https://www.example.com/research/")
    assert project.build() == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "mkdocs.yml:2: warning: site_url is https://www.example.com/research/, a placeholder, so canonical links, the sitemap and the feeds are wrong: set it in local/settings.yml to the address the site is published at"
    set_site_url(project, None)
    assert project.build() == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("mkdocs.yml:1: warning: site_url is not set, so canonical links and the sitemap are wrong and no feeds are published")


def test_a_real_site_url_gives_no_warning(project, capsys):
    project.add("talking-mats.md", summary_text())
    set_site_url(project, "https://research.example-council.gov.uk/")
    assert project.build() == 0
    assert "site_url" not in capsys.readouterr().out


def test_a_council_can_switch_the_evidence_plugin_off_and_get_a_plain_site(project, capsys):
    """enabled: false builds the hand-written pages with the same theme: no summaries, browse or CPD pages,
    and no nav entries pointing at them."""
    project.set_options(enabled=False)
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    assert "pages (evidence plugin off: no summaries) into site/" in capsys.readouterr().out
    site = project.root / "site"
    home = project.page("")
    assert "Short briefings on social work research" in home and "New summaries" not in home
    assert not any((site / folder).exists() for folder in ["research", "browse", "cpd", "my-cpd", "reading-paths"])
    for url in ["", "search", "about"]:
        page = site / url / "index.html"
        for href in internal_links(page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve()
            assert target.exists() or (target / "index.html").exists(), f"{url or 'home'} links to missing {href}"
