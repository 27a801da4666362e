"""The editors' guide in content/contribute/ as editors meet it: built, linked, and true.

The guide quotes real check messages and offers a starter file to copy; both
would mislead editors the day they drift from what the checks do, so these
tests compare them with the checks themselves.
"""

from __future__ import annotations

import html
import re

import pytest

from conftest import REPO, BODY, Project, summary_text
from test_cli import cli, fill

GUIDE = REPO / "content" / "contribute"
GUIDE_PAGES = ["", "web-editor/", "starter/", "writing/", "strength/", "checks/", "reference/"]


@pytest.fixture(scope="module")
def guide_site(tmp_path_factory):
    """The project's guide as built for any site (a copy may hide it on its own, in local/settings.yml)."""
    project = Project(tmp_path_factory.mktemp("guide") / "project")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    return project.root / "site"


QUOTED = re.compile(r"^(?P<path>research_summaries/[^:]+):(?P<line>\d+): (?P<message>.+)$", re.M)


def quoted_messages() -> list[str]:
    blocks = re.findall(r"```text\n(.*?)```", (GUIDE / "checks.md").read_text(encoding="utf-8"), re.S)
    return [m["message"] for block in blocks for m in QUOTED.finditer(block)]


def test_every_message_quoted_in_the_guide_is_what_check_prints(project):
    """Each mistake the guide describes, made for real: the check must print the guide's words."""
    project.add("design.md", summary_text(title="Design mistake", design="interviews"))
    project.add("spelling.md", summary_text(title="Spelling mistake", organization="Kent University"))
    project.add("missing.md", summary_text(title="Missing summary", summary=None))
    project.add("placeholder.md", summary_text(title="FILL IN"))
    project.add("year.md", summary_text(title="Year in words", year="twenty twenty"))
    project.add("colon.md", re.sub(r"(?m)^summary: .*$", "summary: Carers: what helped", summary_text(title="Colon in a value")))
    project.add("tab.md", summary_text(title="Tab in the source").replace("\n  citation:", "\n\tcitation:"))
    project.add("quote.md", summary_text(title="Quote left open").replace("title: Quote left open", 'title: "Quote left open'))
    project.add("Kinship Carers.md", summary_text(title="Kinship carers"))
    project.add("date.md", summary_text(title="Date the UK way", published="02/12/2026"))
    project.add("yes.md", summary_text(title="Yes for true").replace("open_access: true", "open_access: yes"))
    project.add("link.md", summary_text(BODY + "\nSee [the other study](../research/no-such-study.md).\n", title="Broken link"))
    project.add("communication-passports-learning-disability.md", summary_text(title="Communication passports"))
    project.add("web.md", summary_text(BODY + "\nSee [the report](www.example.org/report.pdf) and [the passports](../communication-passports/).\n", title="Web address"))
    printed = [str(p).split(": ", 1)[1] for p in project.library().problems.sorted()]
    quoted = quoted_messages()
    assert len(quoted) >= 10
    assert [m for m in quoted if m not in printed] == [], "\n".join(printed)


def test_guide_pages_are_built_and_listed_under_contribute(guide_site):
    home = (guide_site / "index.html").read_text(encoding="utf-8")
    for page in GUIDE_PAGES:
        assert (guide_site / "contribute" / page / "index.html").is_file(), page
        assert f'href="contribute/{page}"' in home, f"contribute/{page} is not in the navigation"


def starter_text(site) -> str:
    page = (site / "contribute" / "starter" / "index.html").read_text(encoding="utf-8")
    code = re.search(r"<pre[^>]*>.*?<code[^>]*>(.*?)</code>", page, re.S).group(1)
    return html.unescape(re.sub(r"<[^>]+>", "", code))


def test_the_published_starter_fails_check_until_filled_then_passes(guide_site, project):
    text = starter_text(guide_site)
    path = project.add("talking-mats.md", text)
    messages = [p.message for p in project.library().problems.errors]
    assert "'published' still says FILL IN: replace it" in " ".join(messages)
    assert sum("still says FILL IN" in m for m in messages) >= 10
    filled = fill(text).replace('title: "FILL IN"', 'title: "Talking mats"')
    path.write_text(re.sub(r"(?m)^published: .*$", "published: 2026-01-15", filled), encoding="utf-8")
    assert [str(p) for p in project.library().problems.errors] == []


def test_the_starter_lists_every_allowed_value_from_the_vocabularies(guide_site):
    text = starter_text(guide_site)
    allowed = [set(re.findall(r"[a-z0-9][a-z0-9-]*", block)) for block in re.findall(r"Allowed: (.*(?:\n *#     .*)*)", text)]
    for vocabulary in ["designs", "topics", "populations", "strength_levels"]:
        terms = set(re.findall(r"^  - id: (\S+)", (REPO / "data" / "vocabularies" / f"{vocabulary}.yml").read_text(), re.M))
        assert any(terms == block for block in allowed), vocabulary
    assert max(len(line) for line in text.split("---")[1].splitlines()) <= 76, "notes wrap for phones and the web editor"


def test_new_without_a_real_title_writes_nothing_and_shows_an_example(project, capsys):
    assert cli(project, "new", "  ") == 2
    assert 'python3 build.py new "' in capsys.readouterr().out
    assert list(project.summaries.iterdir()) == []


