"""Professional frameworks as data: schema-checked files, ids that resolve, located errors, forks."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import REPO, WALES, summary_text
from evidence.model.framework import Frameworks, readable_date
from evidence.read.problems import Problems


def load(directory: Path, root: Path) -> tuple[Frameworks, Problems]:
    problems = Problems()
    return Frameworks.load(directory, root, problems), problems


def write_framework(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "data" / "frameworks"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bundled() -> Frameworks:
    frameworks, problems = load(REPO / "data" / "frameworks", REPO)
    assert not problems.items, [str(p) for p in problems.items]
    return frameworks


def test_bundled_files_pass_the_schema_and_come_in_order(bundled):
    assert list(bundled) == [f.id for f in sorted(bundled.values(), key=lambda f: (f.order, f.id))]
    for framework in bundled.values():
        assert framework.title and framework.nations


def test_only_confirmed_official_addresses_are_given(bundled):
    assert bundled["swe"].source_url == "https://www.socialworkengland.org.uk/standards/professional-standards/"
    assert {"pcf", "kss-children", "kss-adults", "scw", "sssc", "niscc-conduct", "niscc-practice"} <= {f.id for f in bundled.values() if not f.source_url}


def test_every_nation_has_its_frameworks_with_unknowns_marked(bundled):
    """Wales, Scotland and Northern Ireland from the reference facts: what is not known is marked, not made up."""
    scw = bundled["scw"]
    assert [s.id for s in scw.standards] == [str(n) for n in range(1, 8)]
    assert [s.id for s in scw.standards if s.confirmed] == ["6"]
    assert bundled["sssc"].standards == [] and bundled["sssc"].nations == ["scotland"]
    for kind in ("conduct", "practice"):
        niscc = bundled[f"niscc-{kind}"]
        assert len(niscc.standards) == 6 and niscc.unconfirmed == 6 and niscc.nations == ["northern-ireland"]
    assert not any(f.version or f.date for f in (scw, bundled["sssc"], bundled["niscc-conduct"])), "no version or date is recorded for them"


def test_structure_matches_the_reference_facts(bundled):
    swe = bundled["swe"]
    assert [s.id for s in swe.standards] == ["1", "2", "3", "4", "5", "6"]
    assert [len(s.children) for s in swe.standards] == [7, 7, 16, 8, 6, 7]
    assert [s.id for s in bundled["pcf"].standards] == [str(n) for n in range(1, 10)]
    assert len(bundled["kss-children"].standards) == 10
    assert len(bundled["kss-adults"].standards) == 11
    assert bundled["swe"].date_label == "July 2019" and bundled["swe"].in_force_label == "2 December 2019"


def test_unconfirmed_labels_are_marked(bundled):
    unconfirmed = {s.qualified for s in bundled.standards() if not s.confirmed}
    assert {"swe:2.4", "swe:2.7", "swe:4.3", "swe:4.5", "swe:4.7", "swe:4.8", "swe:5.1", "kss-children:2", "kss-adults:1"} <= unconfirmed
    assert not {"swe:4.2", "swe:4.4", "swe:6.6", "swe:3.12", "pcf:5", "kss-children:1", "kss-adults:3"} & unconfirmed


def test_resolve_gives_titles_and_parents(bundled):
    standard = bundled.resolve("swe:4.2")
    assert standard.title == "SWE 4.2" and standard.qualified == "swe:4.2"
    assert [p.qualified for p in standard.ancestors()] == ["swe:4"]
    assert bundled.resolve("kss-adults:3").label == "Safeguarding"
    assert bundled.resolve("swe:9") is None and bundled.resolve("nope:1") is None and bundled.resolve("swe") is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("swe:4.9", "is not a standard in Social Work England professional standards; did you mean 'swe:4."),
        ("swf:4.2", "names no framework 'swf'; did you mean 'swe:4.2'?"),
        ("SWE 4.2", "is not written as framework:id; did you mean 'swe:4.2'?"),
        ("pcf:10", "(every id is listed in data/frameworks/pcf.yml)"),
    ],
)
def test_unknown_ids_get_a_suggestion(bundled, value, expected):
    assert expected in bundled.problem(value)
    assert bundled.problem("swe:4.2") is None


def test_every_bundled_summary_standard_resolves(bundled):
    from evidence.model.library import Library
    from evidence.read.settings import Settings

    library = Library.load(Settings.from_mkdocs_yml(REPO / "mkdocs.yml"))
    ids = {value for summary in library.summaries for value in summary.standards}
    frameworks = library.frameworks  # the project's and a copy's own (local/data/frameworks/)
    assert ids and all(frameworks.resolve(value) for value in ids), sorted(v for v in ids if not frameworks.resolve(v))
    assert not [p for p in library.problems.errors if "standard" in p.message]


def test_summary_with_unknown_standard_fails_at_its_line(project):
    text = summary_text(standards=["swe:4.2", "swe:4.9", "swf:1.3"])
    project.add("talking-mats.md", text)
    errors = "\n".join(str(p) for p in project.library().problems.errors)
    lines = text.splitlines()
    line_49 = lines.index("- swe:4.9") + 1
    line_swf = lines.index("- swf:1.3") + 1
    assert f"research_summaries/talking-mats.md:{line_49}: 'standards' item 2: 'swe:4.9' is not a standard" in errors
    assert f"research_summaries/talking-mats.md:{line_swf}: 'standards' item 3: 'swf:1.3' names no framework 'swf'; did you mean 'swe:1.3'?" in errors


def test_schema_errors_name_the_field_and_line(tmp_path):
    folder = write_framework(tmp_path, "broken.yml", """\
        title: Broken framework
        date: "2020"
        nations: [england]
        colour: blue
        standards:
          - id: 4.10
            label: A number, not text
        """)
    _, problems = load(folder, tmp_path)
    shown = [str(p) for p in problems.items]
    assert "data/frameworks/broken.yml:2: missing required field 'short_title'" in "\n".join(shown)  # after title
    assert any(s.startswith("data/frameworks/broken.yml:4: unknown field 'colour'") for s in shown), shown
    assert any(s.startswith("data/frameworks/broken.yml:6: ") and 'write the id in quotes, for example id: "4.2"' in s for s in shown), shown


def test_duplicate_ids_and_reserved_names_are_refused(tmp_path):
    folder = write_framework(tmp_path, "twice.yml", WALES + '  - id: "6"\n    label: The same number again\n')
    (folder / "coverage.yml").write_text(WALES, encoding="utf-8")
    frameworks, problems = load(folder, tmp_path)
    shown = [str(p) for p in problems.items]
    assert "data/frameworks/twice.yml:10: standard id '6' is used twice" in "\n".join(shown)
    assert any(s.startswith("data/frameworks/coverage.yml:1: ") for s in shown)
    assert "coverage" not in frameworks


def test_a_fork_adds_a_nation_by_adding_a_file(project):
    """A council in Wales adds data/frameworks/wales.yml: wales: ids become valid, no code changes."""
    project.add("talking-mats.md", summary_text(standards=["wales:6"]))
    assert any("names no framework 'wales'" in p.message for p in project.library().problems.errors)
    project.add_framework("wales.yml", WALES)
    library = project.library()
    assert not library.problems.errors, [str(p) for p in library.problems.errors]
    standard = library.standard("wales:6")
    assert standard.framework.owner == "Social Care Wales"
    assert [s.slug for s in library.mapped(standard).summaries] == ["talking-mats"]


def test_dates_read_as_people_write_them():
    assert readable_date("2018") == "2018"
    assert readable_date("2019-07") == "July 2019"
    assert readable_date("2019-12-02") == "2 December 2019"



@pytest.mark.parametrize("dates, bad", [("date: 2019-02-30", "date: 2019-02-30"), ('date: "2017"\nin_force: 2019-02-29', "in_force: 2019-02-29")])
def test_impossible_dates_are_located_errors_not_a_crash(tmp_path, dates, bad):
    text = WALES.replace('date: "2017"', dates)
    folder = write_framework(tmp_path, "wales.yml", text)
    frameworks, problems = load(folder, tmp_path)
    field, value = bad.split(": ")
    line = text.splitlines().index(bad) + 1
    assert [str(p) for p in problems.items] == [f"data/frameworks/wales.yml:{line}: '{field}': {value} is not a date on the calendar; write YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-07 or 2019-12-02"]
    assert "wales" not in frameworks


def test_without_framework_files_the_way_a_standard_is_written_is_still_checked(project):
    for file in (project.root / "data" / "frameworks").glob("*.yml"):
        file.unlink()
    text = summary_text(standards=["SWE 1.3", "swe:1.3"])
    project.add("talking-mats.md", text)
    line = text.splitlines().index("- SWE 1.3") + 1
    errors = [str(p) for p in project.library().problems.errors]
    assert errors == [f"research_summaries/talking-mats.md:{line}: 'standards' item 1: 'SWE 1.3' is not written as framework:id; did you mean 'swe:1.3'?"]
