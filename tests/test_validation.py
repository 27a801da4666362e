"""Every kind of editor mistake is reported once, on its own line, with the fix.

Each test writes one small file as an inline string and asserts the exact
``path:line: message`` an editor would see from ``python3 build.py check``.
"""

from __future__ import annotations

import pytest

from conftest import BODY, REPO, summary_text, valid_front_matter
from evidence.read.front_matter import parse_document, parse_yaml
from evidence.read.schema import Schema, _translate

NAME = "research_summaries/study.md"


def problems_for(project, text, name="study.md"):
    project.add(name, text)
    return [str(p) for p in project.library().problems.sorted()]


def only_error(project, text):
    lines = [line for line in problems_for(project, text) if ": warning: " not in line]
    assert len(lines) == 1, lines
    return lines[0]


def test_valid_summary_has_no_problems(project):
    assert problems_for(project, summary_text()) == []


def test_yaml_syntax_error_names_the_line_and_the_fix(project):
    text = "---\ntitle: Hello\nsummary: Staff said: it helped a lot in most homes\n---\n" + BODY
    error = only_error(project, text)
    assert error.startswith(f"{NAME}:3: YAML syntax error")
    assert "double quotes" in error


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ('title: "Talking mats"\nsource:\n\tcitation: Findings 1\n', f"{NAME}:4: this line is indented with a tab: indent with spaces (two for each level), never tabs"),
        ('title: "Talking mats\nsummary: Staff listened.\nyear: 2021\n', f'{NAME}:2: a double quote (") opened on this line is never closed: add the closing quote at the end of the value'),
        ('title: "Talking mats"\nsource:\n  citation: Findings 1\n\turl: https://example.org/f\n', f"{NAME}:5: this line is indented with a tab: indent with spaces (two for each level), never tabs"),
        ('title: "Talking mats\\a in care homes"\n', f"{NAME}:2: this value contains an invisible control character (U+0007), written as an escape such as \\a or \\x07; delete the escape"),
        ("topics:\n  - communication\n - wellbeing\n", f"{NAME}:4: YAML syntax error: did not find expected key; line this up with the lines above it, using the same number of spaces"),
    ],
    ids=["tab", "unclosed-quote", "tab-after-a-field", "escaped-control-character", "misaligned-list"],
)
def test_common_yaml_slips_point_at_the_line_the_editor_must_change(project, front_matter, expected):
    """libyaml gives up lines after the slip; the message goes back to where the fix is."""
    assert only_error(project, f"---\n{front_matter}---\n" + BODY) == expected


def test_missing_front_matter(project):
    assert only_error(project, BODY) == f"{NAME}:1: missing front matter: the first line must be '---', followed by the fields and another '---'"


def test_unclosed_front_matter(project):
    assert "front matter is not closed" in only_error(project, "---\ntitle: Hello there\n")


def test_front_matter_that_is_a_list(project):
    assert only_error(project, "---\n- title\n- summary\n---\n" + BODY) == f"{NAME}:2: front matter is a list, not a set of 'field: value' lines"


def test_empty_file(project):
    assert only_error(project, "") == f"{NAME}:1: the file is empty; start it with front matter between two '---' lines"


def test_non_utf8_file_names_the_line_of_the_bad_byte(project):
    raw = summary_text().encode("utf-8").replace(b"Pictures helped.", b"Pictures helped \xe9.")
    line = summary_text().splitlines().index("Pictures helped.") + 1
    assert only_error(project, raw).startswith(f"{NAME}:{line}: the file is not UTF-8 text")


def test_unknown_field_suggests_the_right_name(project):
    text = summary_text().replace("topics:", "topic:")
    line = text.splitlines().index("topic:") + 1
    assert only_error(project, text) == f"{NAME}:{line}: unknown field 'topic'; did you mean 'topics'?"


