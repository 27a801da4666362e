"""Indentation taken out of finished pages.

Jinja keeps the indentation of every template line, Material's included, and on
a research page that is about a seventh of the HTML readers download. Outside
elements whose spacing is content, a run of white space that holds a line break
renders exactly like a single line break, so each such run becomes one. The text
of the page, the inline scripts (and so their CSP hashes) and anything
preformatted are left as they were.
"""

from __future__ import annotations

import re

# Elements whose contents keep every space: preformatted text, form text, code (printed as pre-wrap), raw text.
_KEPT = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*>", re.S | re.I)
# ASCII white space only: a no-break space is part of the text. Line breaks are the "\n" split on.
_BLANK = " \t\r\f"


def collapsed(html: str) -> str:
    """``html`` with each white-space run that holds a line break reduced to the line break."""
    parts, start = [], 0
    for kept in _KEPT.finditer(html):
        parts += [_one_break_per_run(html[start : kept.start()]), kept.group(0)]
        start = kept.end()
    parts.append(_one_break_per_run(html[start:]))
    return "".join(parts)


def _one_break_per_run(text: str) -> str:
    """Split at line breaks: a run is the end of one line, any blank lines, and the start of the next.

    The same as ``re.sub(r"[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*", "\\n", text)`` (``tests/test_page_weight.py``
    compares them), without trying that pattern at every character: string methods do the scanning,
    a tenth of the time on a summary page."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    middle = [line for line in (line.strip(_BLANK) for line in lines[1:-1]) if line]
    return "\n".join([lines[0].rstrip(_BLANK), *middle, lines[-1].lstrip(_BLANK)])
