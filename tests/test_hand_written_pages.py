"""Hand-written pages: front matter the theme prints or loads as a file, and links, are checked with a located message."""

from __future__ import annotations

import pytest

from conftest import summary_text


def page_errors(project, text, name="about.md"):
    project.add("talking-mats.md", summary_text())
    (project.root / "content" / name).write_text(text, encoding="utf-8")
    return [str(p) for p in project.library().problems.sorted() if p.is_error]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("template", "../../../etc/passwd", "'template' must be the name of a template file in overrides/ (or the theme's), such as main.html, with no ../ or / in front; got \"../../../etc/passwd\""),
        ("template", "/etc/passwd.html", "'template' must be the name of a template file in overrides/ (or the theme's), such as main.html, with no ../ or / in front; got \"/etc/passwd.html\""),
        ("template", "missing.html", "'template' must name a file in overrides/ or the theme's templates; there is no 'missing.html' (for example main.html)"),
        ("icon", "../../../../etc/passwd", "'icon' must be an icon name from the theme's icon set, such as material/book-open-page-variant, with no ../ or / in front; got \"../../../../etc/passwd\""),
        ("icon", "material/no-such-icon", "'icon' must name one of the theme's icons; there is no 'material/no-such-icon' (for example material/book-open-page-variant)"),
        ("status", '" onmouseover="alert(1)', "'status' must be the name of a status defined under extra: status: in mkdocs.yml, in lowercase words joined by hyphens, such as new; got \"\\\" onmouseover=\\\"alert(1)\""),
    ],
    ids=["template-leaves-folder", "template-absolute", "template-missing", "icon-leaves-folder", "icon-missing", "status-markup"],
)
def test_path_like_and_printed_front_matter_is_a_located_error(project, field, value, message):
    text = f"---\ntitle: About\ndescription: What this is.\n{field}: '{value}'\n---\n\n# About\n"
    assert page_errors(project, text) == [f"content/about.md:4: {message}"]


def test_good_front_matter_and_links_pass(project):
    text = "---\ntitle: About\ntemplate: main.html\nicon: material/book-open-page-variant\nstatus: new\n---\n\n[Search](search.md) and [home](index.md#top).\n"
    assert page_errors(project, text) == []


def test_a_broken_link_on_a_hand_written_page_is_reported_by_check_not_first_by_mkdocs(project):
    text = "---\ntitle: About\n---\n\nSee [the report](www.example.org/report.pdf) and [privacy](../privacy/).\n"
    assert page_errors(project, text) == [
        "content/about.md:5: link to '../privacy/' is a page's address; link to the page's file instead: write privacy.md",
        "content/about.md:5: link to 'www.example.org/report.pdf' looks like a web address without https://: write https://www.example.org/report.pdf",
    ]


def test_a_page_without_front_matter_is_checked_from_its_first_line(project):
    assert page_errors(project, "# Notes\n\n[x](missing.md)\n", name="notes.md") == [
        "content/notes.md:3: link to 'missing.md' points at a page that does not exist; link a summary as [title](research/its-file-name.md)",
    ]