def test_missing_required_field_says_what_to_add(project):
    """At the line where it belongs: after the source, which the schema puts before it, not at line 1."""
    text = summary_text(design=None)
    after_source = next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("strand:"))
    error = only_error(project, text)
    assert error.startswith(f"{NAME}:{after_source}: missing required field 'design': add 'design:'")


def test_wrong_type_names_the_field_and_expected_type(project):
    text = summary_text(year="twenty twenty")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("year:"))
    assert only_error(project, text) == f"{NAME}:{line}: 'year' must be a whole number, not \"twenty twenty\""


def test_impossible_date_is_located_not_a_crash(project):
    text = summary_text().replace("published: '2026-01-15'", "published: 2024-02-30")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("published:"))
    assert only_error(project, text) == f"{NAME}:{line}: 'published' must be a real date written YYYY-MM-DD; \"2024-02-30\" is not a date on the calendar"


def test_yaml_alias_is_refused(project):
    text = summary_text().replace("topics:\n- communication", "topics: &t\n- communication\npopulations2: *t")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("populations2"))
    assert only_error(project, text) == f"{NAME}:{line}: YAML aliases (*name) are not allowed; write the value out in full"


def test_alias_bomb_is_refused_quickly(project):
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n"
    assert "YAML aliases" in only_error(project, bomb)


def test_duplicate_field_is_refused(project):
    text = summary_text().replace("design: qualitative", "design: qualitative\ndesign: survey")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l == "design: survey")
    assert only_error(project, text) == f"{NAME}:{line}: 'design' appears twice (first on line {line - 1}); keep one and delete the other"


def test_value_outside_vocabulary_suggests_a_term(project):
    text = summary_text(topics=["communication", "challenging behaviour"])
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "challenging behaviour" in l)
    error = only_error(project, text)
    assert error.startswith(f"{NAME}:{line}: 'topics': 'challenging behaviour' is not a known topic; did you mean 'behaviour-that-challenges'?")
    assert "data/vocabularies/topics.yml" in error


def test_non_http_source_url(project):
    text = summary_text(source={"citation": "Example findings", "url": "javascript:alert(1)"})
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "url:" in l)
    assert only_error(project, text) == f"{NAME}:{line}: 'source.url' must be a web address starting with https:// (or http://), with no spaces; got \"javascript:alert(1)\""


def test_web_address_with_a_space_is_located(project):
    text = summary_text(source={"citation": "Example findings", "url": "https://example.org/final report.pdf"})
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "url:" in l)
    assert only_error(project, text) == f"{NAME}:{line}: 'source.url' must be a web address starting with https:// (or http://), with no spaces; got \"https://example.org/final report.pdf\""


def test_duplicate_slug_in_subfolders(project):
    project.add("study.md", summary_text())
    (project.summaries / "2026").mkdir()
    project.add("2026/study.md", summary_text(title="Another study of talking mats"))
    errors = [str(p) for p in project.library().problems.errors]
    assert errors == ["research_summaries/study.md:1: another summary already uses the address research/study/ (research_summaries/2026/study.md); rename one of the files"]


def test_duplicate_doi(project):
    source = {"citation": "Example", "url": "https://example.org/a", "doi": "10.1234/abc"}
    project.add("first.md", summary_text(source=source))
    text = summary_text(source=source, title="The same study summarised again")
    project.add("second.md", text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "doi:" in l)
    errors = [str(p) for p in project.library().problems.errors]
    assert errors == [f"research_summaries/second.md:{line}: 'source.doi' 10.1234/abc is already summarised in research_summaries/first.md; update that summary instead of adding a second"]


def test_broken_internal_link(project):
    text = summary_text(body=BODY + "\nSee [the other study](no-such-study.md).\n")
    line = text.splitlines().index("See [the other study](no-such-study.md).") + 1
    assert only_error(project, text) == f"{NAME}:{line}: link to 'no-such-study.md' points at a page that does not exist; link another summary as [title](its-file-name.md)"


