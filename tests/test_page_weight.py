"""What readers download: indentation left out of pages, a summary page's parts kept small."""

from __future__ import annotations

import re

from conftest import BODY, summary_text
from evidence.outputs.html_whitespace import collapsed


def test_indentation_goes_but_text_code_and_scripts_keep_every_space():
    page = (
        "<ul>\n      <li>\n        One\u00a0 two</li>\n\n\n   <li>Three</li>\n</ul>\n"
        "<pre><code>def f():\n    return 1\n</code></pre>\n  <p>Inline <code>a\n    b</code> code</p>\n"
        "<textarea>\n  kept\n</textarea>\n   <script>\n  var x = `a\n    b`;\n</script>\n  <STYLE>\n  p {}\n</STYLE>"
    )
    assert collapsed(page) == (
        "<ul>\n<li>\nOne\u00a0 two</li>\n<li>Three</li>\n</ul>\n"
        "<pre><code>def f():\n    return 1\n</code></pre>\n<p>Inline <code>a\n    b</code> code</p>\n"
        "<textarea>\n  kept\n</textarea>\n<script>\n  var x = `a\n    b`;\n</script>\n<STYLE>\n  p {}\n</STYLE>"
    )


def test_spaces_within_a_line_are_left_alone():
    """Only runs holding a line break are touched: two words never run together, spacing on a line is the author's."""
    assert collapsed("<p>a  b</p> <span>c</span>\t<b>d</b>") == "<p>a  b</p> <span>c</span>\t<b>d</b>"
    assert collapsed("a\n") == "a\n" and collapsed("") == ""


def test_built_pages_carry_no_indentation_and_keep_their_code_blocks(project):
    code = "## Why it matters\n\nSome people find words hard.\n\n```text\nfirst\n    indented\n```\n"
    project.add("talking-mats.md", summary_text(body=BODY.replace("## Why it matters\n\nSome people find words hard.\n", code)))
    assert project.build() == 0
    page = project.page("research/talking-mats")
    outside_pre = re.sub(r"<(pre|script|code|textarea|style)\b.*?</\1>", "<kept/>", page, flags=re.S)
    assert not re.search(r"\n[ \t]+\S|\n\s*\n", outside_pre), "an indented or blank line outside preformatted text"
    assert "first\n    indented" in page
