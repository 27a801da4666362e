"""Links: ``check`` finds every link the build's Markdown makes, resolves it as MkDocs does, and says
what to write instead, at the line the address is written on. A site that passes check builds with
MkDocs' strict link validation, so MkDocs never reports a link first.
"""

from __future__ import annotations

import pytest

from conftest import BODY, summary_text
from reading_path_text import reading_path_text

NAME = "research_summaries/study.md"
OTHER = "connecting-people-social-networks"


def errors_for(project, body, name="study.md"):
    """Errors for one summary whose body is BODY plus ``body``, with a second summary to link to."""
    project.add(f"{OTHER}.md", summary_text(title="Another study"))
    text = summary_text(body=BODY + "\n" + body)
    project.add(name, text)
    return text, [str(p) for p in project.library().problems.sorted() if p.is_error]


def line_of(text, fragment):
    return next(number for number, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    ("body", "written", "message"),
    [
        ("See [the report](www.example.org/report.pdf).\n", "www.example", "link to 'www.example.org/report.pdf' looks like a web address without https://: write https://www.example.org/report.pdf"),
        ("See [the report](example.org/report.pdf).\n", "(example.org", "link to 'example.org/report.pdf' looks like a web address without https://: write https://example.org/report.pdf"),
        ("Write to [us](team@example.org).\n", "team@", "link to 'team@example.org' looks like an e-mail address: write mailto:team@example.org"),
        (
            "See [x](../connecting-people/).\n", "connecting-people/",
            f"link to '../connecting-people/': '../connecting-people/' does not exist; link another summary as [title](other-slug.md); did you mean '{OTHER}.md'?",
        ),
        (f"See [x](../{OTHER}/).\n", OTHER, f"link to '../{OTHER}/' is a page's address; link to the page's file instead: write {OTHER}.md"),
        ("See [x](missing.md).\n", "missing.md", "link to 'missing.md' points at a page that does not exist; link another summary as [title](its-file-name.md)"),
        ("See [x](files/report.pdf).\n", "files/", "link to 'files/report.pdf' points at a file that does not exist (content/research/files/report.pdf); put the file in the content/ folder and link to it relative to this page, or write its full https:// address"),
        ("![A chart](chart.png)\n", "chart.png", "image 'chart.png' points at a file that does not exist (content/research/chart.png); put the file in the content/ folder and link to it relative to this page, or write its full https:// address"),
    ],
    ids=["www", "bare-domain", "e-mail", "page-address-missing", "page-address-existing", "missing-page", "missing-file", "missing-image"],
)
def test_a_link_the_build_would_break_on_is_a_located_error_saying_what_to_write(project, body, written, message):
    text, errors = errors_for(project, body)
    assert errors == [f"{NAME}:{line_of(text, written)}: {message}"]


@pytest.mark.parametrize(
    ("body", "written"),
    [
        ("- A list item [with a link][bad]\n\n    [bad]: javascript:alert(1)\n", "[bad]:"),
        ("> A quote [with a link][bad]\n>\n> [bad]: javascript:alert(1)\n", "[bad]:"),
        ("1. First\n2. Second with [a link][bad]\n\n    [bad]: <javascript:alert(1)>\n", "[bad]:"),
        ("- Item\n\n    > Quote in an item [here][bad]\n    >\n    > [bad]: javascript:alert(1)\n", "[bad]:"),
        ("Nested [a [b] c](javascript:alert(1)) link.\n", "Nested"),
        ("An [image link ![x](https://example.org/x.png)](javascript:alert(1)) here.\n", "An [image"),
    ],
    ids=["reference-in-list-item", "reference-in-quote", "angle-brackets-in-ordered-list", "quote-in-list", "nested-brackets", "image-in-link"],
)
def test_a_dangerous_link_in_any_markdown_form_is_a_located_error(project, body, written):
    text, errors = errors_for(project, body)
    assert f"{NAME}:{line_of(text, written)}: link uses 'javascript:', which is not allowed; use an https:// address" in errors