def test_links_to_existing_pages_are_fine(project):
    project.add("other.md", summary_text(title="Another good study here"))
    text = summary_text(body=BODY + "\nSee [other](other.md), [about](../about.md) and [web](https://example.org).\n")
    assert problems_for(project, text) == []


def test_bad_file_name(project):
    errors = problems_for(project, summary_text(), name="My Study.md")
    assert errors == ["research_summaries/My Study.md:1: file name 'My Study.md' must be lowercase words joined by hyphens, for example my-study.md"]


def test_missing_sections_are_warnings_not_errors(project):
    body = BODY.replace("## What it found\n\nPictures helped.\n\n", "")
    problems = problems_for(project, summary_text(body=body))
    assert len(problems) == 1
    assert ": warning: missing section '## What it found'" in problems[0]


def test_placeholders_from_the_scaffold_must_be_replaced(project):
    text = summary_text(design="FILL IN")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("design:"))
    assert only_error(project, text).startswith(f"{NAME}:{line}: 'design' still says FILL IN: replace it (The study design")


def test_every_problem_is_reported_at_once(project):
    text = summary_text(design="trial", year="soon", source={"citation": "Example", "url": "ftp://example.org"})
    errors = [p for p in problems_for(project, text)]
    assert len(errors) == 3
    assert [e.split(": ", 1)[1].split("'")[1] for e in errors] == ["year", "source.url", "design"]


@pytest.mark.parametrize(
    "markdown, message",
    [
        ("<script>alert(1)</script>", "raw HTML <script> is not allowed"),
        ('<img src="x" onerror="alert(1)">', "raw HTML <img> is not allowed"),
        ('<abbr title="x" onmouseover="alert(1)">A</abbr>', "attribute 'onmouseover' on <abbr> is not allowed"),
        ('A paragraph.\n{: onclick="alert(1)" }', "attribute 'onclick' in {: ... } is not allowed"),
        ("[x](javascript:alert(1))", "link uses 'javascript:'"),
        ("[x](jav&#x09;ascript:alert(1))", "link uses 'javascript:'"),
        ("[x](JaVaScRiPt:alert(1))", "link uses 'javascript:'"),
        ("[x][r]\n\n[r]: vbscript:msgbox(1)", "link uses 'vbscript:'"),  # reported on the definition
        ("![x](data:image/svg+xml;base64,PHN2Zz4=)", "link uses 'data:'"),
        ("<javascript:alert(1)>", "link uses 'javascript:'"),
        ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', "raw HTML <iframe> is not allowed"),
        ('<meta http-equiv="refresh" content="0;url=https://example.org">', "raw HTML <meta> is not allowed"),
        ("<svg><script>alert(1)</script></svg>", "raw HTML <svg> is not allowed"),
        ("<math><mtext><script>alert(1)</script></mtext></math>", "raw HTML <math> is not allowed"),
        ("[x](<script>alert(1)</script>)", "raw HTML <script> is not allowed"),  # markup dressed as a link address
        ("[x](<img src=x onerror=alert(1)>)", "raw HTML <img> is not allowed"),
    ],
)
def test_dangerous_markup_is_refused_with_its_line(project, markdown, message):
    text = summary_text(body=BODY + "\n" + markdown + "\n")
    dangerous_line = markdown.splitlines()[-1]  # the last line holds the danger in multi-line cases
    line = text.splitlines().index(dangerous_line) + 1
    errors = [e for e in problems_for(project, text) if ": warning: " not in e]
    assert any(e.startswith(f"{NAME}:{line}: {message}") for e in errors), errors


def test_markup_inside_code_is_text_not_an_error(project):
    body = BODY + "\nType `<script>` to see.\n\n```html\n<script>alert(1)</script>\n```\n"
    assert problems_for(project, summary_text(body=body)) == []


