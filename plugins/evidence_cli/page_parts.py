"""A summary page's bytes by part, for ``python3 build.py bench`` and the page-weight budget.

The budget is for what a summary page carries besides its briefing (the
Markdown body an editor wrote, which is as long as the editor makes it): the
head, the header with the search box, the navigation, the table of contents,
the evidence card, standards, reflection questions, sharing, citing, the CPD
panel, related summaries, and Material's footer and scripts. Each part runs
from the first element that opens it to the next part's; a part a page does
not have is left out.
"""

from __future__ import annotations

from pathlib import Path

from . import table

BRIEFING = "briefing"
BUDGET = 20 * 1024  # bytes beyond the briefing (README, "Page weight")

# (part, the text that opens it), in page order. The footer part starts after the content's last </article>.
MARKERS = [
    ("head", "<!doctype"), ("header", "<body"), ("navigation", '<div class="md-sidebar md-sidebar--primary"'),
    ("table of contents", '<div class="md-sidebar md-sidebar--secondary"'), ("title and topics", '<div class="md-content"'),
    ("evidence card", '<section class="ev-evidence"'), ("standards", '<section class="cpd-standards"'),
    (BRIEFING, '<div class="ev-summary__body">'), ("reflection", '<section class="ev-reflection"'),
    ("sharing", '<section class="ev-share"'), ("citing", '<section class="ev-cite"'), ("print and QR code", '<p class="ev-print-actions"'),
    ("CPD panel", '<section class="cpd-panel"'), ("related summaries", '<aside class="ev-related"'),
]
FOOTER = ("footer and scripts", "</article>")


def parts(page: str) -> dict[str, int]:
    """Bytes of each part of a summary page, in page order."""
    data = page.encode("utf-8")
    starts = [(data.find(marker.encode()), name) for name, marker in MARKERS]
    starts.append((data.rfind(FOOTER[1].encode()), FOOTER[0]))
    starts = sorted((at, name) for at, name in starts if at >= 0)
    ends = [at for at, _ in starts[1:]] + [len(data)]
    return {name: end - at for (at, name), end in zip(starts, ends)}


def beyond_briefing(page: str) -> int:
    """The page's bytes less its briefing's: what the budget counts."""
    return len(page.encode("utf-8")) - parts(page).get(BRIEFING, 0)


def mean_parts(pages: list[Path]) -> dict[str, float]:
    """Each part's mean bytes over the pages that have it, then the page and what lies beyond the briefing."""
    totals: dict[str, list[int]] = {}
    for path in pages:
        text = path.read_text(encoding="utf-8")
        for name, size in {**parts(text), "whole page": len(text.encode("utf-8")), "beyond the briefing": beyond_briefing(text)}.items():
            totals.setdefault(name, []).append(size)
    return {name: sum(sizes) / len(sizes) for name, sizes in totals.items()}


def print_table(rows: list[tuple[int, dict[str, float]]]) -> None:
    """One row per N: each part's mean, then the whole page and what lies beyond the briefing."""
    names = [name for name, _ in MARKERS] + [FOOTER[0], "whole page", "beyond the briefing"]
    print(f"\nA summary page by part (mean over every summary page; budget {BUDGET / 1024:.0f} KB beyond the briefing):")
    table.print_table(["N", *names], [[str(n), *(f"{means[name] / 1024:.2f} KB" if name in means else "-" for name in names)] for n, means in rows])