@pytest.mark.parametrize(
    "body",
    [
        "Code:\n\n    [x](www.example.org/report.pdf)\n    [bad]: javascript:alert(1)\n",
        "```\n[x](missing.md)\n```\n",
        "Use `[x](missing.md)` to link.\n",
        "The site's name is {{ config.site_name }} and {{ page.title }}.\n",
        "[Back to the top](#why-it-matters) and [this page](./) and [another summary](connecting-people-social-networks.md#what-it-found).\n",
        "Mail <team@example.org> or see <https://example.org/x>.\n",
        "[Browse](../browse/index.md), [CPD](../cpd/index.md) and [the guide](../contribute/index.md).\n",
    ],
    ids=["indented-code", "fenced-code", "code-span", "template-braces", "anchors-and-good-links", "autolinks", "generated-and-written-pages"],
)
def test_what_is_not_a_link_or_works_passes(project, body):
    assert errors_for(project, body)[1] == []


def test_a_reading_path_link_is_resolved_from_its_own_folder(project):
    project.add(f"{OTHER}.md", summary_text(title="Another study"))
    text = reading_path_text("Start with [the study](../research/connecting-people/) and [the report](www.example.org/r.pdf).", summary=OTHER)
    project.add_reading_path("a-path.md", text)
    line = line_of(text, "Start with")
    errors = [str(p) for p in project.library().problems.sorted() if p.is_error]
    assert errors == [
        f"reading_paths/a-path.md:{line}: link to '../research/connecting-people/': '../research/connecting-people/' does not exist; link a summary as [title](../research/other-slug.md); did you mean '../research/{OTHER}.md'?",
        f"reading_paths/a-path.md:{line}: link to 'www.example.org/r.pdf' looks like a web address without https://: write https://www.example.org/r.pdf",
    ]


def test_every_link_form_check_accepts_builds_under_strict_link_validation(project, capsys):
    """MkDocs' own validation (strict: true in mkdocs.yml) never reports a link check let through."""
    (project.root / "content/images").mkdir()
    (project.root / "content/images/chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    body = (
        "[Reference][r] in text, [another](connecting-people-social-networks.md) and [about](../about.md).\n\n"
        "- In a list: [ref][r2]\n\n    [r2]: ../contribute/index.md\n\n"
        "> In a quote: [ref][r3]\n>\n> [r3]: connecting-people-social-networks.md#what-it-found\n\n"
        "![A chart](../images/chart.png) and <https://example.org/x> and [top](#why-it-matters).\n\n"
        "[r]: ../browse/index.md\n"
    )
    text, errors = errors_for(project, body)
    assert errors == []
    assert project.build() == 0
    assert "WARNING" not in capsys.readouterr().err


def test_a_large_body_is_checked_in_one_pass_with_every_error_at_its_line(project):
    """Line numbers come from one table of line starts: thousands of links, each error at its own line."""
    lines = [f"Paragraph {n} links to [a study](connecting-people-social-networks.md) and [the web](https://example.org/{n})." for n in range(800)]
    broken = {100: "[x](missing-100.md)", 500: "[y](www.example.org/500.pdf)", 799: "[z](javascript:alert(799))"}
    for index, link in broken.items():
        lines[index] += f" Also {link}."
    text, errors = errors_for(project, "\n\n".join(lines) + "\n")
    assert [error.split(":")[1] for error in errors] == [str(line_of(text, link)) for link in broken.values()]


def test_a_body_over_the_schema_limit_is_refused_naming_the_limit(project):
    from evidence.read.schema import Schema

    limit = Schema("summary").spec["x-max-body-characters"]
    text, errors = errors_for(project, "[x](missing.md)\n" + "word " * (limit // 5))
    body_line = line_of(text, "## Why it matters")
    size = len(text.split("---\n", 2)[2].lstrip("\n"))
    assert errors == [f"{NAME}:{body_line}: the text below the front matter is {size:,} characters long, over the limit of {limit:,} ('x-max-body-characters' in summary.schema.json); shorten it, or link to the full text instead"]


def test_a_paragraph_markdown_would_take_minutes_to_read_is_refused_naming_the_limit(project):
    """8,000 unclosed '[' take Python-Markdown (the build's and check's) about a minute: refused before it reads them."""
    from evidence.read.schema import Schema

    limit = Schema("summary").spec["x-max-markdown-work"]
    text, errors = errors_for(project, "A fine paragraph.\n\n" + "[" * 2000 + " end\n")
    assert errors == [
        f"{NAME}:{line_of(text, '[[[[')}: this paragraph has 2,000 '[' or '<' in 2,004 characters; Markdown reads on from each one to find where a link ends, "
        f"which makes this text too slow to check and build (limit {limit:,} in 'x-max-markdown-work' in summary.schema.json: '[' and '<' times the length of their paragraph); "
        "write brackets that are not links as \\[ and \\<, and split long paragraphs"
    ]