@pytest.mark.parametrize(
    "change, field",
    [({"year": 20020}, "'year' must be 2100 or less"), ({"year": 1200}, "'year' must be 1900 or more")],
)
def test_numbers_out_of_range_are_messages_not_crashes(project, change, field):
    assert field in only_error(project, summary_text(**change))


@pytest.mark.parametrize("value", ["!!binary aGVsbG8=", "!!timestamp 2026-11-22", "!!python/name:os.system"])
def test_special_yaml_types_are_refused_at_their_line(project, value):
    text = summary_text().replace("design: qualitative", f"design: {value}")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("design:"))
    assert only_error(project, text).startswith(f"{NAME}:{line}: ")


def test_link_to_the_bare_research_folder_is_reported(project):
    text = summary_text(body=BODY + "\nSee [all](/research/).\n")
    assert "there is no summary" in only_error(project, text)


def test_deep_nesting_is_a_message(project):
    text = "---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\n" + BODY
    assert only_error(project, text).startswith(f"{NAME}:")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["windows-crlf", "old-mac-cr"])
def test_line_numbers_are_right_whatever_the_line_endings(project, newline):
    text = summary_text(year="soon", body=BODY + "\n<script>alert(1)</script>\n")
    year = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("year:"))
    script = text.splitlines().index("<script>alert(1)</script>") + 1
    assert problems_for(project, text.replace("\n", newline).encode("utf-8")) == [
        f"{NAME}:{year}: 'year' must be a whole number, not \"soon\"",
        f"{NAME}:{script}: raw HTML <script> is not allowed; write it in Markdown (headings with ##, links with [text](https://...))",
    ]


def test_non_utf8_byte_is_located_with_old_mac_line_endings(project):
    raw = summary_text().replace("\n", "\r").encode("utf-8").replace(b"Pictures helped.", b"Pictures helped \xe9.")
    line = summary_text().splitlines().index("Pictures helped.") + 1
    assert only_error(project, raw).startswith(f"{NAME}:{line}: the file is not UTF-8 text")


@pytest.mark.parametrize(
    "old, new, code",
    [
        ("reason: One study", "reason: One\x07 study", "0007"),  # a bell pasted inside a value
        ("title: Talking mats", 'title: "Talking\x0c mats"', "000C"),  # a page break inside quotes
        ("Pictures helped.", "Pictures\x0b helped.", "000B"),  # Word's line break, in the body
        ("design: qualitative", "design: quali\u2028tative", "2028"),  # a Unicode line separator
    ],
)
def test_invisible_control_characters_are_named_at_their_line(project, old, new, code):
    text = summary_text()
    line = next(i for i, l in enumerate(text.split("\n"), 1) if old in l)
    error = only_error(project, text.replace(old, new))
    assert error == f"{NAME}:{line}: this line contains an invisible control character (U+{code}), often pasted in from Word or a PDF; delete it (if you cannot see it, retype the line)"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"topics": ["communication", "FILL IN"]}, "'topics' item 2 still says FILL IN: replace it (What the study is about. Readers follow these to related studies.)"),
        ({"reflection_questions": ["Why?"]}, "'reflection_questions' item 1 is too short: write at least 10 characters"),
        ({"authors": ["A. Researcher", 7]}, "'authors' item 2 must be text, not 7: YAML reads an unquoted 7 as a number; put it in quotes, for example \"7\""),
    ],
)
def test_list_items_are_named_in_words_not_json_paths(project, change, message):
    text = summary_text(**change)
    item = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith(("- FILL IN", "- Why?", "- 7")))
    assert only_error(project, text) == f"{NAME}:{item}: {message}"