def test_in_github_actions_every_problem_is_an_annotation_and_a_summary_row(project, capsys, monkeypatch, tmp_path):
    """GitHub shows ten annotations per step; the job summary must carry all of them, safely."""
    summary_file = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    for number in range(12):
        text = summary_text(title=f"Study number {number}", design="<b>trial</b> | pilot")
        project.add(f"study-{number}.md", text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("design:"))
    assert cli(project, "check") == 1
    annotations = [l for l in capsys.readouterr().out.splitlines() if l.startswith("::error ")]
    assert len(annotations) == 12
    assert annotations[0].startswith(f"::error file=research_summaries/study-0.md,line={line},title=Content check::'design'")
    rows = [l for l in summary_file.read_text(encoding="utf-8").splitlines() if l.startswith("| research\\_summaries/study")]
    assert len(rows) == 12
    assert "'&lt;b&gt;trial&lt;/b&gt; \\| pilot' is not a known study design" in rows[0]
    assert "<b>" not in summary_file.read_text(encoding="utf-8")


def test_long_sentences_and_long_briefings_are_warnings_at_their_line(project):
    """Length is what the writing guide asks editors to watch; the check points at the line to split."""
    rambling = "Staff " + "and managers " * 20 + "agreed."
    body = BODY.replace("Pictures helped.", f"Pictures helped.\n\n{rambling} Then a short one.")
    text = summary_text(body + "\nMore words here. " * 90)
    project.add("long.md", text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("Staff and managers"))
    library = project.library()
    warnings = [str(p) for p in library.problems.warnings]
    assert f"research_summaries/long.md:{line}: warning: this sentence is 42 words long; split it into shorter ones, aiming for under 20 words each (see 'Writing in plain English' in the Contribute section)" in warnings
    assert not any("the text is" in w for w in warnings), "under 800 words is no warning"
    assert not library.problems.errors


def test_a_briefing_over_800_words_is_a_warning_not_an_error(project):
    text = summary_text(BODY + "\nThe team met often and talked it through. " * 100)
    project.add("long.md", text)
    library = project.library()
    body_line = text.splitlines().index("## Why it matters") + 1
    assert [str(p) for p in library.problems.warnings] == [
        f"research_summaries/long.md:{body_line}: warning: the text is 813 words long; aim for 300 to 600 words, so it can be read in a few minutes (see 'Writing in plain English' in the Contribute section)"
    ]
    assert library.summaries and not library.problems.errors


def test_an_optional_field_switched_on_but_not_filled_in_is_an_error(guide_site, project):
    """Optional values are FILL IN too: an example left in place would pass as if it were a fact."""
    filled = fill(starter_text(guide_site)).replace('title: "FILL IN"', 'title: "Talking mats"')
    filled = re.sub(r"(?m)^published: .*$", "published: 2026-01-15", filled)
    project.add("talking-mats.md", filled.replace("# funder: FILL IN", "funder: FILL IN"))
    assert [p.message for p in project.library().problems.errors] == ["'funder' still says FILL IN: replace it (Who paid for the study, if the source says.)"]


def test_the_field_reference_has_a_section_per_schema_field_and_every_allowed_value(guide_site):
    from evidence.read.schema import Schema

    page = html.unescape((guide_site / "contribute" / "reference" / "index.html").read_text(encoding="utf-8"))
    headings = re.findall(r"<h3 id=\"[^\"]*\"><code>([^<]+)</code>", page)
    assert headings == [field.name for field in Schema("summary").fields]
    for vocabulary in ["designs", "topics", "strands", "strength_levels"]:
        for term in re.findall(r"^  - id: (\S+)", (REPO / "data" / "vocabularies" / f"{vocabulary}.yml").read_text(), re.M):
            assert f"<code>{term}</code>: <strong>" in page, term
    assert '<a href="../../cpd/">CPD standards, which lists every framework and id</a>' in page


def test_warnings_are_warning_annotations_and_do_not_fail_the_check(project, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    text = summary_text(published="2019-01-01")
    project.add("old.md", text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("published:"))
    assert cli(project, "check") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"::warning file=research_summaries/old.md,line={line},title=Content check (warning)::not reviewed since 2019-01-01 (over 3 years): check it against the source and set 'reviewed:' to today's date"


def test_the_job_summary_shows_suggested_markdown_as_typed_and_stops_at_500_rows(project, capsys, monkeypatch, tmp_path):
    """A fix such as '[title](its-file-name.md)' must read as text on GitHub's page, not become a link."""
    summary_file = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    project.add("link.md", summary_text(BODY + "\nSee [the other study](no-such-study.md).\n"))
    for number in range(520):
        project.add(f"study-{number}.md", summary_text(title=f"Study number {number}", design="trial"))
    assert cli(project, "check") == 1
    capsys.readouterr()
    text = summary_file.read_text(encoding="utf-8")
    assert "link another summary as \\[title\\]\\(its-file-name.md\\)" in text
    assert len([l for l in text.splitlines() if l.startswith("| research")]) == 500
    assert "21 more problems are listed in the step's log." in text


def test_switching_on_an_optional_list_as_the_starter_says_gives_a_valid_list(guide_site, project):
    filled = fill(starter_text(guide_site)).replace('title: "FILL IN"', 'title: "Talking mats"')
    filled = re.sub(r"(?m)^published: .*$", "published: 2026-01-15", filled)
    switched = filled.replace("# authors:\n#   - FILL IN", "authors:\n  - Jill Bradshaw")
    assert switched != filled
    project.add("talking-mats.md", switched)
    library = project.library()
    assert [str(p) for p in library.problems.errors] == []
    assert library.summaries[0].data["authors"] == ["Jill Bradshaw"]
