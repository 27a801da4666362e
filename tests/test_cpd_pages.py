"""CPD rules and coverage as data, and real MkDocs builds of the reading-path and CPD pages."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

import lxml.html
import pytest

from conftest import REPO, WALES, summary_text
from evidence.model.cpd_rules import CpdRules
from evidence.model.framework import Frameworks
from evidence.read.problems import Problems

PATH = """\
---
title: Checking what people understand
summary: A short path on checking understanding, for practitioners who work with people with learning disabilities.
audience: [practitioners]
time: 30
standards: [swe:4.2, pcf:7]
steps:
  - summary: talking-mats
    why: A study that watched everyday conversations as well as asking people.
    questions: [How do you check what someone has understood?]
  - summary: pictures
    why: A second study, in day services, that used pictures to support choices.
    questions: [Which pictures or aids does the person already use?]
facilitator_notes:
  - Allow 45 minutes; read step 1 beforehand.
---

Two studies on checking understanding.
"""


@pytest.fixture(scope="module")
def frameworks() -> Frameworks:
    return Frameworks.load(REPO / "data" / "frameworks", REPO, Problems())


def load_rules(tmp_path: Path, frameworks: Frameworks, text: str | None = None) -> tuple[CpdRules | None, list[str]]:
    file = REPO / "data" / "cpd" / "england.yml"
    if text is not None:
        file = tmp_path / "data" / "cpd" / "england.yml"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    problems = Problems()
    rules = CpdRules.load(file, file.parents[2], frameworks, problems)
    return rules, [str(p) for p in problems.sorted()]


def test_bundled_cpd_rules_are_data(tmp_path, frameworks):
    rules, problems = load_rules(tmp_path, frameworks)
    assert problems == []
    assert (rules.pieces, rules.with_peer_reflection) == (2, 1)
    assert rules.year_label == "1 December to 30 November" and rules.renewal_label == "1 September to 30 November"
    assert [f.id for f in rules.fields] == ["type", "description", "date", "learning", "impact", "peer_reflection", "standards"]
    assert rules.peer_field.id == "peer_reflection" and rules.default_type("summary") == "reading"
    assert [s.qualified for s in rules.focus_options()] == [f"swe:4.{n}" for n in range(1, 9)]
    data = rules.browser_data(frameworks)
    assert data["registration_year"] == {"start": "12-01", "end": "11-30"}
    assert data["requirements"] == {"measure": "pieces", "pieces": 2, "with_peer_reflection": 1}
    assert data["standards"]["swe:4.2"][0] == "SWE 4.2", "number, then the label where it is confirmed"
    assert data["focus"] == [s.qualified for s in rules.focus_options()] and data["type_order"][0] == rules.types[0].id


def test_rules_the_schema_cannot_express_are_checked_at_their_lines(tmp_path, frameworks):
    text = (REPO / "data" / "cpd" / "england.yml").read_text(encoding="utf-8")
    text = text.replace('start: "12-01"', 'start: "02-30"').replace("with_peer_reflection: 1", "with_peer_reflection: 3")
    text = text.replace('focus_standard: "swe:4"', 'focus_standard: "swe:44"').replace("    input: date\n", "    input: text\n")
    rules, problems = load_rules(tmp_path, frameworks, text)
    lines = text.splitlines()
    at = lambda needle: next(n for n, line in enumerate(lines, 1) if needle in line)  # noqa: E731
    assert rules is None
    assert f"data/cpd/england.yml:{at('02-30')}: 'registration_year.start': 02-30 is not a day of the year; write MM-DD, for example 12-01" in problems
    assert f"data/cpd/england.yml:{at('with_peer_reflection: 3')}: 'requirements.with_peer_reflection' cannot be more than 'requirements.pieces'" in problems
    assert any(p.startswith(f"data/cpd/england.yml:{at('swe:44')}: 'focus_standard': 'swe:44' is not a standard") for p in problems), problems
    assert any("needs exactly one field with 'input: date'" in p for p in problems), problems


def test_counts_roll_up_to_parent_standards(project):
    project.add("talking-mats.md", summary_text(standards=["swe:4.2"], strand="seldom-heard-voices"))
    project.add("pictures.md", summary_text(title="Pictures in day services", standards=["swe:4", "pcf:7"], strand="working-with-partners"))
    library = project.library()
    assert not library.problems.errors
    four, four_two = library.standard("swe:4"), library.standard("swe:4.2")
    assert [s.slug for s in library.mapped(four).summaries] == ["pictures"]
    assert sorted(s.slug for s in library.mapped(four).all_summaries) == ["pictures", "talking-mats"]
    assert [s.slug for s in library.mapped(four_two).all_summaries] == ["talking-mats"]
    matrix = next(m for m in library.coverage if m.framework.id == "swe" and m.facet.spec.field == "strand")
    row = next(r for r in matrix.rows if r.standard is four)
    columns = [t.id for t in matrix.columns]
    assert row.total == 2 and row.counts[columns.index("seldom-heard-voices")] == 1 and row.counts[columns.index("working-with-partners")] == 1
    assert next(r for r in matrix.rows if r.standard.qualified == "swe:5").is_gap


@pytest.fixture
def built(project):
    """A tiny site: two summaries mapped to standards and one reading path through both."""
    project.add("talking-mats.md", summary_text(standards=["swe:4.2", "pcf:7"]))
    project.add("pictures.md", summary_text(title="Pictures in day services", topics=["communication", "wellbeing"], standards=["swe:1.3"]))
    (project.root / "reading_paths").mkdir()
    (project.root / "reading_paths" / "checking-understanding.md").write_text(PATH, encoding="utf-8")
    assert project.build() == 0
    return project


def links(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"#]+)', page)]


def test_generated_pages_exist_and_link_correctly(built):
    for url in ["reading-paths", "reading-paths/checking-understanding", "cpd", "cpd/swe", "cpd/swe/4.2", "cpd/swe/4", "cpd/pcf/7", "cpd/kss-adults/3", "cpd/coverage", "my-cpd"]:
        assert "data-pagefind-body" in built.page(url), url
    summary = built.page("research/talking-mats")
    assert "../../cpd/swe/4.2/" in links(summary) and "../../cpd/pcf/7/" in links(summary)
    assert '<li data-pagefind-filter="standard:swe:4.2">' in summary
    path = built.page("reading-paths/checking-understanding")
    assert links(path).index("../../research/talking-mats/") < links(path).index("../../research/pictures/"), "steps in order"
    assert '<span data-pagefind-filter="type:Reading path"></span>' in path
    assert "Running this as a team session or journal club" in path and "Allow 45 minutes; read step 1 beforehand." in path
    standard = built.page("cpd/swe/4.2")
    assert "../../../research/talking-mats/" in links(standard) and "../../../reading-paths/checking-understanding/" in links(standard)
    assert "https://www.socialworkengland.org.uk/standards/professional-standards/" in links(built.page("cpd/swe"))
    assert "consult British Association of Social Workers (BASW)'s official text" in built.page("cpd/pcf")


def test_every_link_on_the_new_pages_resolves(built):
    site = built.root / "site"
    for folder in ["reading-paths", "cpd", "my-cpd"]:
        for page in (site / folder).rglob("index.html"):
            for href in links(page.read_text(encoding="utf-8")):
                if href.startswith(("http:", "https:", "mailto:")):
                    continue
                target = (page.parent / href).resolve()
                assert target.exists() or (target / "index.html").exists(), f"{page.relative_to(site)} links to missing {href}"


def test_coverage_matrix_is_an_accessible_table(built):
    page = built.page("cpd/coverage")
    frameworks = [f for f in built.library().frameworks.values() if f.standards]
    assert page.count('role="region" tabindex="0" aria-labelledby="caption-') == 2 * len(frameworks), "each framework by strand and by topic"
    assert '<caption id="caption-swe-strand">SWE standards by strand: number of summaries</caption>' in page
    assert '<th scope="col">Standard</th>' in page and '<th scope="row">' in page
    assert "0 (gap)" in page


def rules_data(site: Path) -> dict:
    """The CPD rules as the browser gets them: one shared script, data only."""
    script = (site / "assets" / "javascripts" / "cpd-rules.js").read_text(encoding="utf-8")
    name, _, data = script.partition(" = ")
    assert name == "window.evidenceCpdRules" and data.rstrip().endswith(";")
    return json.loads(data.rstrip().rstrip(";"))


def test_cpd_rules_reach_the_browser_as_data_not_code(built):
    for url in ["research/talking-mats", "reading-paths/checking-understanding", "my-cpd"]:
        page = built.page(url)
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", page, re.S)
        inline = [attrs for attrs, body in scripts if body.strip() and "src=" not in attrs and "application/json" not in attrs and "application/ld+json" not in attrs and "__config" not in attrs]
        assert not [a for a in inline if "cpd" in a], inline
        assert "onclick=" not in page and ' style="' not in page.split('class="md-content"')[1].split("</article>")[0]
    rules = rules_data(built.root / "site")
    assert rules["requirements"] == {"measure": "pieces", "pieces": 2, "with_peer_reflection": 1}
    for name in ["cpd.js", "cpd-form.js", "cpd-progress.js"]:
        script = (built.root / "site" / "assets" / "javascripts" / name).read_text(encoding="utf-8")
        assert "12-01" not in script and "Social Work England" not in script, "rules live in data/cpd/<nation>.yml only"


def test_the_form_is_in_the_site_once_and_each_page_carries_its_standards(built):
    page = built.page("research/talking-mats")
    assert "cpd-field-" not in page and "data-cpd-form" not in page, "the form is built by cpd-form.js from the shared rules"
    panel = lxml.html.fromstring(page).xpath("//*[@data-cpd-panel]")[0]
    summary = built.library().summary("talking-mats")
    assert panel.get("data-cpd-checked").split() == summary.standards
    rules = rules_data(built.root / "site")
    assert set(summary.standards) <= set(rules["standards"]) and set(rules["focus"]) <= set(rules["standards"])
    assert panel.get("data-cpd-options") is None, "the focus standards the form adds come from the shared rules"
    assert panel.get("data-cpd-type") in rules["types"]
    scripts = panel.get("data-cpd-scripts").split()
    assert scripts == ["cpd-rules.js", "cpd-form.js", "cpd-progress.js", "cpd.js"], "by name, in the loader's own folder"
    loader = [src for src in lxml.html.fromstring(page).xpath("//script/@src")
              if "cpdScripts" in (built.root / "site" / "research" / "talking-mats" / src).resolve().read_text(encoding="utf-8")]
    folder = (built.root / "site" / "research" / "talking-mats" / loader[0]).resolve().parent
    assert all((folder / s).is_file() for s in scripts)


def test_without_the_form_a_summary_links_to_the_printable_record(built):
    page = lxml.html.fromstring(built.page("research/talking-mats"))
    link = page.xpath("//*[@data-cpd-fallback]//a/@href")[0]
    record = built.page(posixpath.normpath(posixpath.join("research/talking-mats/", link)))
    rules = built.library().cpd
    for field in rules.fields:
        assert f"<dt>{field.label}</dt>" in record, field.label
    path = built.page("reading-paths/checking-understanding")
    assert "data-cpd-template" in path and "<dt>What I learnt</dt>" in path, "a reading path's session pack prints the template"


def test_nav_has_the_new_entries(built):
    home = built.page("")
    for label, url in [("Reading paths", "reading-paths/"), ("CPD standards", "cpd/"), ("My CPD", "my-cpd/")]:
        assert re.search(rf'href="{re.escape(url)}"[^>]*>\s*(<span[^>]*>)?\s*{label}', home), label


def test_a_path_with_a_missing_summary_stops_the_build(project, capsys):
    project.add("talking-mats.md", summary_text())
    (project.root / "reading_paths").mkdir()
    (project.root / "reading_paths" / "checking-understanding.md").write_text(PATH, encoding="utf-8")
    assert project.build() == 1
    line = next(n for n, text in enumerate(PATH.splitlines(), 1) if "summary: pictures" in text)
    out = capsys.readouterr().out
    assert f"reading_paths/checking-understanding.md:{line}: 'summary' in 'steps' item 2: there is no valid summary 'pictures'" in out


def test_a_forked_framework_gets_its_pages(project):
    project.add_framework("wales.yml", WALES)
    project.add("talking-mats.md", summary_text(standards=["wales:6"]))
    assert project.build() == 0
    assert "Talking mats in care homes" in project.page("cpd/wales/6")
    assert "../../cpd/wales/6/" in links(project.page("research/talking-mats"))


def test_unchecked_standard_labels_never_reach_readers(bundled_site: Path):
    """A label nobody has checked (or a placeholder for one) is not shown: the number is, with the official wording a link away."""
    from evidence.model.library import Library
    from evidence.read.settings import Settings

    library = Library.load(Settings.from_mkdocs_yml(REPO / "mkdocs.yml"))
    unchecked = [s for s in library.frameworks.standards() if not s.confirmed]
    if not unchecked:
        pytest.skip("every standard's label is confirmed")
    pages = {p: p.read_text(encoding="utf-8") for p in bundled_site.rglob("*.html")}
    for standard in unchecked:
        label = html.escape(standard.label, quote=False)
        beside = re.compile(rf"{re.escape(standard.title)}(</strong>)?: {re.escape(label)}")
        leaks = [str(p.relative_to(bundled_site)) for p, text in pages.items() if beside.search(text)]
        assert leaks == [], f"{standard.qualified}'s unchecked label is shown beside its number on {leaks[:3]}"
    page = pages[bundled_site / "cpd" / unchecked[0].framework.id / unchecked[0].id / "index.html"]
    assert re.search(rf"<h1[^>]*>{re.escape(unchecked[0].title)}</h1>", page)
    if unchecked[0].framework.source_url:
        assert f'href="{unchecked[0].framework.source_url}"' in page