def test_schema_errors_do_not_hide_the_checks_that_come_later(project):
    source = {"citation": "Example", "url": "https://example.org/a", "doi": "10.1234/abc"}
    project.add("first.md", summary_text(source=source))
    body = BODY + "\nSee [the other study](no-such-study.md).\n"
    text = summary_text(year="soon", source=source, title="The same study summarised again", standards=["swe:4.2", "swe:4.9"], body=body)
    project.add("second.md", text)
    at = lambda start: next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith(start))
    errors = [str(p) for p in project.library().problems.sorted() if p.is_error]
    assert errors == [
        f"research_summaries/second.md:{at('year:')}: 'year' must be a whole number, not \"soon\"",
        f"research_summaries/second.md:{at('  doi:')}: 'source.doi' 10.1234/abc is already summarised in research_summaries/first.md; update that summary instead of adding a second",
        f"research_summaries/second.md:{at('- swe:4.9')}: 'standards' item 2: 'swe:4.9' is not a standard in Social Work England professional standards; did you mean 'swe:4.8'? (every id is listed in data/frameworks/swe.yml)",
        f"research_summaries/second.md:{at('See [the other')}: link to 'no-such-study.md' points at a page that does not exist; link another summary as [title](its-file-name.md)",
    ]


def test_later_checks_skip_the_fields_that_failed(project):
    source = {"citation": "Example", "url": "https://example.org/a", "doi": "10.1234"}
    project.add("first.md", summary_text(source=source))
    text = summary_text(source=source, title="The same study summarised again", standards="swe:4.9")
    project.add("second.md", text)
    errors = [str(p).split(": ", 1)[1] for p in project.library().problems.sorted() if p.is_error and p.path.endswith("second.md")]
    assert errors == [
        "'source.doi' must be a DOI such as 10.1000/xyz123, without https://doi.org/ in front; got \"10.1234\"",
        "'standards' must be a list (one '- item' per line), not \"swe:4.9\"",
    ]


def outside_image(url: str, page_to_docs: str = "..") -> str:
    """The message for an image the Content Security Policy (img-src 'self' data:) would block."""
    origin = "/".join(url.split("/")[:3])
    return (
        f"image '{url}' is on another website, and the site's security policy stops browsers showing images from other websites; "
        f"put the image in the repository's content/images/ folder and write ![what it shows]({page_to_docs}/images/file-name.png) "
        f"(or the site's owner can allow {origin} under csp_sources: img-src in mkdocs.yml)"
    )


def with_evidence_options(project, options: str) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - evidence:\n", "  - evidence:\n" + options, 1)
    config.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "markdown, url",
    [
        ("![A chart](https://example.org/chart.png)", "https://example.org/chart.png"),
        ('![A chart](<https://example.org/chart.png> "Title")', "https://example.org/chart.png"),
        ("![A chart][c]\n\n[c]: http://example.org/chart.png", "http://example.org/chart.png"),
        ("[![A badge](//img.example.org/b.svg)](https://example.org)", "//img.example.org/b.svg"),
    ],
)
def test_images_from_other_websites_are_errors(project, markdown, url):
    text = summary_text(body=BODY + "\n" + markdown + "\n")
    line = text.splitlines().index(markdown.splitlines()[-1]) + 1  # where the address is written: a reference's definition
    expected = outside_image(url).replace("allow //img.example.org", "allow https://img.example.org")
    assert only_error(project, text) == f"{NAME}:{line}: {expected}"


def test_images_in_the_repository_are_fine(project):
    (project.root / "content/images").mkdir()
    (project.root / "content/images/chart.png").write_bytes(b"")
    text = summary_text(body=BODY + "\n![A chart](../images/chart.png)\n\n[A link, not an image](https://example.org/chart.png)\n")
    assert problems_for(project, text) == []


def test_image_origins_the_site_owner_allows_are_fine(project):
    with_evidence_options(project, '      csp_sources:\n        img-src: ["https://images.example.org", "https://*.cdn.example.net"]\n')
    body = BODY + "\n![A](https://images.example.org/a.png)\n\n![A2](https://images.example.org:443/a.png)\n\n![B](https://x.cdn.example.net/b.png)\n\n![C](https://other.example.org/c.png)\n"
    text = summary_text(body=body)
    line = text.splitlines().index("![C](https://other.example.org/c.png)") + 1
    assert only_error(project, text) == f"{NAME}:{line}: {outside_image('https://other.example.org/c.png')}"


