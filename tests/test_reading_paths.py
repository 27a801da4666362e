"""Reading paths from inline strings: every mistake as path:line with the field and a fix."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import REPO, summary_text
from reading_path_text import reading_path_text
from evidence.model.framework import Frameworks
from evidence.model.reading_path import load_reading_paths
from evidence.model.summary import Summary
from evidence.read.problems import Problems

GOOD = reading_path_text()


def make_summary(slug: str) -> Summary:
    data = {"title": slug.replace("-", " ").capitalize(), "summary": "A summary used in tests of reading paths."}
    return Summary(slug, f"research_summaries/{slug}.md", data, "", 1)


@pytest.fixture(scope="module")
def frameworks() -> Frameworks:
    problems = Problems()
    loaded = Frameworks.load(REPO / "data" / "frameworks", REPO, problems)
    assert not problems.items
    return loaded


def read(tmp_path: Path, frameworks: Frameworks, text: str, name: str = "rarely-heard.md"):
    folder = tmp_path / "reading_paths"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    problems = Problems()
    summaries = {slug: make_summary(slug) for slug in ("talking-mats", "connecting-people")}
    paths = load_reading_paths(folder, tmp_path, summaries, frameworks, problems)
    return paths, [str(p) for p in problems.sorted()]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_a_good_path_loads_as_ordered_steps(tmp_path, frameworks):
    paths, problems = read(tmp_path, frameworks, GOOD)
    assert problems == []
    path = paths[0]
    assert path.slug == "rarely-heard" and path.time == 40 and path.audience == ["practitioners", "students"]
    first, second = path.steps
    assert (first.number, first.heading, first.is_external, first.key) == (1, "Talking mats", False, "summary:talking-mats")
    assert (second.number, second.url, second.kind, second.key) == (2, "https://example.org/projects/p1", "Research project page", "url:https://example.org/projects/p1")
    assert path.uses("talking-mats") and not path.uses("connecting-people")
    assert path.body.startswith("This path brings")


def test_missing_summary_is_an_error_at_its_line_with_a_suggestion(tmp_path, frameworks):
    text = GOOD.replace("summary: talking-mats", "summary: talking-mat")
    _, problems = read(tmp_path, frameworks, text)
    line = line_of(text, "summary: talking-mat")
    assert problems == [f"reading_paths/rarely-heard.md:{line}: 'summary' in 'steps' item 1: there is no valid summary 'talking-mat'; did you mean 'talking-mats'?"]


def test_unknown_standard_is_an_error_at_its_line(tmp_path, frameworks):
    text = GOOD.replace("  - pcf:7", "  - pcf:70")
    _, problems = read(tmp_path, frameworks, text)
    line = line_of(text, "- pcf:70")
    assert len(problems) == 1
    assert problems[0].startswith(f"reading_paths/rarely-heard.md:{line}: 'standards' item 2: 'pcf:70' is not a standard in Professional Capabilities Framework")


def test_a_step_must_be_a_summary_or_an_outside_resource(tmp_path, frameworks):
    text = GOOD.replace("    url: https://example.org/projects/p1\n", "")
    _, problems = read(tmp_path, frameworks, text)
    line = line_of(text, "- title: A project page")
    assert problems == [f"reading_paths/rarely-heard.md:{line}: 'steps' item 2 needs either 'summary: <file name of a summary>' or, for an outside resource, 'title', 'url' and 'kind' (missing 'url')"]


def test_a_step_cannot_be_both(tmp_path, frameworks):
    text = GOOD.replace("  - summary: talking-mats\n", "  - summary: talking-mats\n    url: https://example.org/x\n")
    _, problems = read(tmp_path, frameworks, text)
    assert problems == [f"reading_paths/rarely-heard.md:{line_of(text, 'url: https://example.org/x')}: 'steps' item 1 has both 'summary' and an outside resource; keep 'summary' for a summary on this site, or make it a separate step"]


@pytest.mark.parametrize(
    "old, new, needle, message",
    [
        ("  - students\n", "  - managers\n", "- managers", "'audience' item 2 must be one of: practitioners, asye, students, practice-educators, team-managers, principal-social-workers; got \"managers\""),
        ("time: 40\n", "time: forty\n", "time: forty", "'time' must be a whole number"),
        ("why: Single studies are rarely the last word, so see what comes next.", "why: Short.", "why: Short.", "'why' in 'steps' item 2 is too short: write at least 20 characters"),
        ("url: https://example.org/projects/p1", "url: example.org/p1", "url: example.org", "'url' in 'steps' item 2 must be a web address starting with https://"),
        ("      - How do you keep up with research still under way?\n", "      - One question here?\n      - Two questions here?\n      - Three questions here?\n      - Four questions here?\n", "      - One question here?", "'questions' in 'steps' item 2 has too many items: keep it to 3"),
        ("standards:\n", "standard:\n", "standard:", "unknown field 'standard'; did you mean 'standards'?"),
        ("    kind: Research project page\n", "    kind: Research project page\n    tittle: A typo\n", "tittle:", "unknown field 'tittle' in 'steps' item 2; did you mean 'title'?"),
    ],
)
def test_schema_problems_name_field_line_and_fix(tmp_path, frameworks, old, new, needle, message):
    text = GOOD.replace(old, new)
    _, problems = read(tmp_path, frameworks, text)
    line = line_of(text, needle) - (1 if needle.startswith("      - ") else 0)
    assert any(p.startswith(f"reading_paths/rarely-heard.md:{line}: {message}") for p in problems), problems


def test_missing_required_field_is_reported(tmp_path, frameworks):
    text = GOOD.replace("facilitator_notes:\n  - Allow 45 minutes and ask people to read step 1 beforehand.\n", "")
    _, problems = read(tmp_path, frameworks, text)
    where = GOOD.splitlines().index("facilitator_notes:") + 1  # after the steps, where the schema puts it
    assert problems == [f"reading_paths/rarely-heard.md:{where}: missing required field 'facilitator_notes': add 'facilitator_notes:' (How to run the path as a 45 to 60 minute team session or journal club, one point per item. They print with the session pack)"]


def test_unsafe_markup_in_the_introduction_is_refused(tmp_path, frameworks):
    text = GOOD + "\n<script>alert(1)</script>\n"
    _, problems = read(tmp_path, frameworks, text)
    assert problems and problems[0].startswith(f"reading_paths/rarely-heard.md:{line_of(text, '<script>')}: raw HTML <script> is not allowed")


def test_times_that_add_up_to_more_than_the_total_warn(tmp_path, frameworks):
    text = GOOD.replace("    kind: Research project page\n", "    kind: Research project page\n    time: 30\n")
    paths, problems = read(tmp_path, frameworks, text)
    assert paths, "a warning does not stop the path"
    assert problems == [f"reading_paths/rarely-heard.md:{line_of(text, 'time: 40')}: warning: 'time' is 40 minutes but the steps' times add up to 45; raise 'time' or shorten the steps"]


def test_bad_file_name_and_broken_yaml(tmp_path, frameworks):
    _, problems = read(tmp_path, frameworks, GOOD, name="Rarely Heard.md")
    assert problems[0].startswith("reading_paths/Rarely Heard.md:1: file name 'Rarely Heard.md' must be lowercase words")
    _, problems = read(tmp_path, frameworks, "---\ntitle: [unclosed\n---\n", name="broken.md")
    assert "reading_paths/broken.md:2: a '[' opened on this line is never closed: add ']' after the last item, or put the whole value in quotes" in problems


def test_no_folder_means_no_paths(tmp_path, frameworks):
    problems = Problems()
    assert load_reading_paths(tmp_path / "missing", tmp_path, {}, frameworks, problems) == []
    assert not problems.items


# Only resources whose address appears in the seed documents may be linked.
SEED_URLS = {"https://www.sscr.nihr.ac.uk/projects/p114", "https://www.scie.org.uk/care-providers/coronavirus-covid-19"}


def test_bundled_paths_are_real_and_complete():
    from evidence.model.library import Library
    from evidence.read.settings import Settings

    library = Library.load(Settings.from_mkdocs_yml(REPO / "mkdocs.yml"))
    assert not library.problems.errors, [str(p) for p in library.problems.errors]
    upstream = [path for path in library.reading_paths if path.path.startswith("reading_paths/")]
    for path in upstream:  # the project's own paths; a council's are its own business
        assert 3 <= len(path.steps) <= 5, path.slug
        assert path.facilitator_notes and path.body.strip() and path.audience and path.standards
        assert all(1 <= len(step.questions) <= 3 and step.why for step in path.steps)
        assert {step.url for step in path.steps if step.is_external} <= SEED_URLS


@pytest.mark.parametrize("written", ["SWE 1.3", "swe 1.3", "SWE:1.3"])
def test_a_loosely_written_standard_gets_the_same_suggestion_everywhere(project, written):
    """Summaries, reading paths and the CPD focus standard share one check, so they say the same."""
    summary = summary_text(standards=[written])
    project.add("talking-mats.md", summary)
    path = GOOD.replace("  - swe:1.3\n", f"  - {written}\n")
    project.add_reading_path("rarely-heard.md", path)
    cpd = project.root / "data" / "cpd" / "england.yml"
    text = cpd.read_text(encoding="utf-8").replace('focus_standard: "swe:4"', f'focus_standard: "{written}"')
    cpd.write_text(text, encoding="utf-8")
    said = f"'{written}' is not written as framework:id; did you mean 'swe:1.3'?"
    errors = [str(p) for p in project.library().problems.sorted() if p.is_error]
    assert errors == [
        f"data/cpd/england.yml:{line_of(text, written)}: 'focus_standard': {said}",
        f"reading_paths/rarely-heard.md:{line_of(path, written)}: 'standards' item 1: {said}",
        f"research_summaries/talking-mats.md:{line_of(summary, written)}: 'standards' item 1: {said}",
    ]


def test_schema_errors_do_not_hide_the_standards_and_introduction_checks(tmp_path, frameworks):
    text = GOOD.replace("time: 40\n", "time: forty\n").replace("  - pcf:7", "  - pcf:70") + "\n<script>alert(1)</script>\n"
    _, problems = read(tmp_path, frameworks, text)
    assert problems == [
        f"reading_paths/rarely-heard.md:{line_of(text, 'time: forty')}: 'time' must be a whole number, not \"forty\"",
        f"reading_paths/rarely-heard.md:{line_of(text, '- pcf:70')}: 'standards' item 2: 'pcf:70' is not a standard in Professional Capabilities Framework; did you mean 'pcf:7'? (every id is listed in data/frameworks/pcf.yml)",
        f"reading_paths/rarely-heard.md:{line_of(text, '<script>')}: raw HTML <script> is not allowed; write it in Markdown (headings with ##, links with [text](https://...))",
    ]


def test_broken_links_in_the_introduction_are_errors_at_their_line(project):
    """The same check as summaries' links, with the hint written from a reading path's address."""
    project.add("talking-mats.md", summary_text())
    fine = "Start with [talking mats](../research/talking-mats.md), [about](../about.md) and [this path](rarely-heard.md)."
    missing = "Then [the sequel](../research/no-such-study.md)."
    absolute = "Or [an old address](/research/gone/)."
    text = GOOD + "\n".join(["", fine, "", missing, "", absolute, ""])
    project.add_reading_path("rarely-heard.md", text)
    errors = [str(p) for p in project.library().problems.sorted() if p.is_error]
    assert errors == [
        f"reading_paths/rarely-heard.md:{line_of(text, missing)}: link to '../research/no-such-study.md' points at a page that does not exist; link a summary as [title](../research/its-file-name.md)",
        f"reading_paths/rarely-heard.md:{line_of(text, absolute)}: link to '/research/gone/': there is no summary 'gone'; link a summary as [title](../research/gone.md) using its file name",
    ]


def test_an_image_from_another_website_in_the_introduction_is_an_error(project):
    project.add("talking-mats.md", summary_text())
    text = GOOD + "\n![A diagram](https://example.org/diagram.png)\n"
    project.add_reading_path("rarely-heard.md", text)
    errors = [str(p) for p in project.library().problems.sorted() if p.is_error]
    assert errors == [
        f"reading_paths/rarely-heard.md:{line_of(text, '![A diagram]')}: image 'https://example.org/diagram.png' is on another website, and the site's security policy stops browsers showing images from other websites; "
        "put the image in the repository's content/images/ folder and write ![what it shows](../images/file-name.png) (or the site's owner can allow https://example.org under csp_sources: img-src in mkdocs.yml)"
    ]


def test_a_summary_with_errors_is_not_blamed_again_in_every_path_that_uses_it(project):
    """An editor who breaks one summary sees that summary's errors, not one more for each path in the site."""
    summary = summary_text(design="interviews")
    project.add("talking-mats.md", summary)
    project.add_reading_path("rarely-heard.md", GOOD)
    library = project.library()
    errors = [str(p) for p in library.problems.errors]
    assert errors == [f"research_summaries/talking-mats.md:{line_of(summary, 'design:')}: 'design': 'interviews' is not a known study design; see data/vocabularies/designs.yml for the allowed values (to add a new value, add a term to data/vocabularies/designs.yml)"]
    assert library.reading_paths == [], "a path with a step that cannot be shown is not published"
