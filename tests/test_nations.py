"""One setting chooses the UK nation: its CPD rules, what a record asks and what counts as done.

The nations come from the settings schema and the rules from each nation's
data file, so these tests say nothing about today's wording: they check that
whatever the data says reaches the pages, and that a wrong setting or rule is
a located error.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from conftest import REPO, summary_text
from test_cpd_pages import rules_data
from evidence.model.cpd_rules import CpdRules
from evidence.model.framework import Frameworks
from evidence.read.problems import Problems
from evidence.read.schema import Schema

NATIONS = Schema("options").spec["properties"]["nation"]["enum"]
# A path on somebody's machine, as opposed to an address on the web.
MACHINE_PATH = re.compile(r"(?<![:/\w])(?:/(?:work|home|tmp|Users|mnt|srv)/|\.\./|[A-Z]:\\)")


def set_nation(project, nation: str) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "nation: england" in text, "the bundled config names its nation in one line"
    config.write_text(text.replace("nation: england", f"nation: {nation}"), encoding="utf-8")


def bundled_rules(nation: str) -> CpdRules:
    problems = Problems()
    frameworks = Frameworks.load(REPO / "data" / "frameworks", REPO, problems)
    rules = CpdRules.load(REPO / "data" / "cpd" / f"{nation}.yml", REPO, frameworks, problems)
    assert not problems.items, [str(p) for p in problems.items]
    return rules


def text_of(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("nation", NATIONS)
def test_every_nation_has_sound_rules_and_a_framework(nation):
    rules = bundled_rules(nation)
    assert rules.asks and rules.tracks
    assert rules.source_url or rules.source_note, "rules cite their official source, or say it is not recorded yet"
    frameworks = Frameworks.load(REPO / "data" / "frameworks", REPO, Problems())
    assert any(nation in f.nations for f in frameworks.values()), f"no framework file for {nation}"


def test_data_files_cite_the_web_never_a_build_machine():
    for file in sorted((REPO / "data").rglob("*.yml")):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            assert not MACHINE_PATH.search(line), f"{file.relative_to(REPO)}:{number}: {line.strip()}"


def test_storage_keys_differ_between_nations():
    """A reader who moves between two copies on one address never mixes records made under different rules."""
    keys = [bundled_rules(nation).storage_key for nation in NATIONS]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("nation", NATIONS)
def test_the_chosen_nation_decides_my_cpd_and_the_record(project, nation):
    set_nation(project, nation)
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    rules = project.library().cpd
    assert rules.path == f"data/cpd/{nation}.yml"
    my_cpd = project.page("my-cpd")
    shown = text_of(my_cpd)
    assert rules.asks in shown and rules.tracks in shown
    assert f"What {rules.regulator} asks for" in shown
    data = rules_data(project.root / "site")
    assert data["requirements"]["measure"] == rules.requirement.measure and data["storage_key"] == rules.storage_key
    assert [f["id"] for f in data["fields"]] == [f.id for f in rules.fields], "the form the script builds has the nation's fields"
    record = project.page("my-cpd/record")
    for field in rules.fields:
        assert f"<dt>{field.label}</dt>" in record, field.id
    assert ("pieces of CPD in each registration year" in shown) == (rules.requirement.measure == "pieces")
    assert ("data-cpd-period" in my_cpd) == (rules.requirement.measure == "hours"), "a registration period start only where hours are counted"
    assert ("hours" in [f["input"] for f in data["fields"]]) == (rules.field_for("hours") is not None)
    for subject in rules.requirement.mandatory:
        assert data["requirements"]["mandatory_learning"][subject.id] == subject.label and subject.label in text_of(record)


def test_an_unknown_nation_is_a_located_error_and_nothing_is_built(project, capsys):
    set_nation(project, "walse")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 1
    line = next(n for n, text in enumerate((project.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1) if "nation: walse" in text)
    out = capsys.readouterr().out
    assert f"mkdocs.yml:{line}: 'nation' must be one of: {', '.join(NATIONS)}; got \"walse\"" in out
    assert not (project.root / "site").exists()


@pytest.mark.parametrize("change, message", [
    (("measure: hours", "measure: pieces"), "missing required field 'pieces' in 'requirements'"),
    (("    input: hours\n", "    input: text\n"), "'fields' needs exactly one field with 'input: hours' while 'requirements.measure' is hours"),
    (("  period_years: 3\n", ""), "missing required field 'period_years' in 'requirements'"),
])
def test_rules_that_do_not_fit_together_are_errors_at_their_line(tmp_path, change, message):
    text = (REPO / "data" / "cpd" / "northern-ireland.yml").read_text(encoding="utf-8")
    assert change[0] in text
    file = tmp_path / "data" / "cpd" / "northern-ireland.yml"
    file.parent.mkdir(parents=True)
    file.write_text(text.replace(change[0], change[1]), encoding="utf-8")
    problems = Problems()
    assert CpdRules.load(file, tmp_path, Frameworks(), problems) is None
    assert any(message in str(p) and re.match(r"data/cpd/northern-ireland\.yml:\d+: ", str(p)) for p in problems.errors), [str(p) for p in problems.items]


def test_a_checklist_without_mandatory_subjects_is_refused(tmp_path):
    text = (REPO / "data" / "cpd" / "scotland.yml").read_text(encoding="utf-8")
    start = text.index("  mandatory_learning:")
    text = text[:start] + text[text.index("storage_key:"):]
    file = tmp_path / "data" / "cpd" / "scotland.yml"
    file.parent.mkdir(parents=True)
    file.write_text(text, encoding="utf-8")
    problems = Problems()
    assert CpdRules.load(file, tmp_path, Frameworks(), problems) is None
    assert [str(p).split(": ", 1)[1] for p in problems.errors] == ["'fields' has a field with 'input: checklist', but nothing uses it: remove it, or set 'requirements.mandatory_learning'"]