def test_without_a_security_policy_outside_images_are_allowed(project):
    with_evidence_options(project, "      csp_enabled: false\n")
    assert problems_for(project, summary_text(body=BODY + "\n![A chart](https://example.org/chart.png)\n")) == []


def bundled_data(schema_name: str) -> dict:
    """A valid file of each kind, from the repository itself."""
    if schema_name == "summary":
        return valid_front_matter()
    if schema_name == "reading_path":
        return parse_document((REPO / "reading_paths" / "using-research-in-everyday-practice.md").read_text(encoding="utf-8")).data
    return parse_yaml((REPO / "data" / "frameworks" / "swe.yml").read_text(encoding="utf-8"))[0]


URL_FIELDS = {"summary": ("source", "url"), "reading_path": ("steps", 1, "url"), "framework": ("source_url",)}
URLS = [
    "https://example.org/a b", "https://exa mple.org", "https://example.org/<x>", "https://example.org/%zz", "https://[::1",
    "https://example.org/a|b", "https://example.org/x\n", "ftp://example.org", "example.org", "https://", "javascript:alert(1)",
    "https://example.org/café", "https://例え.jp/", "https://example.org/a?b=c#d", "http://example.org",
]


@pytest.mark.parametrize("schema_name", URL_FIELDS)
@pytest.mark.parametrize("url", URLS)
def test_both_validators_agree_on_web_addresses(schema_name, url):
    """jsonschema-rs decides whether a file is valid; jsonschema words the errors. They must agree, or a
    file is passed without a message (or failed with none). Compare where each finds errors, and the messages."""
    schema, data = Schema(schema_name), bundled_data(schema_name)
    *parents, key = URL_FIELDS[schema_name]
    target = data
    for part in parents:
        target = target[part]
    target[key] = url
    fast = sorted(tuple(error.instance_path) for error in schema._fast.iter_errors(data))
    slow = sorted(tuple(error.absolute_path) for error in schema._validator.iter_errors(data))
    assert fast == slow
    every_message = [issue.message for error in schema._validator.iter_errors(data) for issue in _translate(error)]
    assert [issue.message for issue in schema.validate(data)] == every_message


def test_everyday_words_for_a_strength_level_get_a_suggestion(project):
    error = only_error(project, summary_text(strength={"scheme": "grade", "level": "medium", "reason": "One study in one place only."}))
    assert "'strength.level': 'medium' is not a known strength of evidence; did you mean 'moderate'?" in error


def test_a_link_with_a_shortened_file_name_suggests_the_summary_meant(project):
    project.add("communication-passports-learning-disability.md", summary_text(title="Communication passports"))
    text = summary_text(BODY + "\nSee [the passports study](communication-passports.md).\n", title="Another study of passports")
    project.add("other.md", text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "the passports study" in l)
    errors = [str(p) for p in project.library().problems.errors]
    assert errors == [f"research_summaries/other.md:{line}: link to 'communication-passports.md' points at a page that does not exist; link another summary as [title](its-file-name.md); did you mean 'communication-passports-learning-disability.md'?"]


def test_a_link_whose_address_has_a_space_in_angle_brackets_is_not_raw_html(project):
    assert problems_for(project, summary_text(body=BODY + "\nSee [the notes](<https://example.org/team notes.pdf>).\n")) == []


def test_a_value_written_as_a_block_loses_its_final_newline(project):
    """A '|' block ends in a newline: kept, it would reach the DOI link and the two validators disagree on it."""
    text = summary_text().replace("  open_access: true\n", "  open_access: true\n  doi: |\n    10.1000/xyz123\n")
    project.add("study.md", text)
    library = project.library()
    assert [str(p) for p in library.problems.errors] == []
    assert library.summaries[0].source["doi"] == "10.1000/xyz123"
